package api_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// An end set ahead of time on a Plt moves the end of the acting SKP and
// leaves it open until that day has passed: the Plt still plans it (an
// RHK is added), /me links it, and skp-posts lists it with its period,
// never ending before it starts.
func TestActingEndAheadKeepsTheSKPOpenAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		now := time.Now()
		year := now.Year()
		first, today := fmt.Sprintf("%d-01-01", year), now.Format(time.DateOnly)
		var pl model.Placement
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			var err error
			pl, err = tx.Place(ctx, model.Placement{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID, Kind: model.PlacementPlt, Start: model.Date(first)})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		admin, kabid := e.login(t, "admin", "rahasia-admin"), e.login(t, storetest.NIPKabid, "rahasia-kabid")
		if r := e.post(t, "/api/v1/years", admin, map[string]any{"year": year, "period_kind": "quarterly"}); r.status != 201 {
			t.Fatalf("open year: %d %s", r.status, r.body)
		}
		r := e.post(t, "/api/v1/skps", kabid, map[string]any{"year": year, "approach": "kuantitatif", "position_id": e.o.PosSekr.ID})
		if r.status != 201 {
			t.Fatalf("the acting SKP: %d %s", r.status, r.body)
		}
		skp := r.json(t)
		id := skp["id"].(string)
		// Ends today: in force until the day is over.
		if r := e.post(t, "/api/v1/employees/"+e.o.Kabid.ID+"/placements/"+pl.ID+"/end", admin, map[string]string{"end": today}); r.status != 204 {
			t.Fatalf("end: %d %s", r.status, r.body)
		}
		got := e.get(t, "/api/v1/skps/"+id, kabid).json(t)
		if got["status"] != "draft" || got["period_end"] != today {
			t.Errorf("after an end ahead of time the acting SKP is %v until %v", got["status"], got["period_end"])
		}
		if r := e.post(t, "/api/v1/skps/"+id+"/rhk", kabid, map[string]any{"kind": "utama", "description": "Tertibnya administrasi",
			"version": got["version"]}); r.status != 201 {
			t.Errorf("an RHK on the acting SKP: %d %s", r.status, r.body)
		}
		for _, x := range e.get(t, fmt.Sprintf("/api/v1/skp-posts?year=%d", year), kabid).json(t)["items"].([]any) {
			p := x.(map[string]any)
			if p["start"].(string) > p["end"].(string) {
				t.Errorf("a post ends before it starts: %v", p)
			}
			if p["position_id"] == e.o.PosSekr.ID && (p["open_skp_id"] != id || p["end"] != today) {
				t.Errorf("the acting post: %v", p)
			}
		}
		me := e.get(t, "/api/v1/me", kabid).json(t)
		acting, _ := me["acting"].([]any)
		if len(acting) != 1 || acting[0].(map[string]any)["skp_id"] != id {
			t.Errorf("/me acting = %v", me["acting"])
		}
	})
}
