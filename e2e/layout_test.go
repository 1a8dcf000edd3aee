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

// TestPhoneHeaderTakesAFifth checks the header (with the demo ribbon above
// it) takes at most a fifth of a 390 x 844 phone, for the role with the
// longest menu and in both languages: the menu folds behind one button and
// opens over the page.
func TestPhoneHeaderTakesAFifth(t *testing.T) {
	ctx := browser(t)
	do(t, ctx, "a phone 390 x 844", chromedp.EmulateViewport(390, 844))
	signIn(t, ctx, account(t, "admin bkpsdm").Username)
	defer signOut(t, ctx)
	for _, next := range []string{"en", "id"} { // Indonesian, then English, then back
		bottom, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector("header.top").getBoundingClientRect().bottom`))
		if err != nil {
			fail(t, ctx, "measure the header", err)
		}
		if bottom > 844.0/5 {
			t.Errorf("the header ends %.0f px down a 844 px screen, more than a fifth", bottom)
		}
		do(t, ctx, "open the menu",
			chromedp.Click(chromedp.CSS(`.menu > summary`)),
			chromedp.WaitVisible(chromedp.CSS(`.menu nav a[href="/audit"]`)),
		)
		after, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector("header.top").getBoundingClientRect().bottom`))
		if after != bottom {
			t.Errorf("the open menu pushes the page down (%.0f px to %.0f px) instead of opening over it", bottom, after)
		}
		// Wait for the page in the other language, not the one still shown.
		do(t, ctx, "switch language",
			chromedp.Click(chromedp.CSS(`.who form[action="/bahasa"] button`)),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="`+next+`"] main`)),
		)
	}
	if lang, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "id" {
		t.Errorf("after two switches the page is in %q", lang)
	}
}
