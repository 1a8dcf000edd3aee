package api_test

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The desk answers how many entries wait in all and pages to every one of
// them, oldest first, with limit and cursor.
func TestDeskPagesEveryWaitingEntry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		today := time.Now().UTC()
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for i := range 263 {
				day := model.Date(today.AddDate(0, 0, -1-i/10).Format(time.DateOnly))
				if _, err := tx.CreateProgress(ctx, model.Progress{InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, RaterID: e.o.Kabid.ID,
					WorkDate: day, Description: fmt.Sprintf("Pekerjaan nomor %d", i), Minutes: 30}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		check := documented(t, e)
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")

		seen := map[string]bool{}
		var lastDate string
		path, pages := "/api/v1/desk?limit=200", 0
		for path != "" && pages < 5 {
			d := check("GET", "/api/v1/desk", e.get(t, path, kabid))
			pages++
			if d["waiting_count"] != float64(263) {
				t.Errorf("page %d: waiting_count = %v, want 263", pages, d["waiting_count"])
			}
			for _, w := range d["waiting"].([]any) {
				p := w.(map[string]any)
				if p["date"].(string) < lastDate || seen[p["id"].(string)] {
					t.Errorf("page %d: %v out of order or again", pages, p["id"])
				}
				lastDate, seen[p["id"].(string)] = p["date"].(string), true
			}
			path = ""
			if c, ok := d["next_cursor"].(string); ok {
				path = "/api/v1/desk?limit=200&cursor=" + url.QueryEscape(c)
			}
		}
		if len(seen) != 263 || pages != 2 {
			t.Errorf("the desk reached %d of 263 entries in %d pages", len(seen), pages)
		}
		// The default page is 50.
		if d := check("GET", "/api/v1/desk", e.get(t, "/api/v1/desk", kabid)); len(d["waiting"].([]any)) != 50 || d["next_cursor"] == nil {
			t.Errorf("the default page: %d entries, next %v", len(d["waiting"].([]any)), d["next_cursor"])
		}
		problem(t, e.get(t, "/api/v1/desk?limit=201", kabid), 422)
		problem(t, e.get(t, "/api/v1/desk?cursor=nothing", kabid), 422)
	})
}

// A desk of more people than its answer names: the answer carries the
// first ten and how many there are; the people and the waiting SKPs page
// on their own routes, each person once.
func TestDeskPagesItsPeople(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for i := 1; i <= 12; i++ {
				emp, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: e.o.Instansi.ID, NIP: fmt.Sprintf("19950101202001%04d", 1000+i),
					Name: fmt.Sprintf("Staf Uji %03d", i), Status: model.StatusPNS, Golongan: "III/a", Active: true})
				if err != nil {
					return err
				}
				if _, err := tx.Place(ctx, model.Placement{EmployeeID: emp.ID, PositionID: e.o.PosStaff.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		const all = 2 + 12
		check := documented(t, e)
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		d := check("GET", "/api/v1/desk", e.get(t, "/api/v1/desk", kabid))
		if people, _ := d["people"].([]any); len(people) != 10 || d["people_count"] != float64(all) || d["skp_count"] != 0.0 {
			t.Fatalf("the desk names %d of %v people, %v SKPs", len(people), d["people_count"], d["skp_count"])
		}
		var ids []string
		path := "/api/v1/desk/people?limit=5"
		for range 10 {
			page := check("GET", "/api/v1/desk/people", e.get(t, path, kabid))
			if page["total"] != float64(all) {
				t.Errorf("total = %v", page["total"])
			}
			for _, p := range page["items"].([]any) {
				ids = append(ids, p.(map[string]any)["employee_id"].(string))
			}
			c, ok := page["next_cursor"].(string)
			if !ok {
				break
			}
			path = "/api/v1/desk/people?limit=5&cursor=" + c
		}
		seen := map[string]bool{}
		for _, id := range ids {
			seen[id] = true
		}
		if len(ids) != all || len(seen) != all || !seen[e.o.Staff1.ID] {
			t.Errorf("the desk's people page by page: %d (%d different) of %d", len(ids), len(seen), all)
		}
		if skps := check("GET", "/api/v1/desk/skps", e.get(t, "/api/v1/desk/skps", kabid)); skps["total"] != 0.0 || len(skps["items"].([]any)) != 0 {
			t.Errorf("waiting SKPs = %v", skps)
		}
		problem(t, e.get(t, "/api/v1/desk/people?cursor=nope", kabid), 422)
	})
}
