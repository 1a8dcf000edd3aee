package api_test

import (
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The end of employment and the merge through the API, each answering
// the employee with its can flags.
func TestEmploymentEndAndMergeRoutes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		base := "/api/v1/employees/" + e.o.Staff3.ID
		// Staff3 and Staff1 hold different posts: end one first.
		// Rudi and Andi: neither name nor birth date alike.
		unlike := map[string]any{"into": e.o.Staff1.ID, "unlike": true, "reason": "Koreksi NIP oleh BKN, surat 123/BKN/2026"}
		if r := e.post(t, base+"/merge", admin, unlike); r.status != 409 || !strings.Contains(string(r.body), "masih menjabat") {
			t.Errorf("merge of two posts: %d %s", r.status, r.body)
		}
		if r := e.post(t, base+"/end", staff, map[string]string{"kind": "pensiun", "date": "2026-01-01", "decree": "SK-1"}); r.status != 403 {
			t.Errorf("an ASN ended an employment: %d %s", r.status, r.body)
		}
		if r := e.post(t, base+"/end", admin, map[string]string{"kind": "cuti", "date": "2026-01-01", "decree": ""}); r.status != 422 {
			t.Errorf("bad end: %d %s", r.status, r.body)
		}
		r := e.post(t, base+"/end", admin, map[string]string{"kind": "pensiun", "date": "2026-01-01", "decree": "800/1/BKPSDM/2026"})
		if r.status != 200 {
			t.Fatalf("end: %d %s", r.status, r.body)
		}
		j := r.json(t)
		can := j["can"].(map[string]any)
		end, _ := j["employment"].(map[string]any)["end"].(map[string]any)
		if j["active"] != false || can["end_employment"] != false || can["cancel_end"] != true || end["kind"] != "pensiun" || end["date"] != "2026-01-01" {
			t.Errorf("after the end: %s", r.body)
		}
		if r := e.post(t, base+"/end/cancel", admin, nil); r.status != 200 || r.json(t)["active"] != true {
			t.Errorf("cancel: %d %s", r.status, r.body)
		}
		if r := e.post(t, base+"/merge", staff, map[string]string{"into": e.o.Staff1.ID}); r.status != 403 {
			t.Errorf("an ASN merged: %d %s", r.status, r.body)
		}
		if r := e.post(t, base+"/end", admin, map[string]string{"kind": "pindah_instansi", "date": "2026-01-01", "decree": "SK-2"}); r.status != 200 {
			t.Fatalf("end again: %d %s", r.status, r.body)
		}
		// Nothing more is done with the person: each act is a 409 that
		// says why, and the record says it too.
		for path, body := range map[string]any{
			base + "/placements":      map[string]string{"position_id": e.o.PosAdm.ID, "kind": "plt", "start": "2026-03-02"},
			base + "/rater-overrides": map[string]string{"rater_id": e.o.Kadis.ID, "start": "2026-03-02", "reason": "Penugasan"},
			"/api/v1/users":           map[string]string{"employee_id": e.o.Staff3.ID},
			"/api/v1/skps":            map[string]any{"employee_id": e.o.Staff3.ID, "year": 2026, "approach": "kuantitatif"},
		} {
			if r := e.post(t, path, admin, body); r.status != 409 || !strings.Contains(string(r.body), "sudah berakhir: Pindah ke instansi lain") {
				t.Errorf("POST %s for someone who left: %d %s", path, r.status, r.body)
			}
		}
		if ended := e.get(t, base, admin).json(t); !strings.Contains(ended["employment"].(map[string]any)["closed"].(string), "SK-2") ||
			ended["can"].(map[string]any)["place"] != false || ended["can"].(map[string]any)["override_rater"] != false {
			t.Errorf("the record of someone who left: %v", ended)
		}
		// The directory lists the people who left apart.
		left := e.get(t, "/api/v1/employees?active=false", admin).json(t)["items"].([]any)
		if len(left) != 1 || left[0].(map[string]any)["id"] != e.o.Staff3.ID {
			t.Errorf("active=false lists %v", left)
		}
		for _, it := range e.get(t, "/api/v1/employees?active=true", admin).json(t)["items"].([]any) {
			if it.(map[string]any)["id"] == e.o.Staff3.ID {
				t.Error("active=true lists someone who left")
			}
		}
		if r := e.get(t, "/api/v1/employees?active=kadang", admin); r.status != 422 {
			t.Errorf("active=kadang: %d", r.status)
		}
		if r := e.post(t, base+"/merge", admin, map[string]string{"into_nip": storetest.NIPStaff1}); r.status != 422 || !strings.Contains(string(r.body), "orang yang sama") {
			t.Errorf("merge of two unlike records without a reason: %d %s", r.status, r.body)
		}
		delete(unlike, "into")
		unlike["into_nip"] = storetest.NIPStaff1
		r = e.post(t, base+"/merge", admin, unlike)
		if r.status != 200 || r.json(t)["id"] != e.o.Staff1.ID {
			t.Fatalf("merge: %d %s", r.status, r.body)
		}
		merged := e.get(t, base, admin).json(t)
		if merged["employment"].(map[string]any)["merged_into_id"] != e.o.Staff1.ID || merged["can"].(map[string]any)["merge"] != false {
			t.Errorf("merged record: %v", merged)
		}
		// A merge ends no employment: the record says where the person is.
		emp := merged["employment"].(map[string]any)
		closed, _ := emp["closed"].(string)
		if !strings.Contains(closed, "digabung ke catatan "+e.o.Staff1.FullName()) || strings.Contains(closed, "Pindah ke instansi lain") || emp["merged_at"] == nil {
			t.Errorf("merged record's employment: %v", emp)
		}
		if r := e.post(t, base+"/placements", admin, map[string]string{"position_id": e.o.PosAdm.ID, "kind": "plt", "start": "2026-03-02"}); r.status != 409 ||
			!strings.Contains(string(r.body), "digabung ke catatan "+e.o.Staff1.FullName()) {
			t.Errorf("a placement of a merged record: %d %s", r.status, r.body)
		}
	})
}
