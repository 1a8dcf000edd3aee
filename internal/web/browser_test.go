package web_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// headless starts Chromium for one test, or skips loudly without it.
func headless(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("KINERJA_CHROMIUM")
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path != "" {
			break
		}
		path, _ = exec.LookPath(name)
	}
	if path == "" {
		t.Skip("browser test SKIPPED: no Chromium (apt-get install chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	// Starting the browser must not carry a timeout. Headless windows are
	// at least 500 px wide, so the phone's 360 px is emulated.
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)); err != nil {
		cancelB()
		cancelA()
		t.Fatalf("start Chromium: %v", err)
	}
	// A safety net so that a broken page cannot hang the suite.
	ctx, cancelT := context.WithTimeout(bctx, 60*time.Second)
	t.Cleanup(func() { cancelT(); cancelB(); cancelA() })
	return ctx
}

func TestSearchAsYouTypeAndNoHorizontalScroll(t *testing.T) {
	ctx := headless(t)
	e := setup(t, storetest.Open(t, "sqlite"), false)
	must := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			loc, _ := chromedp.Run(ctx, chromedp.Location())
			t.Fatalf("%s: %v (at %s)", what, err, loc)
		}
	}
	must("sign in",
		chromedp.Navigate(e.url+"/masuk"),
		chromedp.SendKeys(chromedp.CSS(`#username`), storetest.NIPStaff1),
		chromedp.SendKeys(chromedp.CSS(`#password`), "rahasia-staf1"),
		chromedp.Click(chromedp.CSS(`form[action="/masuk"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/keluar"]`)),
	)
	must("open the directory and mark the page",
		chromedp.Navigate(e.url+"/pegawai"),
		chromedp.WaitVisible(chromedp.CSS(`#q`)),
		chromedp.Evaluate[chromedp.Void](`window.kinerjaSamePage = true`),
	)
	// At 360 px nothing is wider than the screen.
	if w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.innerWidth`)); err != nil || w != 360 {
		t.Fatalf("the page is %d px wide, want 360 (err %v)", w, err)
	}
	for _, path := range []string{"/pegawai", "/", "/unit", "/unit/" + e.o.Aplikasi.ID, "/pegawai/" + e.o.Staff1.ID, "/profil", "/sesi", "/pegawai/nope"} {
		if path != "/pegawai" {
			must("open "+path, chromedp.Navigate(e.url+path), chromedp.WaitVisible(chromedp.CSS(`main`)))
		}
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > 360 || window.innerWidth > 360`))
		if err != nil || wide {
			t.Errorf("%s scrolls sideways at 360 px (err %v)", path, err)
		}
	}
	must("back to the directory",
		chromedp.Navigate(e.url+"/pegawai"),
		chromedp.WaitVisible(chromedp.CSS(`#q`)),
		chromedp.Evaluate[chromedp.Void](`window.kinerjaSamePage = true`),
		chromedp.SendKeys(chromedp.CSS(`#q`), "rina"),
		// The results change without a page load.
		chromedp.Poll[chromedp.Void](`!document.querySelector('#hasil').textContent.includes('Andi Pratama') && document.querySelector('#hasil').textContent.includes('Rina Marlina')`),
	)
	same, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.kinerjaSamePage === true`))
	if err != nil || !same {
		t.Errorf("typing reloaded the page instead of updating the results (err %v)", err)
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if !strings.Contains(loc, "q=rina") {
		t.Errorf("the address %q does not keep the search", loc)
	}
	status, _ := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(`#hasil-status`)))
	if status != "1 pegawai" {
		t.Errorf("screen readers are told %q", status)
	}
	checkNoSidewaysScroll(t, ctx, e.url, "admin", "rahasia-admin", "/audit", "/impor", "/pegawai/"+e.o.Nurse.ID, "/")
}

// checkNoSidewaysScroll signs out, signs in as username and opens each
// path at 360 px, failing when a page is wider than the screen.
func checkNoSidewaysScroll(t *testing.T, ctx context.Context, base, username, password string, paths ...string) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.Click(chromedp.CSS(`form[action="/keluar"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`#username`)),
		chromedp.SendKeys(chromedp.CSS(`#username`), username),
		chromedp.SendKeys(chromedp.CSS(`#password`), password),
		chromedp.Click(chromedp.CSS(`form[action="/masuk"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/keluar"]`)),
	)
	if err != nil {
		t.Fatalf("sign in as %s: %v", username, err)
	}
	for _, path := range paths {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
			t.Fatalf("open %s: %v", path, err)
		}
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
			var w = 360, out = [];
			if (document.documentElement.scrollWidth <= w && window.innerWidth <= w) { return ""; }
			document.querySelectorAll("main *").forEach(function (el) {
				var r = el.getBoundingClientRect();
				if (r.right > w + 1 && out.length < 3) { out.push(el.tagName + "." + el.className + " " + Math.round(r.right)); }
			});
			return "too wide: " + out.join(", ");
		})()`))
		if err != nil || wide != "" {
			t.Errorf("%s as %s at 360 px: %s (err %v)", path, username, wide, err)
		}
	}
}
