package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// TestPenilaianFromRatingToDecision, on phones: the month that is open
// closes (it is opened again afterwards), so the staff member's SKP gets
// an assessment; the Wali Kota has set the Dinas' capaian and the
// instansi takes objections to monthly results. The Kepala Dinas keeps
// the calibration page open while the Kepala Bidang rates and sends the
// result, and sees the curve move; the staff member sees the result and
// objects; the Kepala Bidang explains; the Kepala Dinas, the atasan,
// decides, and the result says so.
func TestPenilaianFromRatingToDecision(t *testing.T) {
	bg := context.Background()
	a, s := server.App, server.Store
	bossAcc, other := account(t, "kepala bidang"), account(t, "staf")
	boss, admin := actorOf(t, bossAcc.Username), actorOf(t, account(t, "admin bkpsdm").Username)
	wali := actorOf(t, account(t, "wali kota").Username)
	in := boss.InstansiID
	today := a.Today(bg, in)
	periods, err := a.Periods(bg, admin, today.Time().Year())
	if err != nil {
		t.Fatal(err)
	}
	var month model.Period
	for _, p := range periods {
		if p.Kind == model.PeriodMonthly && p.Start <= today && today <= p.End {
			month = p
		}
	}
	if month.ID == "" || month.Status != model.PeriodOpen {
		t.Fatalf("the month of %s is not open: %+v", today, month)
	}
	month.Status = model.PeriodClosed
	if err := clock.MovePeriod(bg, a, admin, month, ""); err != nil { // the morning after its last day
		t.Fatalf("close %s: %v", month.Name(), err)
	}
	t.Cleanup(func() {
		month.Status = model.PeriodOpen
		if err := a.MovePeriod(bg, admin, month, ""); err != nil {
			t.Errorf("open %s again: %v", month.Name(), err)
		}
		if err := a.SetPeriodicObjections(bg, admin, false); err != nil {
			t.Errorf("periodic objections off: %v", err)
		}
	})
	if err := a.SetPeriodicObjections(bg, admin, true); err != nil {
		t.Fatal(err)
	}
	// A member of the Kepala Bidang's team other than the demo's staff
	// account (another journey rates that one's).
	chart, err := a.OrgChart(bg, in)
	if err != nil {
		t.Fatal(err)
	}
	otherActor := actorOf(t, other.Username)
	list, err := s.Assessments(bg, store.AssessmentFilter{InstansiID: in, PeriodID: month.ID, Employees: chart.Team(boss.EmployeeID),
		Status: model.AssessmentOpen})
	if err != nil {
		t.Fatal(err)
	}
	var as model.Assessment
	for _, x := range list {
		if x.EmployeeID != otherActor.EmployeeID && chart.Rater(x.EmployeeID) == boss.EmployeeID {
			as = x
			break
		}
	}
	if as.ID == "" {
		t.Fatalf("no open assessment of %s in the Kepala Bidang's team (%d open)", month.Name(), len(list))
	}
	staffEmp, err := s.Employee(bg, as.EmployeeID)
	if err != nil {
		t.Fatal(err)
	}
	staffAcc := struct{ Username, Name string }{staffEmp.NIP, staffEmp.FullName()}
	staff := actorOf(t, staffAcc.Username)
	if _, err := a.SetUnitPerformance(bg, wali, as.OPDID, month.ID, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
		Basis: "Rencana aksi bulan ini tercapai"}); err != nil {
		t.Fatalf("set the capaian: %v", err)
	}
	// The Kepala Dinas heads the OPD and is the atasan of the staff
	// member's rater.
	opd, err := s.Unit(bg, as.OPDID)
	if err != nil {
		t.Fatal(err)
	}
	head := chart.Holder(opd.HeadPositionID)
	if head == "" || chart.UpperRater(staff.EmployeeID) != head || chart.Rater(staff.EmployeeID) != boss.EmployeeID {
		t.Fatalf("the OPD head %q is not the staff member's atasan (%q) above %q", head, chart.UpperRater(staff.EmployeeID), chart.Rater(staff.EmployeeID))
	}
	headEmp, err := s.Employee(bg, head)
	if err != nil {
		t.Fatal(err)
	}

	// The Kepala Dinas opens the calibration.
	headCtx := browser(t)
	signIn(t, headCtx, headEmp.NIP)
	calib := "/kalibrasi/" + opd.ID + "?periode=" + month.ID
	do(t, headCtx, "open the calibration",
		chromedp.Navigate(server.URL+calib),
		chromedp.WaitVisible(chromedp.CSS(`[data-live-curve] svg`), chromedp.NodeReady),
	)
	countsBefore := text(t, headCtx, `[data-live-curve] p.small`)

	// The Kepala Bidang rates and sends.
	bossCtx := browser(t)
	signIn(t, bossCtx, bossAcc.Username)
	page := "/penilaian/" + as.ID
	do(t, bossCtx, "rate the staff member",
		chromedp.Navigate(server.URL+page),
		chromedp.WaitVisible(chromedp.CSS(`#rating-form`), chromedp.NodeReady),
		chromedp.Click(chromedp.CSS(`input[name="hasil_kerja"][value="di_atas"]`)),
		chromedp.Click(chromedp.CSS(`input[name="perilaku_kerja"][value="sesuai"]`)),
		chromedp.Click(chromedp.CSS(`#rating-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)),
	)
	// The open calibration page redraws its curve by itself.
	waitFor(t, headCtx, "the curve moves on the open calibration page", func() bool {
		now, err := chromedp.Run(headCtx, chromedp.Evaluate[string](`(document.querySelector('[data-live-curve] p.small') || {}).textContent || ''`))
		return err == nil && now != "" && now != countsBefore
	})
	do(t, bossCtx, "send the result",
		chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`),
		chromedp.Click(chromedp.CSS(`form[action$="/kirim"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)),
	)

	// The staff member sees the result and objects.
	staffCtx := browser(t)
	signIn(t, staffCtx, staffAcc.Username)
	do(t, staffCtx, "open the result",
		chromedp.Navigate(server.URL+page),
		chromedp.WaitVisible(chromedp.CSS(`#keberatan`), chromedp.NodeReady),
	)
	if p := text(t, staffCtx, `[data-predikat]`); p != "Baik" {
		t.Errorf("the employee's predikat %q", p)
	}
	reason := "Dua laporan yang saya serahkan tepat waktu belum diperhitungkan."
	do(t, staffCtx, "object",
		chromedp.Click(chromedp.CSS(`#keberatan a[href$="/keberatan"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#reason`)),
		chromedp.SendKeys(chromedp.CSS(`#reason`), reason),
		chromedp.Click(chromedp.CSS(`form[action$="/keberatan"] button[type="submit"]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#reason`)),
	)
	objection, err := chromedp.Run(staffCtx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil || !strings.HasPrefix(objection, "/keberatan/") {
		fail(t, staffCtx, "the objection's page", err)
	}
	if got := text(t, staffCtx, "main"); !strings.Contains(got, reason) {
		t.Errorf("the objection's page lacks the reason: %.300s", got)
	}

	// The Kepala Bidang explains; the Kepala Dinas decides.
	do(t, bossCtx, "explain",
		chromedp.Navigate(server.URL+objection),
		chromedp.WaitVisible(chromedp.CSS(`#explanation`)),
		chromedp.SendKeys(chromedp.CSS(`#explanation`), "Kedua laporan diterima setelah batas realisasi; bukti dukung terlampir."),
		chromedp.Click(chromedp.CSS(`form[action$="/penjelasan"] button`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#explanation`)),
	)
	do(t, headCtx, "decide",
		chromedp.Navigate(server.URL+objection),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/keputusan"]`)),
		chromedp.Click(chromedp.CSS(`input[name="decision"][value="change"]`)),
		chromedp.SetValue(chromedp.CSS(`#perilaku_kerja`), "di_atas"),
		chromedp.SendKeys(chromedp.CSS(`#note`), "Laporan susulan terbukti; rating perilaku kerja dinaikkan."),
		chromedp.Click(chromedp.CSS(`form[action$="/keputusan"] button`)),
		chromedp.WaitNotPresent(chromedp.CSS(`form[action$="/keputusan"]`)),
	)
	got, err := s.Assessment(bg, as.ID)
	if err != nil || got.Predikat != model.PredikatSangatBaik {
		t.Errorf("after the decision: %s, %v", got.Predikat, err)
	}
	do(t, staffCtx, "read the decided result",
		chromedp.Navigate(server.URL+page),
		chromedp.WaitVisible(chromedp.CSS(`#keberatan`), chromedp.NodeReady),
	)
	if p := text(t, staffCtx, `[data-predikat]`); p != "Sangat Baik" {
		t.Errorf("the predikat after the decision %q", p)
	}
	if wide, _ := chromedp.Run(staffCtx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`)); wide {
		t.Error("the result page scrolls sideways on a phone")
	}
	// The Dokumen Evaluasi Kinerja Pegawai holds the three people, the
	// objection, the explanation and the decision.
	pdf := fetchPDFText(t, staffCtx, page+"/dokumen.pdf")
	for _, want := range []string{"PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA", "ATASAN PEJABAT PENILAI KINERJA",
		"PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN", "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN",
		firstWords(staffAcc.Name, 1), firstWords(bossAcc.Name, 1), firstWords(headEmp.Name, 1),
		"Dua laporan yang saya", "Kedua laporan diterima", "Laporan susulan terbukti", "Hasil penilaian diubah"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("the Dokumen Evaluasi lacks %q", want)
		}
	}
}

// waitFor polls cond until it holds, failing after ten seconds.
func waitFor(t *testing.T, ctx context.Context, what string, cond func() bool) {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > 10*time.Second {
			fail(t, ctx, what, nil)
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("%s after %v", what, time.Since(start).Round(time.Millisecond))
}
