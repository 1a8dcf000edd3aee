package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// On a phone, the employee reads the pejabat penilai's umpan balik on
// their sent result under it and answers in the same thread; the page
// keeps to the phone's width.
func TestAssessmentThreadOnAPhone(t *testing.T) {
	bg := context.Background()
	admin := actorOf(t, account(t, "admin bkpsdm").Username)
	list, err := server.Store.Assessments(bg, store.AssessmentFilter{InstansiID: admin.InstansiID, Status: model.AssessmentFinal, Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	var as model.Assessment
	var owner, rater model.User
	for _, a := range list {
		o, err1 := server.Store.UserByEmployee(bg, a.EmployeeID)
		r, err2 := server.Store.UserByEmployee(bg, a.Rater.EmployeeID)
		if err1 == nil && err2 == nil && a.Rater.EmployeeID != "" {
			as, owner, rater = a, o, r
			break
		}
	}
	if as.ID == "" {
		t.Fatal("no final assessment of the demo whose employee and rater have accounts")
	}
	const note = "Capaian Anda tahun ini baik. Pertahankan ketepatan waktu laporan bulanan."
	if _, err := server.App.AddFeedback(bg, actorOf(t, rater.Username), app.TargetAssessment, as.ID, note); err != nil {
		t.Fatalf("the rater's message: %v", err)
	}

	ctx := browser(t)
	do(t, ctx, "a phone's screen", chromedp.EmulateViewport(390, 844))
	signIn(t, ctx, owner.Username)
	do(t, ctx, "open the result", chromedp.Navigate(server.URL+"/penilaian/"+as.ID),
		chromedp.WaitVisible(chromedp.CSS(`#umpan-balik .messages`)))
	if got := text(t, ctx, `#umpan-balik .messages`); !strings.Contains(got, note) {
		t.Errorf("the thread reads %q", got)
	}
	const answer = "Terima kasih, Pak. Akan saya pertahankan."
	do(t, ctx, "answer in the thread",
		chromedp.SendKeys(chromedp.CSS(`#umpan-balik input[name="body"]`), answer),
		chromedp.Click(chromedp.CSS(`#umpan-balik form.reply button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#umpan-balik .messages li:nth-child(2)`)))
	if got := text(t, ctx, `#umpan-balik .messages`); !strings.Contains(got, answer) {
		t.Errorf("the thread after answering reads %q", got)
	}
	fitsThePhone(t, ctx, "the result with its thread")
	shotOf(t, ctx, "penilaian-umpan-balik", `#umpan-balik`)
}
