package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/model"
)

// A Plh recorded ahead and cancelled from the employee's page stays in
// the placement history, marked "dibatalkan" with when and by whom.
func TestCancelledPlacementInTheHistory(t *testing.T) {
	ctx := browser(t)
	bg := context.Background()
	in := mustInstansi(t)
	sys := model.SystemActor(in, "e2e")
	people, err := server.Store.Employees(bg, model.EmployeeFilter{InstansiID: in})
	if err != nil {
		t.Fatal(err)
	}
	positions, err := server.Store.Positions(bg, in, "")
	if err != nil {
		t.Fatal(err)
	}
	start := model.Date(server.App.Today(bg, in).Time().AddDate(0, 0, 20).Format("2006-01-02"))
	var person model.Employee
	var pl model.Placement
	for _, e := range people.Items {
		if !e.Active || e.PositionID == "" {
			continue
		}
		for _, p := range positions {
			if p.Kind != model.PositionPelaksana || p.ID == e.PositionID {
				continue
			}
			if pl, err = server.App.PlaceEmployee(bg, sys, model.Placement{EmployeeID: e.ID, PositionID: p.ID,
				Kind: model.PlacementPlh, Start: start, Decree: "800/77/BKPSDM/2026"}); err == nil {
				person = e
				break
			}
		}
		if person.ID != "" {
			break
		}
	}
	if person.ID == "" {
		t.Fatal("no Plh could be recorded ahead")
	}
	signIn(t, ctx, account(t, "bkpsdm").Username)
	do(t, ctx, "open "+person.Name, chromedp.Navigate(server.URL+"/pegawai/"+person.ID),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/`+pl.ID+`/batalkan"]`)))
	clickToNewPage(t, ctx, `form[action$="/`+pl.ID+`/batalkan"] button[type="submit"]`)
	do(t, ctx, "reopen "+person.Name, chromedp.Navigate(server.URL+"/pegawai/"+person.ID),
		chromedp.WaitVisible(chromedp.CSS(`[data-cancelled]`)))
	if got := text(t, ctx, `[data-cancelled]`); !strings.HasPrefix(got, "dibatalkan ") {
		t.Errorf("the cancelled placement reads %q", got)
	}
	do(t, ctx, "show the history", chromedp.ScrollIntoView(chromedp.CSS(`[data-cancelled]`)))
	screenshot(t, ctx, "placement-cancelled-history")
}
