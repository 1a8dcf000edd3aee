package e2e

import (
	"context"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/demo"
)

// axeSource is axe-core 4.10.3 (MPL-2.0, see testdata/axe-core/LICENSE),
// the accessibility checker run on every page below. Only the tests use
// it: it is not part of the binary.
//
//go:embed testdata/axe-core/axe.min.js
var axeSource string

// axeRun checks the page against WCAG 2.2 A and AA and the checker's best
// practices, and answers the serious and critical findings, one line each.
const axeRun = `axe.run(document, {
  runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
  resultTypes: ["violations"]
}).then(r => r.violations
  .filter(v => v.impact === "serious" || v.impact === "critical")
  .flatMap(v => v.nodes.slice(0, 3).map(n => v.impact + " " + v.id + ": " + v.help + " at " + n.target.join(" ") +
    (n.failureSummary ? " (" + n.failureSummary.replace(/\s+/g, " ").slice(0, 200) + ")" : ""))))`

// menuLinks collects the pages the header offers: the menu and the
// signed-in block (notifications), so a page added to the menu is checked
// without anyone adding it here.
const menuLinks = `[...new Set([...document.querySelectorAll("header.top nav a[href], header.top .who a[href]")]
  .map(a => a.getAttribute("href")).filter(h => h.startsWith("/")))]`

// TestEveryMenuPageFitsAPhoneAndPassesAxe signs in as each demo role on a
// 360 px phone and opens every page of its menu: none may scroll sideways
// and axe-core may find nothing serious or critical.
func TestEveryMenuPageFitsAPhoneAndPassesAxe(t *testing.T) {
	ctx := browserFor(t, 8*time.Minute)
	do(t, ctx, "a phone 360 px wide", chromedp.EmulateViewport(360, 740))
	checked := map[string]bool{}
	roles := []string{"staf", "kepala bidang", "kepala opd", "admin opd", "admin bkpsdm", "wali kota", "auditor"}
	for _, role := range roles {
		t.Run(strings.ReplaceAll(role, " ", "_"), func(t *testing.T) {
			var username string
			if role == "kepala opd" {
				username = opdHead(t).Username
			} else {
				username = account(t, role).Username
			}
			signIn(t, ctx, username)
			defer signOut(t, ctx)
			pages, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](menuLinks))
			if err != nil || len(pages) < 3 {
				fail(t, ctx, "read the menu", fmt.Errorf("%d links, %v", len(pages), err))
			}
			for _, page := range pages {
				// The beranda differs by role; the other pages are the
				// same templates whoever reads them, checked once.
				if page != "/" && checked[page] {
					continue
				}
				checked[page] = true
				checkPage(t, ctx, page)
			}
		})
	}
}

// checkPage opens page and reports sideways scrolling and axe's serious
// and critical findings.
func checkPage(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	do(t, ctx, "open "+page, chromedp.Navigate(server.URL+page), chromedp.WaitVisible(chromedp.CSS(`main`)))
	width, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil {
		fail(t, ctx, "measure "+page, err)
	}
	if inner, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.innerWidth`)); width > inner {
		wide, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("body *")]
		  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
		  .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ").join(".") : ""))`))
		t.Errorf("%s scrolls sideways at %d px: %d px wide (%s)", page, inner, width, strings.Join(wide, ", "))
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeSource+";\ntrue")); err != nil {
		fail(t, ctx, "load axe-core on "+page, err)
	}
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		fail(t, ctx, "run axe-core on "+page, err)
	}
	for _, f := range found {
		t.Errorf("%s: %s", page, f)
	}
}

// signOut ends the session from the header.
func signOut(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, "sign out",
		chromedp.Navigate(server.URL+"/profil"),
		chromedp.Click(chromedp.CSS(`form[action="/keluar"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name="username"]`)),
	)
}

// opdHead is the demo account of the head of the demo supervisor's OPD:
// the one who rates the kepala bidang.
func opdHead(t *testing.T) demo.Account {
	t.Helper()
	ctx := context.Background()
	boss := account(t, "kepala bidang")
	u, err := server.Store.UserByUsername(ctx, boss.Username)
	if err != nil {
		t.Fatal(err)
	}
	chart, err := server.App.OrgChart(ctx, u.InstansiID)
	if err != nil {
		t.Fatal(err)
	}
	head := chart.Rater(u.EmployeeID)
	people, err := server.Store.EmployeesByID(ctx, []string{head})
	if err != nil || head == "" {
		t.Fatalf("the kepala bidang's rater %q: %v", head, err)
	}
	return demo.Account{Username: people[head].NIP, Role: "Kepala OPD", Name: people[head].FullName()}
}

// TestFocusRingStandsOut checks the keyboard focus ring keeps 3:1 against
// the background around it (WCAG 1.4.11), on the light page and in the
// brand-coloured header alike.
func TestFocusRingStandsOut(t *testing.T) {
	ctx := browser(t)
	signIn(t, ctx, account(t, "staf").Username)
	defer signOut(t, ctx)
	do(t, ctx, "open the profile", chromedp.Navigate(server.URL+"/profil"), chromedp.WaitVisible(chromedp.CSS(`main`)))
	// The ring's colour and the first opaque background behind the element.
	const ring = `(sel => { const el = document.querySelector(sel); el.focus({focusVisible: true});
	  if (!el.matches(":focus-visible")) return [];
	  let bg = "", n = el.parentElement;
	  for (; n; n = n.parentElement) { bg = getComputedStyle(n).backgroundColor; if (!/rgba\(.*, 0\)$|transparent/.test(bg)) break; }
	  return [getComputedStyle(el).outlineColor, n ? bg : "rgb(255, 255, 255)"]; })`
	for _, sel := range []string{`main a[href]`, `main button`, `header.top a.brand`, `header.top .who button`} {
		colours, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](ring+"("+strconv.Quote(sel)+")"))
		if err != nil || len(colours) != 2 {
			fail(t, ctx, "focus "+sel, fmt.Errorf("%v, %v", colours, err))
		}
		if r := contrast(t, colours[0], colours[1]); r < 3 {
			t.Errorf("%s: the focus ring %s on %s has %.2f:1, under 3:1", sel, colours[0], colours[1], r)
		}
	}
}

// contrast is the WCAG contrast ratio of two CSS rgb() colours.
func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	lum := func(c string) float64 {
		var r, g, b float64
		if _, err := fmt.Sscanf(strings.NewReplacer("rgba(", "", "rgb(", "", ",", " ").Replace(c), "%f %f %f", &r, &g, &b); err != nil {
			t.Fatalf("colour %q: %v", c, err)
		}
		lin := func(v float64) float64 {
			v /= 255
			if v <= 0.04045 {
				return v / 12.92
			}
			return math.Pow((v+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
