package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// reporting finds a demo ASN with an approved SKP whose pejabat penilai
// is an employee with an account, and who has not been used by another
// journey.
func reporting(t *testing.T) (asn, rater model.Employee) {
	t.Helper()
	ctx := context.Background()
	a, db := server.App, server.Store
	in := mustInstansi(t)
	chart, err := a.OrgChart(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	list, err := db.SKPs(ctx, store.SKPFilter{InstansiID: in, Year: a.Today(ctx, in).Time().Year(), Status: model.SKPApproved})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if s.Format != model.FormatJAJF || chart.IsRater(s.EmployeeID) || chart.Rater(s.EmployeeID) == "" {
			continue
		}
		e, _ := db.Employee(ctx, s.EmployeeID)
		b, _ := db.Employee(ctx, chart.Rater(s.EmployeeID))
		if b.NIP != "" && e.NIP != "" {
			return e, b
		}
	}
	t.Fatal("the demo has no ASN with an approved SKP")
	return
}

// TestProgressReachesTheDeskLive: with both pages open, the ASN's progress
// entry with a photo appears on the supervisor's desk without a reload, and the
// supervisor's comment appears on the ASN's page without a reload. The
// time each took is logged (a measurement, not a pass mark).
func TestProgressReachesTheDeskLive(t *testing.T) {
	asnCtx := browser(t)
	bossCtx := browser(t)
	asn, boss := reporting(t)
	signIn(t, asnCtx, asn.NIP)
	signIn(t, bossCtx, boss.NIP)

	// Both pages are open; a marker shows that neither reloads.
	do(t, bossCtx, "open the desk",
		chromedp.Navigate(server.URL+"/meja"),
		chromedp.WaitVisible(chromedp.CSS(`#waiting`), chromedp.NodeReady),
	)
	mark(t, bossCtx)
	do(t, asnCtx, "open the day's progress",
		chromedp.Navigate(server.URL+"/progres"),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/progres"] textarea[name="description"]`)),
	)
	what := "Memverifikasi berkas usulan kenaikan pangkat " + time.Now().Format("150405")
	photo := filepath.Join(t.TempDir(), "IMG_20261129_0815.jpg")
	if err := os.WriteFile(photo, blob.SampleJPEG(640, 480, 11), 0o644); err != nil {
		t.Fatal(err)
	}
	do(t, asnCtx, "send an entry with a photo",
		chromedp.SendKeys(chromedp.CSS(`#description`), what),
		chromedp.SendKeys(chromedp.CSS(`#output`), "4 berkas"),
		chromedp.SendKeys(chromedp.CSS(`#minutes`), "1:15"),
		chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{photo}),
		chromedp.Click(chromedp.CSS(`form[action="/progres"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)),
	)
	sent := time.Now()
	waitCtx, cancel := context.WithTimeout(bossCtx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.Run(waitCtx, chromedp.Poll[bool](`[...document.querySelectorAll('#waiting li')].some(li => li.textContent.includes(`+jsString(what)+`))`, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		fail(t, bossCtx, "the entry on the open desk", err)
	}
	t.Logf("entry on the supervisor's desk %v after the ASN's page confirmed it", time.Since(sent).Round(time.Millisecond))
	// The photo went with it: the entry lists it and it downloads.
	if n, err := chromedp.Run(asnCtx, chromedp.Evaluate[int](`document.querySelectorAll('.files a[href^="/bukti/"]').length`)); err != nil || n == 0 {
		fail(t, asnCtx, "the photo on the ASN's entry", err)
	}
	if reloaded, _ := chromedp.Run(bossCtx, chromedp.Evaluate[bool](`window.kinerjaMarker !== true`)); reloaded {
		t.Fatal("the desk reloaded instead of updating")
	}

	// The supervisor opens the entry and comments; the ASN's page shows it.
	mark(t, asnCtx)
	id, err := chromedp.Run(bossCtx, chromedp.Evaluate[string](`[...document.querySelectorAll('#waiting li')].find(li => li.textContent.includes(`+jsString(what)+`)).dataset.progress`))
	if err != nil || id == "" {
		fail(t, bossCtx, "find the entry's id", err)
	}
	comment := "Bagus, tolong lampirkan daftar berkasnya"
	do(t, bossCtx, "comment on the entry",
		chromedp.Navigate(server.URL+"/progres/"+id),
		chromedp.WaitVisible(chromedp.CSS(`.thread input[name="body"]`)),
		chromedp.SendKeys(chromedp.CSS(`.thread input[name="body"]`), comment),
		chromedp.Click(chromedp.CSS(`.thread button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.thread .messages li`)),
	)
	sent = time.Now()
	waitCtx2, cancel2 := context.WithTimeout(asnCtx, 15*time.Second)
	defer cancel2()
	if _, err := chromedp.Run(waitCtx2, chromedp.Poll[bool](`[...document.querySelectorAll('[data-thread="progress:`+id+`"] .messages li')].some(li => li.textContent.includes(`+jsString(comment)+`))`, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		fail(t, asnCtx, "the comment on the ASN's open page", err)
	}
	t.Logf("comment on the ASN's page %v after the supervisor's page confirmed it", time.Since(sent).Round(time.Millisecond))
	if reloaded, _ := chromedp.Run(asnCtx, chromedp.Evaluate[bool](`window.kinerjaMarker !== true`)); reloaded {
		t.Fatal("the ASN's page reloaded instead of updating")
	}
	if n := text(t, asnCtx, `[data-bell-count]`); strings.TrimSpace(n) == "0" {
		t.Error("the bell did not count the new notification")
	}
}

func jsString(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}

// mark sets a flag on the page that a reload would lose.
func mark(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.kinerjaMarker = true`)); err != nil {
		fail(t, ctx, "mark the page", err)
	}
}
