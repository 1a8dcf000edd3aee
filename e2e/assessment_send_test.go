package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// TestSendingWithheldAtTheCurveLimit: in the month of today (closed here,
// opened again after), the Wali Kota sets an OPD's capaian to Sangat
// Kurang, whose pattern admits no Sangat Baik: an OPD other than the demo
// Kepala Bidang's, which other journeys calibrate. A pejabat penilai
// there rates someone Sangat Baik on a phone before the capaian is set:
// the Kirim button is disabled with the capaian awaited beside it. Once
// it is set, the button stays disabled with the limit named beside it,
// the rating form stays, and a Baik rating brings the button back.
func TestSendingWithheldAtTheCurveLimit(t *testing.T) {
	ctx := browser(t)
	bg := context.Background()
	a, s := server.App, server.Store
	boss := actorOf(t, account(t, "kepala bidang").Username)
	admin := actorOf(t, account(t, "admin bkpsdm").Username)
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
	})
	chart, err := a.OrgChart(bg, in)
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Assessments(bg, store.AssessmentFilter{InstansiID: in, PeriodID: month.ID, Status: model.AssessmentOpen})
	if err != nil {
		t.Fatal(err)
	}
	// An OPD of ten or more people assessed (a smaller one only warns)
	// other than the Kepala Bidang's, whose month other journeys
	// calibrate, and an open assessment in it.
	people, bossOPD := map[string]map[string]bool{}, map[string]bool{}
	for _, x := range list {
		if people[x.OPDID] == nil {
			people[x.OPDID] = map[string]bool{}
		}
		people[x.OPDID][x.EmployeeID] = true
		if chart.Rater(x.EmployeeID) == boss.EmployeeID {
			bossOPD[x.OPDID] = true
		}
	}
	var as model.Assessment
	for _, x := range list {
		r := chart.Rater(x.EmployeeID)
		if len(people[x.OPDID]) >= 10 && !bossOPD[x.OPDID] && r != "" && !x.Leader {
			as = x
			break
		}
	}
	if as.ID == "" {
		t.Fatalf("no open assessment of %s in an OPD of ten or more other than the Kepala Bidang's", month.Name())
	}
	perf, err := a.UnitPerformanceView(bg, wali, as.OPDID, month.ID)
	if err != nil {
		t.Fatal(err)
	}
	rater, err := s.Employee(bg, chart.Rater(as.EmployeeID))
	if err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, rater.NIP)
	page := "/penilaian/" + as.ID
	do(t, ctx, "rate Sangat Baik",
		chromedp.Navigate(server.URL+page),
		chromedp.WaitVisible(chromedp.CSS(`#rating-form`), chromedp.NodeReady),
		chromedp.Click(chromedp.CSS(`input[name="hasil_kerja"][value="di_atas"]`)),
		chromedp.Click(chromedp.CSS(`input[name="perilaku_kerja"][value="di_atas"]`)),
		chromedp.Click(chromedp.CSS(`#rating-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)),
	)
	// Before the capaian is set, nothing can be sent: the Kirim button is
	// disabled with the reason beside it.
	if perf.Performance == nil {
		if got := text(t, ctx, `#kirim-refused`); !strings.Contains(got, "Capaian kinerja organisasi OPD ini untuk periode ini belum ditetapkan") {
			fail(t, ctx, "the missing capaian beside the Kirim button", nil)
		}
		do(t, ctx, "scroll to the Kirim card", chromedp.ScrollIntoView(chromedp.CSS(`#kirim`)))
		screenshot(t, ctx, "penilaian-kirim-tanpa-capaian")
	}
	if _, err := a.SetUnitPerformance(bg, wali, as.OPDID, month.ID, app.UnitPerformanceRequest{Capaian: model.CapaianSangatKurang,
		Basis: "Rencana aksi bulan ini tidak tercapai", Version: perf.Version}); err != nil {
		t.Fatalf("set the capaian: %v", err)
	}
	do(t, ctx, "read the screen again", chromedp.Navigate(server.URL+page), chromedp.WaitVisible(chromedp.CSS(`#kirim`), chromedp.NodeReady))
	if got := text(t, ctx, `#kirim-refused`); !strings.Contains(got, "Batas Sangat Baik untuk OPD ini sudah penuh") {
		fail(t, ctx, "the limit beside the Kirim button", nil)
	}
	if disabled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('#kirim button').disabled && !document.querySelector('form[action$="/kirim"]')`)); err != nil || !disabled {
		fail(t, ctx, "a disabled Kirim button without its form", err)
	}
	do(t, ctx, "scroll to the Kirim card", chromedp.ScrollIntoView(chromedp.CSS(`#kirim`)))
	screenshot(t, ctx, "penilaian-kirim-penuh")
	if wide, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`)); wide {
		t.Error("the rating screen scrolls sideways on a phone")
	}
	do(t, ctx, "rate Baik",
		chromedp.Click(chromedp.CSS(`input[name="hasil_kerja"][value="sesuai"]`)),
		chromedp.Click(chromedp.CSS(`input[name="perilaku_kerja"][value="sesuai"]`)),
		chromedp.Click(chromedp.CSS(`#rating-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/kirim"] button`)),
	)
}
