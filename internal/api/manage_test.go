package api_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestPlacementsAndOverrides(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")

		problem(t, e.post(t, "/api/v1/employees/"+e.o.Kabid.ID+"/placements", staff, map[string]string{"position_code": "KOMINFO-SEKR", "kind": "plt", "start": "2026-01-05"}), 403)
		problem(t, e.post(t, "/api/v1/employees/"+e.o.Kabid.ID+"/placements", admin, map[string]string{"position_code": "NOPE", "kind": "plt", "start": "2026-01-05"}), 422)
		problem(t, e.post(t, "/api/v1/employees/"+e.o.Kabid.ID+"/placements", admin, map[string]string{"position_code": "KOMINFO-SEKR", "kind": "boss", "start": "2026-01-05"}), 422)
		problem(t, e.post(t, "/api/v1/employees/nope/placements", admin, map[string]string{"position_code": "KOMINFO-SEKR", "kind": "plt", "start": "2026-01-05"}), 404)
		// An empty request names every field it lacks, not only the first.
		p := problem(t, e.post(t, "/api/v1/employees/"+e.o.Kabid.ID+"/placements", admin, map[string]string{}), 422)
		codes, _ := p["codes"].(map[string]any)
		for field, key := range map[string]string{"position_id": "invalid.position.required", "kind": "invalid.placement.kind.required",
			"start": "invalid.placement.start.required"} {
			if codes[field] != key {
				t.Errorf("{}: %s is %v, want %s (%v)", field, codes[field], key, codes)
			}
		}
		r := e.post(t, "/api/v1/employees/"+e.o.Kabid.ID+"/placements", admin, map[string]string{"position_code": "KOMINFO-SEKR", "kind": "plt", "start": "2026-01-05"})
		if r.status != 201 {
			t.Fatalf("place: %d %s", r.status, r.body)
		}
		placed := r.json(t)
		pid := placed["id"].(string)
		if placed["position"] != e.o.PosSekr.Name || placed["unit"] != e.o.Sekretariat.Name {
			t.Errorf("the new placement reads %v", placed)
		}
		if got := e.get(t, "/api/v1/employees/"+e.o.Staff3.ID, admin).json(t)["supervisor_id"]; got != e.o.Kabid.ID {
			t.Errorf("after the Plt, Staff3's supervisor = %v", got)
		}
		problem(t, e.post(t, "/api/v1/employees/"+e.o.Staff1.ID+"/placements/"+pid+"/end", admin, map[string]string{"end": "2026-02-01"}), 404)
		if r := e.post(t, "/api/v1/employees/"+e.o.Kabid.ID+"/placements/"+pid+"/end", admin, map[string]string{"end": "2026-02-01"}); r.status != 204 {
			t.Errorf("end placement: %d %s", r.status, r.body)
		}

		problem(t, e.post(t, "/api/v1/employees/"+e.o.Nurse.ID+"/rater-overrides", admin, map[string]string{"rater_id": e.o.Kadis.ID, "start": "2026-01-01"}), 422)
		r = e.post(t, "/api/v1/employees/"+e.o.Nurse.ID+"/rater-overrides", admin, map[string]string{"rater_id": e.o.Kadis.ID, "start": "2026-01-01", "reason": "Penugasan"})
		if r.status != 201 {
			t.Fatalf("override: %d %s", r.status, r.body)
		}
		oid := r.json(t)["id"].(string)
		if got := e.get(t, "/api/v1/employees/"+e.o.Nurse.ID, admin).json(t)["supervisor_id"]; got != e.o.Kadis.ID {
			t.Errorf("with the override, supervisor = %v", got)
		}
		if items := e.get(t, "/api/v1/employees/"+e.o.Nurse.ID+"/rater-overrides", admin).json(t)["items"].([]any); len(items) != 1 ||
			items[0].(map[string]any)["can"].(map[string]any)["end"] != true {
			t.Errorf("overrides = %v", items)
		}
		problem(t, e.get(t, "/api/v1/employees/"+e.o.Nurse.ID+"/rater-overrides", staff), 403)
		if r := e.post(t, "/api/v1/employees/"+e.o.Nurse.ID+"/rater-overrides/"+oid+"/end", admin, map[string]string{"end": "2026-01-02"}); r.status != 204 {
			t.Errorf("end override: %d %s", r.status, r.body)
		}
	})
}

// TestEmployeeCan checks that an employee carries what the reader may do
// with them, and that the rights agree with what the routes allow.
func TestEmployeeCan(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		can := func(token, id string) map[string]any {
			t.Helper()
			c, ok := e.get(t, "/api/v1/employees/"+id, token).json(t)["can"].(map[string]any)
			if !ok {
				t.Fatalf("employee %s has no can", id)
			}
			return c
		}
		want := map[string]any{"place": true, "override_rater": true, "manage_account": true,
			"end_employment": true, "cancel_end": false, "merge": true}
		if got := can(admin, e.o.Staff1.ID); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("admin on staff1: can = %v, want %v", got, want)
		}
		none := map[string]any{"place": false, "override_rater": false, "manage_account": false,
			"end_employment": false, "cancel_end": false, "merge": false}
		for _, id := range []string{e.o.Staff1.ID, e.o.Kabid.ID} {
			if got := can(staff, id); fmt.Sprint(got) != fmt.Sprint(none) {
				t.Errorf("staff1 on %s: can = %v, want %v", id, got, none)
			}
		}
		me := e.get(t, "/api/v1/me", staff).json(t)["employee"].(map[string]any)
		if fmt.Sprint(me["can"]) != fmt.Sprint(none) {
			t.Errorf("me: can = %v", me["can"])
		}
		// The directory's items carry what a list knows.
		for token, want := range map[string]bool{admin: true, staff: false} {
			items := e.get(t, "/api/v1/employees?q=Andi", token).json(t)["items"].([]any)
			if len(items) == 0 {
				t.Fatal("the directory does not find Andi")
			}
			c, _ := items[0].(map[string]any)["can"].(map[string]any)
			if c["place"] != want || c["override_rater"] != want {
				t.Errorf("directory item can = %v, want place %v", c, want)
			}
		}
		// What can says is what the routes allow.
		problem(t, e.get(t, "/api/v1/employees/"+e.o.Kabid.ID+"/rater-overrides", staff), 403)
		if r := e.get(t, "/api/v1/employees/"+e.o.Kabid.ID+"/rater-overrides", admin); r.status != 200 {
			t.Errorf("admin reads overrides: %d %s", r.status, r.body)
		}
	})
}

// TestNobodyRatesThemselves checks over HTTP that an override or a
// placement that would make someone assess themselves is a 422 on the
// field at fault, and that ordinary ones still go through.
func TestNobodyRatesThemselves(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		fieldError := func(what string, r response, field string) {
			t.Helper()
			if errs, _ := problem(t, r, 422)["errors"].(map[string]any); errs[field] == nil {
				t.Errorf("%s: errors = %v, want one on %s", what, errs, field)
			}
		}
		overrides := func(id string) string { return "/api/v1/employees/" + id + "/rater-overrides" }
		override := func(rater, upper string) map[string]string {
			return map[string]string{"rater_id": rater, "upper_rater_id": upper, "start": "2026-02-01", "reason": "Penugasan"}
		}

		fieldError("own atasan", e.post(t, overrides(e.o.Staff1.ID), admin, override(e.o.Kabid.ID, e.o.Staff1.ID)), "upper_rater_id")
		fieldError("own rater", e.post(t, overrides(e.o.Staff1.ID), admin, override(e.o.Staff1.ID, "")), "rater_id")
		if r := e.post(t, overrides(e.o.Nurse.ID), admin, override(e.o.Staff3.ID, "")); r.status != 201 {
			t.Fatalf("an ordinary override: %d %s", r.status, r.body)
		}
		fieldError("a cycle of two", e.post(t, overrides(e.o.Staff3.ID), admin, override(e.o.Nurse.ID, "")), "rater_id")

		// Staff1 as Plt of the vacant head post would rate the Kabid, who
		// rates Staff1.
		pls, err := s.Placements(context.Background(), e.o.Kadis.ID)
		if err != nil || len(pls) != 1 {
			t.Fatalf("Kadis's placements: %v, %v", pls, err)
		}
		if r := e.post(t, "/api/v1/employees/"+e.o.Kadis.ID+"/placements/"+pls[0].ID+"/end", admin, map[string]string{"end": "2026-01-31"}); r.status != 204 {
			t.Fatalf("end placement: %d %s", r.status, r.body)
		}
		place := func(id string) response {
			return e.post(t, "/api/v1/employees/"+id+"/placements", admin, map[string]string{"position_id": e.o.PosKadis.ID, "kind": "plt", "start": "2026-02-01"})
		}
		fieldError("a Plt two posts above", place(e.o.Staff1.ID), "position_id")
		if r := place(e.o.Kabid.ID); r.status != 201 {
			t.Errorf("an ordinary Plt: %d %s", r.status, r.body)
		}
	})
}
