package api_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// An act repeated on a record already in that state, or one its state
// makes impossible, is a conflict (409, type conflict) whose detail names
// the state, and it changes nothing; a 422 is for input that is wrong
// whatever the records hold.
func TestStateConflictsAnswer409(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		admin := e.login(t, "admin", "rahasia-admin")
		conflict := func(what string, r response, says string) {
			t.Helper()
			p := problem(t, r, 409)
			if typ, _ := p["type"].(string); !strings.HasSuffix(typ, "/conflict") {
				t.Errorf("%s: type %v", what, p["type"])
			}
			if d, _ := p["detail"].(string); !strings.Contains(d, says) {
				t.Errorf("%s: detail %q does not say %q", what, d, says)
			}
		}

		// A placement ended already is not ended again; the same
		// placement is not made twice.
		kabid := "/api/v1/employees/" + e.o.Kabid.ID
		r := e.post(t, kabid+"/placements", admin, map[string]string{"position_code": "KOMINFO-SEKR", "kind": "plt", "start": "2026-01-05"})
		if r.status != 201 {
			t.Fatalf("place: %d %s", r.status, r.body)
		}
		pid := r.json(t)["id"].(string)
		if r := e.post(t, kabid+"/placements/"+pid+"/end", admin, map[string]string{"end": "2026-02-01"}); r.status != 204 {
			t.Fatalf("end placement: %d %s", r.status, r.body)
		}
		conflict("a placement ended twice", e.post(t, kabid+"/placements/"+pid+"/end", admin, map[string]string{"end": "2026-02-20"}), "sudah berakhir")
		conflict("a placement made twice", e.post(t, kabid+"/placements", admin, map[string]string{"position_code": "KOMINFO-SEKR", "kind": "plt", "start": "2026-01-10"}), "sudah ditempatkan")
		if pl, _ := s.Placements(ctx, e.o.Kabid.ID); len(pl) != 2 || pl[0].ID == pid && pl[0].End != "2026-02-01" || pl[1].ID == pid && pl[1].End != "2026-02-01" {
			t.Errorf("the placements after the refusals: %+v", pl)
		}

		// A substitute rater over the same days as another; one ended
		// already.
		nurse := "/api/v1/employees/" + e.o.Nurse.ID + "/rater-overrides"
		r = e.post(t, nurse, admin, map[string]string{"rater_id": e.o.Kadis.ID, "start": "2026-01-01", "reason": "Penugasan"})
		if r.status != 201 {
			t.Fatalf("override: %d %s", r.status, r.body)
		}
		oid := r.json(t)["id"].(string)
		conflict("a second substitute over the same days", e.post(t, nurse, admin, map[string]string{"rater_id": e.o.Kabid.ID, "start": "2026-03-01", "reason": "Penugasan lain"}), "sudah punya pejabat penilai pengganti")
		if r := e.post(t, nurse+"/"+oid+"/end", admin, map[string]string{"end": "2026-01-02"}); r.status != 204 {
			t.Fatalf("end override: %d %s", r.status, r.body)
		}
		conflict("a substitute ended twice", e.post(t, nurse+"/"+oid+"/end", admin, map[string]string{"end": "2026-01-20"}), "sudah berakhir")
		if list, _ := s.RaterOverrides(ctx, e.o.Nurse.ID); len(list) != 1 || list[0].End != "2026-01-02" {
			t.Errorf("the overrides after the refusals: %+v", list)
		}

		// An account for someone who has one; a link for a disabled one.
		conflict("a second account", e.post(t, "/api/v1/users", admin, map[string]string{"employee_id": e.o.Staff1.ID}), "sudah punya akun")
		u, err := s.UserByEmployee(ctx, e.o.Kabid.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error { return tx.SetDisabled(ctx, u.ID, true) }); err != nil {
			t.Fatal(err)
		}
		conflict("a link for a disabled account", e.post(t, "/api/v1/users/"+u.ID+"/activation", admin, nil), "dinonaktifkan")
		if got, _ := s.User(ctx, u.ID); !got.Disabled {
			t.Error("the refused link enabled the account")
		}

		// The end of an employment: cancelled while it goes on, ended
		// twice, and on a merged record.
		staff3 := "/api/v1/employees/" + e.o.Staff3.ID
		conflict("cancelling an end of someone employed", e.post(t, staff3+"/end/cancel", admin, nil), "masih berjalan")
		end := map[string]string{"kind": "pensiun", "date": "2026-01-01", "decree": "800/1/BKPSDM/2026"}
		if r := e.post(t, staff3+"/end", admin, end); r.status != 200 {
			t.Fatalf("end: %d %s", r.status, r.body)
		}
		again := map[string]string{"kind": "meninggal", "date": "2026-02-01", "decree": "800/2/BKPSDM/2026"}
		conflict("an employment ended twice", e.post(t, staff3+"/end", admin, again), "sudah berakhir: Pensiun, TMT")
		if ends, _ := s.EmploymentEnds(ctx, e.o.Staff3.ID); len(ends) != 1 || ends[0].Kind != model.EndPensiun {
			t.Errorf("the ends after the refusal: %+v", ends)
		}
		merge := map[string]any{"into": e.o.Staff1.ID, "unlike": true, "reason": "Koreksi NIP oleh BKN, surat 123/BKN/2026"}
		if r := e.post(t, staff3+"/merge", admin, merge); r.status != 200 {
			t.Fatalf("merge: %d %s", r.status, r.body)
		}
		conflict("a merged record merged again", e.post(t, staff3+"/merge", admin, merge), "sudah digabung")
		conflict("a merged record ended", e.post(t, staff3+"/end", admin, again), "digabung ke catatan "+e.o.Staff1.FullName())
		conflict("the end of a merged record cancelled", e.post(t, staff3+"/end/cancel", admin, nil), "digabung ke catatan "+e.o.Staff1.FullName())
		if got, _ := s.Employee(ctx, e.o.Staff3.ID); got.Active {
			t.Error("a refused act made the merged record active")
		}
		// Input that is wrong whatever the records hold stays a 422.
		problem(t, e.post(t, kabid+"/placements/"+pid+"/end", admin, map[string]string{"end": "kemarin"}), 422)
	})
}

// The same kind beyond the organisation: a year opened twice, a team
// member added twice, realisasi on an SKP not approved, a take-over of
// RHK where no transfer came before, an assessment sent before it is
// rated.
func TestRepeatedActsAnswer409(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		admin := e.login(t, "admin", "rahasia-admin")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		conflict := func(what string, r response, says string) {
			t.Helper()
			p := problem(t, r, 409)
			if typ, _ := p["type"].(string); !strings.HasSuffix(typ, "/conflict") {
				t.Errorf("%s: type %v", what, p["type"])
			}
			if d, _ := p["detail"].(string); !strings.Contains(d, says) {
				t.Errorf("%s: detail %q does not say %q", what, d, says)
			}
		}

		r := e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026, "period_kind": "monthly"})
		if r.status != 201 && r.status != 200 {
			t.Fatalf("open the year: %d %s", r.status, r.body)
		}
		conflict("a year opened twice", e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026, "period_kind": "quarterly"}), "2026 sudah dibuka")
		periods, err := s.Periods(ctx, e.o.Instansi.ID, 2026)
		if err != nil || len(periods) != 13 {
			t.Errorf("the year after the refusal: %d periods, %v", len(periods), err)
		}

		r = e.post(t, "/api/v1/teams", kabid, map[string]any{"name": "Tim Layanan Terpadu", "goal": "Antrean di bawah 15 menit"})
		if r.status != 201 {
			t.Fatalf("team: %d %s", r.status, r.body)
		}
		team := r.json(t)["id"].(string)
		if r := e.post(t, "/api/v1/teams/"+team+"/members", kabid, map[string]any{"employee_id": e.o.Staff1.ID}); r.status != 200 && r.status != 201 {
			t.Fatalf("add a member: %d %s", r.status, r.body)
		}
		conflict("a member added twice", e.post(t, "/api/v1/teams/"+team+"/members", kabid, map[string]any{"employee_id": e.o.Staff1.ID}), "sudah menjadi anggota tim")
		if tm, err := s.Team(ctx, team); err != nil || len(tm.Members) != 2 { // the lead and Staff1
			t.Errorf("the team after the refusal: %+v, %v", tm.Members, err)
		}

		// January's assessment of Staff1's SKP, not yet rated.
		r = e.post(t, "/api/v1/skps", staff, map[string]any{"year": 2026, "approach": "kuantitatif"})
		if r.status != 201 {
			t.Fatalf("skp: %d %s", r.status, r.body)
		}
		skp := r.json(t)["id"].(string)
		var ids []string
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			if _, err := tx.CreateAssessments(ctx, periods[0], model.CurrentRegime, []model.AssessmentCandidate{{SKPID: skp, EmployeeID: e.o.Staff1.ID, OPDID: e.o.Kominfo.ID}}); err != nil {
				return err
			}
			list, err := tx.Assessments(ctx, store.AssessmentFilter{InstansiID: e.o.Instansi.ID, SKPID: skp})
			for _, a := range list {
				ids = append(ids, a.ID)
			}
			return err
		}); err != nil || len(ids) != 1 {
			t.Fatalf("the assessment: %v, %v", ids, err)
		}
		// The draft SKP takes no realisasi yet, and no RHK from an SKP
		// before a transfer: there is none.
		conflict("realisasi on a draft SKP", e.do(t, "PUT", "/api/v1/skps/"+skp+"/realisasi", staff, "application/json",
			[]byte(`{"period_id":"`+periods[0].ID+`","indicator_id":"x","value":"1","version":1}`)), "berstatus Konsep")
		conflict("a take-over without a transfer", e.post(t, "/api/v1/skps/"+skp+"/take-over", staff, map[string]any{"version": 1, "rhk_ids": []string{"x"}}), "tidak didahului")
		if got, err := s.SKP(ctx, skp); err != nil || got.Status != model.SKPDraft || len(got.RHK) != 0 {
			t.Errorf("the SKP after the refusals: %+v, %v", got, err)
		}
		conflict("an assessment sent unrated", e.post(t, "/api/v1/assessments/"+ids[0]+"/finalize", kabid, map[string]any{"version": 1}), "belum diberi rating")
		if as, err := s.Assessment(ctx, ids[0]); err != nil || as.Status != model.AssessmentOpen {
			t.Errorf("the assessment after the refusal: %s, %v", as.Status, err)
		}
	})
}
