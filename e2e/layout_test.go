package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestMainPagesFitAPhone checks the main pages of a supervisor who reads
// English (the longer labels) do not scroll sideways on a 360 px wide
// phone: the header's links and buttons wrap instead of running off.
func TestMainPagesFitAPhone(t *testing.T) {
	ctx := browser(t)
	boss := account(t, "kepala bidang")
	signIn(t, ctx, boss.Username)
	do(t, ctx, "choose English",
		chromedp.Click(chromedp.CSS(`.who form[action="/bahasa"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="en"]`)),
	)
	defer do(t, ctx, "back to Indonesian",
		chromedp.Click(chromedp.CSS(`.who form[action="/bahasa"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="id"]`)),
	)
	do(t, ctx, "a phone 360 px wide", chromedp.EmulateViewport(360, 780))
	for _, page := range []string{"/", "/skp", "/progres", "/meja", "/notifikasi", "/profil"} {
		do(t, ctx, "open "+page, chromedp.Navigate(server.URL+page), chromedp.WaitVisible(chromedp.CSS(`main`)))
		fits, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`))
		if err != nil {
			fail(t, ctx, "measure "+page, err)
		}
		if !fits {
			width, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			t.Errorf("%s scrolls sideways at 360 px: %d px wide", page, width)
		}
	}
}
