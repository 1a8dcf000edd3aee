package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/model"
)

// A Plh recorded to start tomorrow is offered for cancellation on the
// employee's page, and cancelled from there: it leaves the list.
func TestPlacementAheadIsCancelled(t *testing.T) {
	ctx := browser(t)
	bg := context.Background()
	in := mustInstansi(t)
	positions, err := server.Store.Positions(bg, in, "")
	if err != nil {
		t.Fatal(err)
	}
	page, err := server.Store.Employees(bg, model.EmployeeFilter{InstansiID: in, ActiveOnly: true, Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	var person model.Employee
	var to model.Position
	for _, e := range page.Items {
		own, err := server.Store.Position(bg, e.PositionID)
		if err != nil || own.Kind != model.PositionPelaksana {
			continue
		}
		for _, p := range positions {
			if p.Kind == model.PositionPelaksana && p.UnitID != own.UnitID {
				person, to = e, p
				break
			}
		}
		break
	}
	if person.ID == "" {
		t.Skip("the demo city has no pelaksana")
	}
	tomorrow := time.Now().AddDate(0, 0, 1).Format(time.DateOnly)
	signIn(t, ctx, account(t, "bkpsdm").Username)
	do(t, ctx, "place "+person.Name+" as Plh from tomorrow",
		chromedp.Navigate(server.URL+"/pegawai/"+person.ID),
		chromedp.WaitVisible(chromedp.CSS(`#position_code`)),
		chromedp.SendKeys(chromedp.CSS(`#position_code`), to.Code),
		chromedp.SetValue(chromedp.CSS(`#kind`), "plh"),
		chromedp.SetValue(chromedp.CSS(`#start`), tomorrow),
		chromedp.SendKeys(chromedp.CSS(`#decree`), "800/12/BKPSDM/"+tomorrow[:4]),
	)
	clickToNewPage(t, ctx, `form[action$="/penempatan"] button[type="submit"]`)
	cancel := `form[action$="/batalkan"]`
	if got := text(t, ctx, cancel); !strings.Contains(got, to.Name) {
		t.Fatalf("the cancellation offered reads %q", got)
	}
	do(t, ctx, "show the cancellation", chromedp.ScrollIntoView(chromedp.CSS(cancel)))
	screenshot(t, ctx, "placement-cancel")
	clickToNewPage(t, ctx, cancel+` button[type="submit"]`)
	list, err := server.Store.Placements(bg, person.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, pl := range list {
		if pl.PositionID == to.ID && pl.Kind == model.PlacementPlh {
			t.Errorf("the Plh is still there: %+v", pl)
		}
	}
}
