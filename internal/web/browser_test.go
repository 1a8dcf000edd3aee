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
		chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(360, 740))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil { // starts the browser; no timeout here
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
	for _, path := range []string{"/pegawai", "/"} {
		if path != "/pegawai" {
			must("open "+path, chromedp.Navigate(e.url+path), chromedp.WaitVisible(chromedp.CSS(`main`)))
		}
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
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
	if !strings.Contains(status, "Menampilkan 1 pegawai") {
		t.Errorf("screen readers are told %q", status)
	}
}
