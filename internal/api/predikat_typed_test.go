package api_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestTypedPredikatRefusedOnEveryBody walks every API body that takes
// ratings (the rating, a calibration move, a keberatan decision): each
// refuses a predikat, whatever its value (null too), with 422 naming it
// and changes nothing; the same body without it goes through.
func TestTypedPredikatRefusedOnEveryBody(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, as := objectionSetup(t, s)
		ctx := context.Background()
		staff, kabid, kadis, admin := e.login(t, storetest.NIPStaff1, "rahasia-staf1"), e.login(t, storetest.NIPKabid, "rahasia-kabid"),
			e.login(t, storetest.NIPKadis, "rahasia-kadis"), e.login(t, "admin", "rahasia-admin")
		current := func() model.Assessment {
			t.Helper()
			got, err := s.Assessment(ctx, as.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		refused := func(what string, r response, before model.Assessment) {
			t.Helper()
			p := problem(t, r, 422)
			if errs, _ := p["errors"].(map[string]any); errs["predikat"] == nil {
				t.Errorf("%s: the refusal does not name predikat: %v", what, p)
			}
			if got := current(); got.Version != before.Version || got.Predikat != before.Predikat {
				t.Errorf("%s with a predikat changed the result: %+v", what, got)
			}
		}
		// Whoever may not act is refused for that first (404 to one who
		// cannot see the result, 403 to one who sees it), never 422.
		if _, err := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}}).CreateUser(ctx,
			model.SystemActor(e.o.Instansi.ID, "test"), app.NewUser{EmployeeNIP: storetest.NIPStaff2, Password: "rahasia-staf2"}); err != nil {
			t.Fatal(err)
		}
		colleague := e.login(t, storetest.NIPStaff2, "rahasia-staf2")
		notFirst := func(what string, r response) {
			t.Helper()
			if r.status != 403 && r.status != 404 {
				t.Errorf("%s with a predikat, by one who may not act: %d %s, want 403 or 404", what, r.status, r.body)
			}
		}
		for _, who := range []string{colleague, staff} {
			notFirst("PUT /assessments/{id}", e.put(t, "/api/v1/assessments/"+as.ID, who, map[string]any{"predikat": "baik"}))
			notFirst("POST /assessments/{id}/calibrate", e.post(t, "/api/v1/assessments/"+as.ID+"/calibrate", who, map[string]any{"predikat": "baik"}))
		}
		for _, p := range []any{"sangat_baik", nil, ""} {
			before := current()
			// The rater's PUT on a result already sent is refused for its
			// state first (409; a PUT with a predikat on a result the rater
			// may still rate is a 422: TestAssessmentJourney).
			r := e.put(t, "/api/v1/assessments/"+as.ID, kabid, map[string]any{"version": before.Version,
				"hasil_kerja": "di_atas", "perilaku_kerja": "di_atas", "predikat": p})
			if p := problem(t, r, 409); p["code"] != "conflict.assessment.sent" {
				t.Errorf("PUT /assessments/{id} with a predikat on a sent result: %v", p)
			}
			if got := current(); got.Version != before.Version || got.Predikat != before.Predikat {
				t.Errorf("PUT /assessments/{id} with a predikat changed the result: %+v", got)
			}
			refused("POST /assessments/{id}/calibrate", e.post(t, "/api/v1/assessments/"+as.ID+"/calibrate", admin, map[string]any{
				"version": before.Version, "hasil_kerja": "di_bawah", "perilaku_kerja": "sesuai", "reason": "Bukti belum lengkap.", "predikat": p}), before)
		}
		before := current()
		if r := e.post(t, "/api/v1/assessments/"+as.ID+"/calibrate", admin, map[string]any{"version": before.Version,
			"hasil_kerja": "di_bawah", "perilaku_kerja": "sesuai", "reason": "Bukti belum lengkap."}); r.status != 200 {
			t.Fatalf("the move without a predikat: %d %s", r.status, r.body)
		}
		r := e.post(t, "/api/v1/assessments/"+as.ID+"/objections", staff, map[string]string{"reason": "Realisasi saya melampaui target."})
		if r.status != 201 {
			t.Fatalf("object: %d %s", r.status, r.body)
		}
		oid, _ := r.json(t)["id"].(string)
		if r := e.post(t, "/api/v1/objections/"+oid+"/explain", kabid, map[string]any{"explanation": "Bukti belum lengkap."}); r.status != 200 {
			t.Fatalf("explain: %d %s", r.status, r.body)
		}
		for _, who := range []string{colleague, staff, kabid} {
			notFirst("POST /objections/{oid}/decide", e.post(t, "/api/v1/objections/"+oid+"/decide", who, map[string]any{"predikat": "baik"}))
		}
		for _, p := range []any{"sangat_baik", nil} {
			before := current()
			refused("POST /objections/{oid}/decide (change)", e.post(t, "/api/v1/objections/"+oid+"/decide", kadis, map[string]any{
				"decision": "change", "hasil_kerja": "di_atas", "perilaku_kerja": "di_atas", "note": "Bukti mendukung.", "predikat": p}), before)
			refused("POST /objections/{oid}/decide (keep)", e.post(t, "/api/v1/objections/"+oid+"/decide", kadis, map[string]any{
				"decision": "keep", "note": "Tetap.", "predikat": p}), before)
		}
		if r := e.post(t, "/api/v1/objections/"+oid+"/decide", kadis, map[string]any{"decision": "change", "hasil_kerja": "di_atas",
			"perilaku_kerja": "di_atas", "note": "Bukti mendukung."}); r.status != 200 || current().Predikat != model.PredikatSangatBaik {
			t.Errorf("the decision without a predikat: %d %s", r.status, r.body)
		}
	})
}
