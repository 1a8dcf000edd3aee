package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// On a phone (390 px) the calibration chart shows the count over its
// tallest bar whole, inside the chart, and the Evaluasi Kinerja Pegawai's
// identity table stacks instead of cutting off the pejabat penilai's
// column.
func TestPenilaianPagesOnAPhone(t *testing.T) {
	bg := context.Background()
	admin := actorOf(t, account(t, "admin bkpsdm").Username)
	list, err := server.Store.Assessments(bg, store.AssessmentFilter{InstansiID: admin.InstansiID, Status: model.AssessmentFinal, Limit: 1})
	if err != nil || len(list) == 0 {
		t.Fatalf("a final assessment of the demo: %v", err)
	}
	as := list[0]
	ctx := browser(t)
	do(t, ctx, "a phone's screen", chromedp.EmulateViewport(390, 844))
	signIn(t, ctx, account(t, "admin bkpsdm").Username)

	do(t, ctx, "open the calibration", chromedp.Navigate(server.URL+"/kalibrasi/"+as.OPDID+"?periode="+as.PeriodID),
		chromedp.WaitVisible(chromedp.CSS(`figure.curve svg`)))
	// The highest top of a count, relative to the chart's top: at or
	// below 0 means a count is cut off.
	top, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(() => {
		const svg = document.querySelector('figure.curve svg').getBoundingClientRect();
		return Math.min(...[...document.querySelectorAll('figure.curve .count')].map(c => c.getBoundingClientRect().top - svg.top));
	})()`))
	if err != nil {
		fail(t, ctx, "measure the counts", err)
	}
	if top <= 0 {
		t.Errorf("the tallest bar's count is cut off: %.1f px above the chart's top", -top)
	}
	fitsThePhone(t, ctx, "the calibration")
	screenshot(t, ctx, "kalibrasi")

	// The year's periods, with the moves withheld and their reasons.
	do(t, ctx, "open the year", chromedp.Navigate(server.URL+"/tahun"), chromedp.WaitVisible(chromedp.CSS(`main`)))
	fitsThePhone(t, ctx, "the year's periods")
	screenshot(t, ctx, "tahun")

	do(t, ctx, "open the evaluation", chromedp.Navigate(server.URL+"/penilaian/"+as.ID+"/evaluasi"),
		chromedp.WaitVisible(chromedp.CSS(`table.doc-identity`)))
	cut, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const w = document.querySelector('table.doc-identity').parentElement;
		return w.scrollWidth > w.clientWidth + 1;
	})()`))
	if err != nil {
		fail(t, ctx, "measure the identity table", err)
	}
	if cut {
		t.Error("the identity table is wider than the phone")
	}
	rater, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll('table.doc-identity td[data-label]')].some(td =>
		td.dataset.label.startsWith('Pejabat') && td.offsetWidth > 0 &&
		td.getBoundingClientRect().right <= td.closest('.table-wrap').getBoundingClientRect().right + 1)`))
	if err != nil {
		fail(t, ctx, "find the pejabat penilai's values", err)
	}
	if !rater {
		t.Error("the pejabat penilai's values are not on the screen")
	}
	fitsThePhone(t, ctx, "the evaluation")
}
