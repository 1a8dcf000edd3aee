package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// On a phone, the BKPSDM admin records the Inspektorat's recommendation
// on its behalf: refused without the letter it came in, kept with it, and
// shown on the page and in the printable penetapan as recorded on its
// behalf with that basis.
func TestRecommendationOnBehalfOnAPhone(t *testing.T) {
	ctx := browser(t)
	do(t, ctx, "a phone's screen", chromedp.EmulateViewport(390, 844))
	signIn(t, ctx, account(t, "admin bkpsdm").Username)
	do(t, ctx, "open the capaian organisasi", chromedp.Navigate(server.URL+"/capaian-organisasi"),
		chromedp.WaitVisible(chromedp.CSS(`section.card[id^="opd-"]`)))
	id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('section.card[id^="opd-"] form[action$="/rekomendasi"]').closest("section").id`))
	if err != nil || id == "" {
		fail(t, ctx, "an OPD to recommend on", err)
	}
	unit := strings.TrimPrefix(id, "opd-")
	sec := "#" + id
	form := sec + ` form[action$="/rekomendasi"]`
	const letter = "Surat Inspektorat No. 700/123/2026 tanggal 5 November 2026"

	// Without the basis: refused, the form open again saying what is missing.
	do(t, ctx, "record without a basis",
		chromedp.Click(chromedp.CSS(sec+` details:has(form[action$="/rekomendasi"]) > summary`)),
		chromedp.SetValue(chromedp.CSS("#s-"+unit), "inspektorat"),
		chromedp.SetValue(chromedp.CSS("#rc-"+unit), "butuh_perbaikan"),
		chromedp.SendKeys(chromedp.CSS("#n-"+unit), "Dua temuan pemeriksaan belum ditindaklanjuti."),
		chromedp.Click(chromedp.CSS(form+` button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(form+` .alert.error`)))
	if got := text(t, ctx, form+` .alert.error`); !strings.Contains(got, "dasar pencatatan") {
		t.Errorf("the refusal says %q", got)
	}
	shotOf(t, ctx, "capaian-atas-nama-tanpa-dasar", sec)

	// With the letter: kept, and shown as recorded on the Inspektorat's behalf.
	do(t, ctx, "record with the letter",
		chromedp.SendKeys(chromedp.CSS("#rb-"+unit), letter),
		chromedp.Click(chromedp.CSS(form+` button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)))
	got := text(t, ctx, sec+" ul.recs")
	if !strings.Contains(got, "atas nama Inspektorat: "+letter) || !strings.Contains(got, "Dicatat oleh ") {
		t.Errorf("the recommendations read %q", got)
	}
	shotOf(t, ctx, "capaian-atas-nama", sec)
	width, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`document.documentElement.scrollWidth`))
	if err != nil || width > 390 {
		t.Errorf("the page scrolls sideways on a phone: %d px, %v", width, err)
	}

	// The printable penetapan says the same.
	period, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#f-periode').value`))
	if err != nil {
		fail(t, ctx, "the period shown", err)
	}
	do(t, ctx, "open the penetapan", chromedp.Navigate(server.URL+"/capaian-organisasi/"+unit+"/"+period+"/penetapan"),
		chromedp.WaitVisible(chromedp.CSS(`table.doc-stack`)))
	if got := text(t, ctx, `table.doc-stack`); !strings.Contains(got, "atas nama Inspektorat: "+letter) {
		t.Errorf("the penetapan's recommendations read %q", got)
	}
	shotOf(t, ctx, "penetapan-atas-nama", `table.doc-stack`)
}

// shotOf saves the element sel, at the phone's size and at a laptop's,
// into the folder KINERJA_SCREENSHOTS names (nothing when it is not set).
func shotOf(t *testing.T, ctx context.Context, name, sel string) {
	t.Helper()
	dir := os.Getenv("KINERJA_SCREENSHOTS")
	if dir == "" {
		return
	}
	for _, size := range []struct {
		label         string
		width, height int64
	}{{"390", 390, 844}, {"1366", 1366, 768}} {
		do(t, ctx, "resize for a screenshot", chromedp.EmulateViewport(size.width, size.height))
		shot, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
		if err != nil {
			t.Errorf("screenshot %s: %v", name, err)
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name+"-"+size.label+".png"), shot, 0o644); err != nil {
			t.Error(err)
		}
	}
	do(t, ctx, "back to the phone", chromedp.EmulateViewport(390, 844))
}
