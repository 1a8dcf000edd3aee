package api_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A transfer whose TMT reaches into a closed period is refused with 409
// and the list until the request confirms it; confirmed, the placement
// made lists it too.
func TestBackdatedTransferAsksForConfirmation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := documented(t, e)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		var oct string
		for _, p := range check("POST", "/api/v1/years", e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026, "period_kind": "monthly"}))["items"].([]any) {
			if m := p.(map[string]any); m["start"] == "2026-10-01" {
				oct = m["id"].(string)
			}
		}
		if oct == "" {
			t.Fatal("no October period")
		}
		for _, st := range []string{`{"status":"open"}`, `{"status":"closed","reason":"akhir bulan"}`} {
			check("PATCH", "/api/v1/periods/{id}", e.do(t, "PATCH", "/api/v1/periods/"+oct, admin, "application/json", []byte(st)))
		}
		skp := check("POST", "/api/v1/skps", e.post(t, "/api/v1/skps", staff, map[string]any{"year": 2026, "approach": "kuantitatif"}))
		// October's assessment on it, as closing the month makes it for an
		// approved SKP.
		ctx := context.Background()
		period, err := s.Period(ctx, oct)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			_, err := tx.CreateAssessments(ctx, period, model.CurrentRegime, []model.AssessmentCandidate{{SKPID: skp["id"].(string), EmployeeID: e.o.Staff1.ID, OPDID: e.o.Kominfo.ID}})
			return err
		}); err != nil {
			t.Fatal(err)
		}

		path := "/api/v1/employees/" + e.o.Staff1.ID + "/placements"
		req := map[string]any{"position_code": "KOMINFO-ADM", "kind": "definitif", "start": "2026-10-01", "decree": "821/90/BKPSDM/2026"}
		p := check("POST", "/api/v1/employees/{id}/placements", problemOf(t, e.post(t, path, admin, req), 409))
		b, _ := p["backdated"].(map[string]any)
		periods, _ := b["periods"].([]any)
		if as, _ := b["assessments"].([]any); len(as) != 1 || as[0].(map[string]any)["period_id"] != oct || as[0].(map[string]any)["reassess"] != false {
			t.Errorf("the 409 lists the assessments %v", b["assessments"])
		} else if it := as[0].(map[string]any); it["skp_year"] != float64(2026) || it["employee"].(map[string]any)["nip"] != storetest.NIPStaff1 ||
			it["rater"] == nil || it["rater"].(map[string]any)["nip"] != storetest.NIPKabid || it["status"] != "open" {
			t.Errorf("the assessment listed: %v", it)
		}
		if len(periods) != 1 || periods[0].(map[string]any)["id"] != oct || periods[0].(map[string]any)["name"] != "Oktober 2026" || b["tmt"] != "2026-10-01" {
			t.Fatalf("the 409 lists %v", p)
		}
		if d, _ := p["detail"].(string); d == "" || d != b["message"] {
			t.Errorf("detail %q, message %q", d, b["message"])
		}
		req["confirm_backdated"] = true
		got := check("POST", "/api/v1/employees/{id}/placements", e.post(t, path, admin, req))
		if b, _ := got["backdated"].(map[string]any); b == nil || len(b["periods"].([]any)) != 1 || got["id"] == "" {
			t.Errorf("the placement made: %v", got)
		}
		d := check("GET", "/api/v1/employees/{id}", e.get(t, "/api/v1/employees/"+e.o.Staff1.ID, admin))
		if r, _ := d["reassess"].([]any); len(r) != 1 || r[0].(map[string]any)["period"] != "Oktober 2026" {
			t.Errorf("the employee lists %v", d["reassess"])
		}
	})
}
