package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// A transfer back-dated into a closed, assessed month asks the
// administrator to confirm it with each assessment it touches listed:
// whose, on which SKP and period, in which state, and who rates it. The
// transfer is not confirmed: nothing changes.
func TestBackdatedTransferListsTheAssessments(t *testing.T) {
	ctx := browser(t)
	bg := context.Background()
	in := mustInstansi(t)
	periods := map[string]model.Period{}
	list, err := server.Store.Assessments(bg, store.AssessmentFilter{InstansiID: in})
	if err != nil {
		t.Fatal(err)
	}
	var target model.Assessment
	var person model.Employee
	for _, as := range list {
		p, ok := periods[as.PeriodID]
		if !ok {
			if p, err = server.Store.Period(bg, as.PeriodID); err != nil {
				t.Fatal(err)
			}
			periods[as.PeriodID] = p
		}
		if p.Kind != model.PeriodMonthly || p.Status != model.PeriodClosed || as.Leader {
			continue
		}
		s, err := server.Store.SKP(bg, as.SKPID)
		if err != nil || s.Status != model.SKPApproved || s.Acting != "" || s.PeriodStart >= p.Start {
			continue
		}
		e, err := server.Store.Employee(bg, as.EmployeeID)
		if err != nil || !e.Active || e.PositionID != s.PositionID {
			continue
		}
		target, person = as, e
		break
	}
	if target.ID == "" {
		t.Skip("the demo city has no assessed closed month")
	}
	// Another post of the same kind in another unit, that many hold: no
	// unit's head post, which its holder keeps (a placement there is
	// refused before any confirmation is asked).
	positions, err := server.Store.Positions(bg, in, "")
	if err != nil {
		t.Fatal(err)
	}
	units, err := server.Store.Units(bg, in)
	if err != nil {
		t.Fatal(err)
	}
	heads := map[string]bool{}
	for _, u := range units {
		heads[u.HeadPositionID] = true
	}
	own, err := server.Store.Position(bg, person.PositionID)
	if err != nil {
		t.Fatal(err)
	}
	var to model.Position
	for _, p := range positions {
		if heads[p.ID] {
			continue
		}
		if p.ID != own.ID && p.Kind == model.PositionPelaksana || p.ID != own.ID && p.Kind == model.PositionFungsional && p.UnitID != own.UnitID {
			to = p
			break
		}
	}
	if to.ID == "" {
		t.Fatal("no post to move to")
	}
	tmt := string(periods[target.PeriodID].Start)

	signIn(t, ctx, account(t, "bkpsdm").Username)
	do(t, ctx, "place "+person.Name+" back-dated",
		chromedp.Navigate(server.URL+"/pegawai/"+person.ID),
		chromedp.WaitVisible(chromedp.CSS(`#position_code`)),
		chromedp.SendKeys(chromedp.CSS(`#position_code`), to.Code),
		chromedp.SetValue(chromedp.CSS(`#kind`), "definitif"),
		chromedp.SetValue(chromedp.CSS(`#start`), tmt),
		chromedp.SendKeys(chromedp.CSS(`#decree`), "821.2/90/BKPSDM/"+tmt[:4]),
	)
	clickToNewPage(t, ctx, `form[action$="/penempatan"] button[type="submit"]`)
	if who := text(t, ctx, `[data-backdated-person]`); !strings.Contains(who, person.NIP) {
		t.Errorf("the list names %q, not %s", who, person.NIP)
	}
	item := text(t, ctx, `[data-backdated-assessment="`+target.ID+`"]`)
	for _, want := range []string{"SKP " + tmt[:4], "Pejabat penilai"} {
		if !strings.Contains(item, want) {
			t.Errorf("the listed assessment lacks %q: %q", want, item)
		}
	}
	do(t, ctx, "show the list", chromedp.ScrollIntoView(chromedp.CSS(`[data-backdated-assessments]`)))
	screenshot(t, ctx, "placement-backdated-confirm")
	if dir := os.Getenv("KINERJA_SCREENSHOTS"); dir != "" {
		// The form alone, where the list stands, at the phone's size.
		shot, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(`form[action$="/penempatan"]`)))
		if err != nil {
			t.Error(err)
		} else if err := os.WriteFile(filepath.Join(dir, "placement-backdated-form-390.png"), shot, 0o644); err != nil {
			t.Error(err)
		}
	}
	if e, _ := server.Store.Employee(bg, person.ID); e.PositionID != person.PositionID {
		t.Error("the transfer was made before it was confirmed")
	}
}
