package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// TestUnitShowsTheFirstHoldersOfAPost: a new school of the demo's
// education office has one functional post held by fourteen teachers. On
// its unit page the post's row names the first ten and links to all of
// them; the post's page lists them with how many there are, at a phone's
// width and a laptop's.
func TestUnitShowsTheFirstHoldersOfAPost(t *testing.T) {
	ctx := browser(t)
	bg := context.Background()
	in := mustInstansi(t)
	var school model.Unit
	units, err := server.Store.Units(bg, in)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if u.Code == "DISDIKBUD-SDN11" {
			school = u
		}
	}
	if school.ID == "" {
		t.Fatal("the demo has no unit DISDIKBUD-SDN11")
	}
	var post model.Position
	err = server.Store.Write(bg, model.SystemActor(in, "e2e"), func(tx *store.Tx) error {
		u, err := tx.CreateUnit(bg, model.Unit{InstansiID: in, ParentID: school.ParentID, Code: "DISDIKBUD-SDN-UJI", Name: "SD Negeri Uji Pemangku", Kind: school.Kind})
		if err != nil {
			return err
		}
		if post, err = tx.CreatePosition(bg, model.Position{InstansiID: in, UnitID: u.ID, Code: "DISDIKBUD-SDN-UJI-GURU", Name: "Guru Ahli Pertama",
			Kind: model.PositionFungsional, Jenjang: "ahli_pertama"}, false); err != nil {
			return err
		}
		for i := 1; i <= 14; i++ {
			emp, err := tx.CreateEmployee(bg, model.Employee{InstansiID: in, NIP: fmt.Sprintf("198909092014031%03d", i),
				Name: fmt.Sprintf("Guru Uji %02d", i), Status: model.StatusPNS, Golongan: "III/a", Active: true})
			if err != nil {
				return err
			}
			if _, err := tx.Place(bg, model.Placement{EmployeeID: emp.ID, PositionID: post.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, account(t, "bkpsdm").Username)
	do(t, ctx, "open the unit", chromedp.Navigate(server.URL+"/unit/"+post.UnitID), chromedp.WaitVisible(chromedp.CSS(`[data-holders-more]`)))
	link := `a[data-holders-more][href$="/jabatan/` + post.ID + `"]`
	if got := text(t, ctx, link); !strings.Contains(got, "dan 4 lainnya") {
		t.Errorf("the link to the other holders reads %q", got)
	}
	fitsThePhone(t, ctx, "the unit page")
	screenshot(t, ctx, "unit-holders-preview")
	clickToNewPage(t, ctx, link)
	if got := text(t, ctx, "main"); !strings.Contains(got, "14 orang memangku jabatan ini hari ini") || !strings.Contains(got, post.Name) {
		t.Errorf("the post's page reads %.300q", got)
	}
	fitsThePhone(t, ctx, "the post's holders")
	screenshot(t, ctx, "unit-holders-all")
}
