// Package e2e drives Kinerja in a headless Chromium through the journeys
// people take: signing in, finding a colleague, importing employees. The
// tests start a real server on the demo city and skip, loudly, when no
// Chromium is installed (Debian: apt-get install chromium).
package e2e

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/cli"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// server is the demo city shared by every journey of the package.
var (
	server *cli.Server
	// clock is the server's clock: real time, moved for the moment a
	// test closes a period on the morning after its last day.
	clock     = &apptest.Clock{}
	chromium  string
	setupErr  error
	serverDir string
)

func TestMain(m *testing.M) {
	chromium = findChromium()
	code := 0
	if chromium != "" {
		setupErr = startServer()
		code = m.Run()
		if server != nil {
			server.Close()
		}
		os.RemoveAll(serverDir)
	} else {
		fmt.Fprintln(os.Stderr, "\n*** No Chromium found: browser tests are SKIPPED. Install it with: apt-get install chromium ***")
		code = m.Run()
	}
	os.Exit(code)
}

func findChromium() string {
	if p := os.Getenv("KINERJA_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// startServer builds the demo city on SQLite, or on PostgreSQL when
// KINERJA_TEST_POSTGRES is set, and serves it on a free port.
func startServer() error {
	var err error
	serverDir, err = os.MkdirTemp("", "kinerja-e2e-")
	if err != nil {
		return err
	}
	dsn := filepath.Join(serverDir, "kinerja.db")
	if url := os.Getenv(storetest.EnvPostgres); url != "" {
		dsn, err = freshSchema(url)
		if err != nil {
			return err
		}
	}
	server, err = cli.Start(context.Background(), cli.ServerConfig{Addr: "127.0.0.1:0", DB: dsn, Demo: true, DataDir: serverDir,
		Out: io.Discard, Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}, Now: clock.Now})
	return err
}

// browser opens a headless Chromium tab at a phone's size, for a journey
// of at most 90 seconds.
func browser(t *testing.T) context.Context {
	t.Helper()
	return browserFor(t, 90*time.Second)
}

// browserFor is browser for a journey of at most limit.
func browserFor(t *testing.T, limit time.Duration) context.Context {
	t.Helper()
	if chromium == "" {
		t.Skip("browser test SKIPPED: no Chromium (apt-get install chromium)")
	}
	if setupErr != nil {
		t.Fatalf("start the demo server: %v", setupErr)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(390, 844),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	// The first call starts the browser and must not carry a timeout.
	if err := chromedp.Do(bctx); err != nil {
		cancelB()
		cancelA()
		t.Fatalf("start Chromium: %v", err)
	}
	ctx, cancelT := context.WithTimeout(bctx, limit)
	t.Cleanup(func() { cancelT(); cancelB(); cancelA() })
	return ctx
}

// do runs browser steps and fails the test, saving a screenshot, when one
// fails.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		fail(t, ctx, what, err)
	}
}

func fail(t *testing.T, ctx context.Context, what string, err error) {
	t.Helper()
	shot, _ := chromedp.Run(ctx, chromedp.FullScreenshot(80))
	path := filepath.Join(os.TempDir(), "kinerja-e2e-"+strings.ReplaceAll(t.Name(), "/", "_")+".png")
	_ = os.WriteFile(path, shot, 0o644)
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	t.Fatalf("%s: %v (at %s; screenshot %s)", what, err, loc, path)
}

// text returns the visible text of the first element matching the CSS
// selector sel.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		fail(t, ctx, "read "+sel, err)
	}
	return s
}
