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
