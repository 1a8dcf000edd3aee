package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// Over HTTP an OPD admin's placement or substitute rater outside their
// OPD, a second definitive holder and an end before the start are 422s on
// the field at fault; ending what only BKPSDM may end is a 403, and can
// says so beforehand.
func TestAdministratorsStayInsideTheirReach(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		opd := e.login(t, "opd-kominfo", "rahasia-opd")
		code := func(what string, r response, field, key string) {
			t.Helper()
			codes, _ := problem(t, r, 422)["codes"].(map[string]any)
			if codes[field] != key {
				t.Errorf("%s: codes = %v, want %s on %s", what, codes, key, field)
			}
		}
		placements := func(id string) string { return "/api/v1/employees/" + id + "/placements" }
		overrides := func(id string) string { return "/api/v1/employees/" + id + "/rater-overrides" }

		code("a Plt of another OPD's head post", e.post(t, placements(e.o.Staff1.ID), opd,
			map[string]string{"position_code": "DINKES-KADIS", "kind": "plt", "start": "2026-02-01"}), "position_code", "invalid.placement.position.reach")
		code("by id", e.post(t, placements(e.o.Staff1.ID), opd,
			map[string]string{"position_id": e.o.PosNurse.ID, "kind": "definitif", "start": "2026-02-01"}), "position_id", "invalid.placement.position.reach")
		code("a second Kabid", e.post(t, placements(e.o.Staff1.ID), admin,
			map[string]string{"position_id": e.o.PosKabid.ID, "kind": "definitif", "start": "2026-02-01"}), "position_id", "invalid.placement.position.held")
		code("a rater from Dinkes", e.post(t, overrides(e.o.Staff3.ID), opd,
			map[string]string{"rater_id": e.o.Kadinkes.ID, "start": "2026-02-01", "reason": "Diperbantukan"}), "rater_id", "invalid.rater.reach")
		code("an atasan from Dinkes", e.post(t, overrides(e.o.Staff3.ID), opd,
			map[string]string{"rater_id": e.o.Kabid.ID, "upper_rater_id": e.o.Kadinkes.ID, "start": "2026-02-01", "reason": "Penugasan"}), "upper_rater_id", "invalid.rater.reach")

		// BKPSDM makes Staff1 Plt in Dinkes and the head of Dinkes Staff3's
		// rater: the Kominfo admin sees both and may end neither.
		r := e.post(t, placements(e.o.Staff1.ID), admin, map[string]string{"position_code": "DINKES-KADIS", "kind": "plt", "start": "2026-02-01"})
		if r.status != 201 {
			t.Fatalf("BKPSDM's Plt: %d %s", r.status, r.body)
		}
		plt := r.json(t)["id"].(string)
		r = e.post(t, overrides(e.o.Staff3.ID), admin, map[string]string{"rater_id": e.o.Kadinkes.ID, "start": "2026-02-01", "reason": "Diperbantukan"})
		if r.status != 201 {
			t.Fatalf("BKPSDM's override: %d %s", r.status, r.body)
		}
		ov := r.json(t)["id"].(string)
		for _, p := range e.get(t, "/api/v1/employees/"+e.o.Staff1.ID, opd).json(t)["placements"].([]any) {
			p := p.(map[string]any)
			if want := p["id"] != plt; p["can"].(map[string]any)["end"] != want {
				t.Errorf("placement %v: can = %v, want end %v", p["position"], p["can"], want)
			}
		}
		if items := e.get(t, overrides(e.o.Staff3.ID), opd).json(t)["items"].([]any); len(items) != 1 ||
			items[0].(map[string]any)["can"].(map[string]any)["end"] != false {
			t.Errorf("overrides for the OPD admin = %v", items)
		}
		if items := e.get(t, overrides(e.o.Staff3.ID), admin).json(t)["items"].([]any); len(items) != 1 ||
			items[0].(map[string]any)["can"].(map[string]any)["end"] != true {
			t.Errorf("overrides for BKPSDM = %v", items)
		}
		problem(t, e.post(t, placements(e.o.Staff1.ID)+"/"+plt+"/end", opd, map[string]string{"end": "2026-02-28"}), 403)
		problem(t, e.post(t, overrides(e.o.Staff3.ID)+"/"+ov+"/end", opd, map[string]string{"end": "2026-02-28"}), 403)

		// An end before the start, on either.
		code("a Plt ending before it starts", e.post(t, placements(e.o.Staff1.ID)+"/"+plt+"/end", admin, map[string]string{"end": "2026-01-31"}),
			"end", "invalid.placement.end.before")
		code("an override ending before it starts", e.post(t, overrides(e.o.Staff3.ID)+"/"+ov+"/end", admin, map[string]string{"end": "2026-01-31"}),
			"end", "invalid.range.end.before")
		if r := e.post(t, placements(e.o.Staff1.ID)+"/"+plt+"/end", admin, map[string]string{"end": "2026-02-28"}); r.status != 204 {
			t.Errorf("BKPSDM ends the Plt: %d %s", r.status, r.body)
		}
	})
}
