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

// notStarted finds a demo ASN who has not started this year's SKP and
// whose pejabat penilai has an approved one to cascade from.
func notStarted(t *testing.T) (asn, rater model.Employee) {
	t.Helper()
	ctx := context.Background()
	a, db := server.App, server.Store
	in := mustInstansi(t)
	year := a.Today(ctx, in).Time().Year()
	chart, err := a.OrgChart(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Filling(ctx, in, year)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Status != "" {
			continue
		}
		boss := chart.Rater(r.EmployeeID)
		list, _ := db.SKPs(ctx, store.SKPFilter{InstansiID: in, EmployeeIDs: []string{boss}, Year: year, Status: model.SKPApproved})
		if len(list) == 0 || list[0].Format != model.FormatJAJF && list[0].Format != model.FormatJPT {
			continue
		}
		// Someone with no SKP at all this year: not one whose SKP a
		// transfer closed (another journey transfers a school head).
		if own, _ := db.SKPs(ctx, store.SKPFilter{InstansiID: in, EmployeeIDs: []string{r.EmployeeID}, Year: year}); len(own) > 0 {
			continue
		}
		e, _ := db.Employee(ctx, r.EmployeeID)
		b, _ := db.Employee(ctx, boss)
		if e.PositionKind == model.PositionJPTPratama || b.NIP == "" {
			continue
		}
		return e, b
	}
	t.Fatal("the demo has no ASN without an SKP under an approved supervisor")
	return
}

// TestSKPJourneyOnAPhone: an ASN drafts an SKP whose RHK intervenes the
// supervisor's, submits it; the supervisor returns it with a note; the ASN
// fixes and resubmits; the supervisor approves; both can fetch the PDF.
// Two browsers at 390×844.
func TestSKPJourneyOnAPhone(t *testing.T) {
	asnCtx := browser(t)
	asn, boss := notStarted(t)
	bossCtx := browser(t)

	signIn(t, asnCtx, asn.NIP)
	do(t, asnCtx, "create the SKP",
		chromedp.Navigate(server.URL+"/skp"),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/skp"] button[type="submit"]`)),
		chromedp.Click(chromedp.CSS(`form[action="/skp"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#rhk-h`)),
	)
	loc, _ := chromedp.Run(asnCtx, chromedp.Location())
	if _, err := chromedp.Run(asnCtx, chromedp.Evaluate[int](`document.querySelector('#parent_rhk_id').selectedIndex = 1`)); err != nil {
		fail(t, asnCtx, "choose the supervisor's RHK", err)
	}
	do(t, asnCtx, "add an RHK that intervenes the supervisor's",
		chromedp.SendKeys(chromedp.CSS(`#description`), "Tersusunnya laporan layanan bulanan"),
		chromedp.Click(chromedp.CSS(`form[action$="/rhk"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/indikator"]`), chromedp.NodeReady),
	)
	addIndicator := func(what, target string) {
		do(t, asnCtx, "add an indicator",
			chromedp.Navigate(loc),
			chromedp.Click(chromedp.CSS(`#rhk details:has(> form[action$="/indikator"]) > summary`)),
			chromedp.SendKeys(chromedp.CSS(`form[action$="/indikator"] input[name="description"]`), what),
			chromedp.SendKeys(chromedp.CSS(`form[action$="/indikator"] input[name="target"]`), target),
			chromedp.SendKeys(chromedp.CSS(`form[action$="/indikator"] input[name="unit"]`), "laporan"),
		)
		// Wait for the page the form leads to, not for an element the old
		// page has too, so that the next step does not cut the form's
		// navigation short.
		clickToNewPage(t, asnCtx, `form[action$="/indikator"] button[type="submit"]`)
		if n, err := chromedp.Run(asnCtx, chromedp.Evaluate[bool](`[...document.querySelectorAll('#rhk .changes li')].some(li => li.textContent.includes(`+jsString(what)+`))`)); err != nil || !n {
			fail(t, asnCtx, "the indicator on the page", err)
		}
	}
	addIndicator("Jumlah laporan layanan", "120")
	// A mistyped target is corrected in place, in the indicator's own form.
	do(t, asnCtx, "open the indicator's change form",
		chromedp.Navigate(loc),
		chromedp.Click(chromedp.CSS(`#rhk .indicator-edit > summary`)),
		chromedp.WaitVisible(chromedp.CSS(`#rhk .indicator-edit input[name="target"]`)),
	)
	if _, err := chromedp.Run(asnCtx, chromedp.Evaluate[string](`document.querySelector('#rhk .indicator-edit input[name="target"]').value = ""`)); err != nil {
		fail(t, asnCtx, "clear the target", err)
	}
	do(t, asnCtx, "type the right target", chromedp.SendKeys(chromedp.CSS(`#rhk .indicator-edit input[name="target"]`), "12"))
	screenshot(t, asnCtx, "skp-indikator-ubah")
	clickToNewPage(t, asnCtx, `#rhk .indicator-edit button[type="submit"]`)
	if got := text(t, asnCtx, "#rhk .changes li strong"); got != "12 laporan" {
		t.Errorf("the corrected target = %q", got)
	}
	submit := func() {
		do(t, asnCtx, "submit",
			chromedp.Navigate(loc),
			chromedp.Click(chromedp.CSS(`[data-skp-submit] button`)),
			chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)),
		)
	}
	submit()

	signIn(t, bossCtx, boss.NIP)
	do(t, bossCtx, "return with a note",
		chromedp.Navigate(loc),
		chromedp.WaitVisible(chromedp.CSS(`[data-skp-return]`)),
		chromedp.SendKeys(chromedp.CSS(`#note`), "Tambahkan indikator kualitas"),
		chromedp.Click(chromedp.CSS(`[data-skp-return] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)),
	)
	do(t, asnCtx, "see the note", chromedp.Navigate(loc), chromedp.WaitVisible(chromedp.CSS(`.alert.error`)))
	if got := text(t, asnCtx, ".alert.error"); !strings.Contains(got, "Tambahkan indikator kualitas") {
		t.Fatalf("the ASN does not see the note: %q", got)
	}
	addIndicator("Persentase laporan tepat waktu", "100")
	submit()
	do(t, bossCtx, "approve",
		chromedp.Navigate(loc),
		chromedp.Click(chromedp.CSS(`[data-skp-approve] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)),
	)
	if got := text(t, asnCtx, "h1"); !strings.Contains(got, "SKP") {
		t.Errorf("heading = %q", got)
	}
	for _, ctx := range []context.Context{asnCtx, bossCtx} {
		ct, err := chromedp.Run(ctx, chromedp.Evaluate[string](
			`fetch(document.querySelector('a[href$="dokumen.pdf"]').href).then(r => r.status + " " + r.headers.get("content-type"))`,
			chromedp.EvalAwaitPromise))
		if err != nil || ct != "200 application/pdf" {
			t.Errorf("PDF: %q, %v", ct, err)
		}
	}
	in := mustInstansi(t)
	s, err := server.Store.SKPs(context.Background(), store.SKPFilter{InstansiID: in, EmployeeIDs: []string{asn.ID},
		Year: server.App.Today(context.Background(), in).Time().Year()})
	if err != nil || len(s) != 1 || s[0].Status != model.SKPApproved {
		t.Errorf("stored SKP = %+v, %v", s, err)
	}
}

// clickToNewPage clicks what leads to another page (a form's button) and
// waits until that page has loaded.
func clickToNewPage(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	mark(t, ctx)
	do(t, ctx, "click "+sel, chromedp.Click(chromedp.CSS(sel)))
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		// Evaluating while the page changes fails; try again.
		if fresh, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.kinerjaMarker !== true && document.readyState === "complete"`)); err == nil && fresh {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	fail(t, ctx, "the page after "+sel, context.DeadlineExceeded)
}
