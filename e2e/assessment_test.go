package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// TestSupervisorRatesWithTheEvidenceInView: in the month of today, the
// demo staff member links a report to its realisasi, and the month closes
// (it opens again afterwards), which makes its assessments. On a phone the supervisor opens
// penilaian, opens the staff member's assessment, sees the evidence and
// the suggested rating, rates, sees the predikat previewed, saves, and
// sees it saved.
func TestSupervisorRatesWithTheEvidenceInView(t *testing.T) {
	ctx := browser(t)
	bg := context.Background()
	a := server.App
	staffAcc, bossAcc := account(t, "staf"), account(t, "kepala bidang")
	staff, admin := actorOf(t, staffAcc.Username), actorOf(t, account(t, "admin bkpsdm").Username)
	year := a.Today(bg, staff.InstansiID).Time().Year()
	periods, err := a.Periods(bg, admin, year)
	if err != nil {
		t.Fatal(err)
	}
	// The month of today is open; it closes here and opens again after.
	today := a.Today(bg, staff.InstansiID)
	var sep model.Period
	for _, p := range periods {
		if p.Kind == model.PeriodMonthly && p.Start <= today && today <= p.End {
			sep = p
		}
	}
	if sep.ID == "" || sep.Status != model.PeriodOpen {
		t.Fatalf("the month of %s is not open: %+v", today, sep)
	}
	t.Cleanup(func() {
		sep.Status = model.PeriodOpen
		if err := a.MovePeriod(bg, admin, sep, ""); err != nil {
			t.Errorf("open %s again: %v", sep.Name(), err)
		}
	})
	skps, err := server.Store.SKPs(bg, store.SKPFilter{InstansiID: staff.InstansiID, Year: year, Status: model.SKPApproved})
	if err != nil {
		t.Fatal(err)
	}
	var realisasiID string
	for _, s := range skps {
		if s.EmployeeID != staff.EmployeeID {
			continue
		}
		got, err := server.Store.RealisasiOf(bg, s.ID, sep.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range got {
			realisasiID = r.ID
			break
		}
		full, err := server.Store.SKP(bg, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if realisasiID == "" && len(full.RHK) > 0 && len(full.RHK[0].Indicators) > 0 {
			in := full.RHK[0].Indicators[0]
			r, err := a.SaveRealisasi(bg, staff, s.ID, 0, model.Realisasi{PeriodID: sep.ID, IndicatorID: in.ID, Value: in.Target,
				Basis: "Laporan bulanan"})
			if err != nil {
				t.Fatalf("record the month's realisasi: %v", err)
			}
			realisasiID = r.ID
		}
	}
	if realisasiID == "" {
		t.Fatalf("the demo staff member has no realisasi for the month (%d approved SKP in the city)", len(skps))
	}
	report := "Laporan kegiatan " + time.Now().Format("150405")
	if _, err := a.AddEvidenceLink(bg, staff, "realisasi", realisasiID, "https://drive.example.go.id/laporan-september", report); err != nil {
		t.Fatalf("link the evidence: %v", err)
	}
	sep.Status = model.PeriodClosed
	if err := clock.MovePeriod(bg, a, admin, sep, ""); err != nil { // the morning after its last day
		t.Fatalf("close %s: %v", sep.Name(), err)
	}

	signIn(t, ctx, bossAcc.Username)
	name := staffAcc.Name
	do(t, ctx, "open penilaian from the menu",
		chromedp.Navigate(server.URL+"/"),
		chromedp.Click(chromedp.CSS(`.menu > summary`)),
		chromedp.Click(chromedp.CSS(`nav a[href="/penilaian"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#rate-h`)),
	)
	if n := text(t, ctx, `[data-waiting-count]`); strings.TrimSpace(n) == "0" || n == "" {
		t.Errorf("waiting count %q", n)
	}
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll('.assessments a')].find(a => a.textContent.includes(`+jsString(name)+`) && a.closest('.card').textContent.includes(`+jsString(sep.Name())+`)).getAttribute('href')`))
	if err != nil || href == "" {
		fail(t, ctx, "find "+name+"'s assessment of "+sep.Name(), err)
	}
	do(t, ctx, "open the assessment",
		chromedp.Click(chromedp.CSS(`.assessments a[href="`+href+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#rating-form`), chromedp.NodeReady),
	)
	if got, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll('.files a')].some(a => a.textContent.includes(`+jsString(report)+`) && a.href.startsWith('https://drive.example.go.id/'))`)); err != nil || !got {
		fail(t, ctx, "the linked evidence on the rating screen", err)
	}
	if s := text(t, ctx, `.suggestion h3`); !strings.Contains(s, "Saran rating hasil kerja") {
		t.Errorf("suggestion box %q", s)
	}
	do(t, ctx, "choose the ratings",
		chromedp.Click(chromedp.CSS(`input[name="hasil_kerja"][value="di_atas"]`)),
		chromedp.Click(chromedp.CSS(`input[name="perilaku_kerja"][value="sesuai"]`)),
	)
	if p := text(t, ctx, `[data-predikat-out]`); p != "Baik" {
		fail(t, ctx, "the previewed predikat", nil)
	}
	do(t, ctx, "save the rating",
		chromedp.SendKeys(chromedp.CSS(`#note`), "Laporan lengkap dan tepat waktu; pertahankan."),
		chromedp.Click(chromedp.CSS(`#rating-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)),
	)
	if p := text(t, ctx, `[data-predikat]`); p != "Baik" {
		t.Errorf("saved predikat %q, want Baik", p)
	}
	// The page fits the phone: nothing pushes it sideways.
	if wide, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`)); wide {
		t.Error("the rating screen scrolls sideways on a phone")
	}

	// The staff member's open page shows the result as soon as it is
	// sent. Sending needs the capaian kinerja organisasi, set on another
	// branch of the work: here the store sends it, with the event
	// FinalizeAssessment emits.
	staffCtx := browser(t)
	signIn(t, staffCtx, staffAcc.Username)
	do(t, staffCtx, "open one's own assessment",
		chromedp.Navigate(server.URL+href),
		chromedp.WaitVisible(chromedp.CSS(`[data-live-assessment]`), chromedp.NodeReady),
	)
	if got := text(t, staffCtx, `#hasil`); !strings.Contains(got, "Penilaian sedang berlangsung") {
		t.Errorf("the employee sees the draft: %q", got)
	}
	id := strings.TrimPrefix(href, "/penilaian/")
	rated, err := server.Store.Assessment(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	final := rated
	final.Status, final.FinalizedBy, final.FinalizedAt = model.AssessmentFinal, rated.RatedBy, time.Now().UTC()
	if err := server.Store.Write(bg, model.SystemActor(staff.InstansiID, "test"), func(tx *store.Tx) error {
		if _, err := tx.UpdateAssessment(bg, "assessment.finalize", rated, final); err != nil {
			return err
		}
		return tx.Emit(bg, staff.EmployeeID, "assessment.finalized", map[string]any{"assessment_id": id, "predikat": final.Predikat})
	}); err != nil {
		t.Fatal(err)
	}
	// The page reloads itself: asking it while it does may fail, so ask
	// again until the result shows.
	sent := time.Now()
	for {
		shown, err := chromedp.Run(staffCtx, chromedp.Evaluate[bool](`(document.querySelector('[data-predikat]') || {}).textContent === 'Baik'`))
		if err == nil && shown {
			break
		}
		if time.Since(sent) > 15*time.Second {
			fail(t, staffCtx, "the result on the employee's open page", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("the result on the employee's open page %v after it was sent", time.Since(sent).Round(time.Millisecond))
	do(t, staffCtx, "acknowledge the result",
		chromedp.Click(chromedp.CSS(`form[action$="/terima"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)),
	)
}
