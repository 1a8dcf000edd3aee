package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestTransferThroughTheAPI: Staff1 reports progress, then is transferred
// with a TMT of today. The entry of today stays readable on the closed SKP
// until the new SKP takes its RHK over (POST /skps/{id}/take-over); then
// it belongs to the copy. Both SKPs lead to each other.
func TestTransferThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		today := a.Today(ctx, e.o.Instansi.ID)
		if today.Time().YearDay() < 3 {
			t.Skip("the SKP before the transfer needs a day of the year before today's")
		}
		year := today.Time().Year()
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		if _, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		check := documented(t, e)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		adminToken := e.login(t, "admin", "rahasia-admin")
		post := func(who, pattern, path string, body map[string]any) map[string]any {
			t.Helper()
			r := e.post(t, path, who, body)
			if r.status != 200 && r.status != 201 {
				t.Fatalf("POST %s: %d %s", path, r.status, r.body)
			}
			return check("POST", pattern, r)
		}
		old := post(staff, "/api/v1/skps", "/api/v1/skps", map[string]any{"year": year, "approach": "kuantitatif"})
		oldID := old["id"].(string)
		old = post(staff, "/api/v1/skps/{id}/rhk", "/api/v1/skps/"+oldID+"/rhk", map[string]any{"version": old["version"], "kind": "utama",
			"description": "Terpeliharanya aplikasi layanan"})
		rhk := old["rhk"].([]any)[0].(map[string]any)["id"].(string)
		post(staff, "/api/v1/rhk/{id}/indicators", "/api/v1/rhk/"+rhk+"/indicators", map[string]any{"version": old["version"],
			"aspect": "kuantitas", "description": "Jumlah pemeliharaan", "target": "12", "unit": "kali"})
		// Approved as its pejabat penilai would (their own SKP's chain is
		// not what this test is about).
		approved, err := s.SKP(ctx, oldID)
		if err != nil {
			t.Fatal(err)
		}
		approved.Status, approved.ApprovedAt = model.SKPApproved, time.Now()
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			if err := tx.SetSKPStatus(ctx, approved.Version, approved, model.ActApprove); err != nil {
				return err
			}
			return tx.SaveSKPVersion(ctx, approved)
		}); err != nil {
			t.Fatal(err)
		}
		entry := post(staff, "/api/v1/progress", "/api/v1/progress", map[string]any{"date": today, "rhk_id": rhk,
			"description": "Pemeliharaan server", "minutes": 60})
		if entry["skp_id"] != oldID {
			t.Fatalf("the entry went to %v", entry["skp_id"])
		}
		if r := e.post(t, "/api/v1/employees/"+e.o.Staff1.ID+"/placements", adminToken,
			map[string]any{"position_id": e.o.PosAdm.ID, "kind": "definitif", "start": today}); r.status != 201 {
			t.Fatalf("placement: %d %s", r.status, r.body)
		}

		tr := check("GET", "/api/v1/skps/{id}/transfer", e.get(t, "/api/v1/skps/"+oldID+"/transfer", staff))
		if tr["after_tmt"] != float64(1) || tr["next"] != nil || tr["can"].(map[string]any)["take_over"] != false {
			t.Errorf("the closed SKP's transfer = %v", tr)
		}
		if p := check("GET", "/api/v1/progress/{id}", e.get(t, "/api/v1/progress/"+entry["id"].(string), staff)); p["skp_id"] != oldID || p["after_tmt"] != true {
			t.Errorf("the entry after the TMT = %v, want it on the closed SKP, marked after_tmt", p)
		}
		// The SKP itself says what its page says: the records after the TMT.
		sk := check("GET", "/api/v1/skps/{id}", e.get(t, "/api/v1/skps/"+oldID, staff))
		if st, _ := sk["transfer"].(map[string]any); st != nil {
			t.Errorf("the closed SKP before a new one = %v, want no transfer (no SKP follows it yet)", st)
		}

		fresh := post(staff, "/api/v1/skps", "/api/v1/skps", map[string]any{"year": year, "approach": "kuantitatif"})
		freshID := fresh["id"].(string)
		if fresh["period_start"] != string(today) {
			t.Errorf("the new SKP starts %v", fresh["period_start"])
		}
		tr = check("GET", "/api/v1/skps/{id}/transfer", e.get(t, "/api/v1/skps/"+freshID+"/transfer", staff))
		prev, _ := tr["previous"].(map[string]any)
		offer, _ := tr["offer"].([]any)
		if prev == nil || prev["id"] != oldID || len(offer) != 1 || tr["can"].(map[string]any)["take_over"] != true || tr["previous_after_tmt"] != float64(1) {
			t.Fatalf("the new SKP's transfer = %v", tr)
		}
		sk = check("GET", "/api/v1/skps/{id}", e.get(t, "/api/v1/skps/"+oldID, staff))
		if sk["realisasi"] != true {
			t.Errorf("the closed SKP's realisasi flag = %v, want true (its page links to them)", sk["realisasi"])
		}
		if st, _ := sk["transfer"].(map[string]any); st == nil || st["after_tmt"] != float64(1) || st["next"].(map[string]any)["id"] != freshID {
			t.Errorf("the closed SKP's transfer on GET /skps/{id} = %v", sk["transfer"])
		}
		sk = check("GET", "/api/v1/skps/{id}", e.get(t, "/api/v1/skps/"+freshID, staff))
		if st, _ := sk["transfer"].(map[string]any); st == nil || st["previous_after_tmt"] != float64(1) || st["previous"].(map[string]any)["id"] != oldID {
			t.Errorf("the new SKP's transfer on GET /skps/{id} = %v", sk["transfer"])
		}
		if r := e.post(t, "/api/v1/skps/"+freshID+"/take-over", staff, map[string]any{"rhk_ids": []string{rhk}}); r.status != 422 {
			t.Errorf("a take-over without a version: %d %s", r.status, r.body)
		}
		problem(t, e.post(t, "/api/v1/skps/"+freshID+"/take-over", staff, map[string]any{"version": fresh["version"], "rhk_ids": []string{}}), 422)
		problem(t, e.post(t, "/api/v1/skps/"+freshID+"/take-over", staff, map[string]any{"version": 99, "rhk_ids": []string{rhk}}), 409)
		problem(t, e.post(t, "/api/v1/skps/"+oldID+"/take-over", staff, map[string]any{"version": 1, "rhk_ids": []string{rhk}}), 409)
		got := post(staff, "/api/v1/skps/{id}/take-over", "/api/v1/skps/"+freshID+"/take-over", map[string]any{"version": fresh["version"],
			"rhk_ids": []string{rhk}})
		taken := got["taken_over"].([]any)
		if len(taken) != 1 || got["progress_moved"] != float64(1) || taken[0].(map[string]any)["from_rhk_id"] != rhk {
			t.Fatalf("take-over = %v", got)
		}
		copyID := taken[0].(map[string]any)["rhk_id"]
		if p := check("GET", "/api/v1/progress/{id}", e.get(t, "/api/v1/progress/"+entry["id"].(string), staff)); p["skp_id"] != freshID || p["rhk_id"] != copyID || p["after_tmt"] != false {
			t.Errorf("the entry after the take-over = %v", p)
		}
		if tr := check("GET", "/api/v1/skps/{id}/transfer", e.get(t, "/api/v1/skps/"+freshID+"/transfer", staff)); tr["previous_after_tmt"] != float64(0) {
			t.Errorf("the new SKP after the take-over = %v", tr)
		}
		tr = check("GET", "/api/v1/skps/{id}/transfer", e.get(t, "/api/v1/skps/"+oldID+"/transfer", staff))
		if next, _ := tr["next"].(map[string]any); next == nil || next["id"] != freshID || tr["after_tmt"] != float64(0) {
			t.Errorf("the closed SKP after the take-over = %v", tr)
		}
		list := check("GET", "/api/v1/skps/{id}/realisasi", e.get(t, "/api/v1/skps/"+oldID+"/realisasi", staff))
		if list["next_skp_id"] != freshID {
			t.Errorf("the closed SKP's realisasi = %v", list)
		}
		// A period's realisasi opens at its own address too.
		pid, _ := list["period_id"].(string)
		at := check("GET", "/api/v1/skps/{id}/realisasi/{pid}", e.get(t, "/api/v1/skps/"+oldID+"/realisasi/"+pid, staff))
		if at["period_id"] != pid || at["next_skp_id"] != freshID || fmt.Sprint(at["totals"]) != fmt.Sprint(list["totals"]) {
			t.Errorf("GET /skps/{id}/realisasi/%s = %v, want the answer of ?period=%[1]s: %v", pid, at, list)
		}
		changeTakenOverRHK(t, e, check, staff, freshID, copyID.(string), oldID, rhk)
	})
}

// changeTakenOverRHK: the RHK taken over is changed by PATCH /rhk/{id}
// (with the SKP's version; a parent not of the new rater is a 422 field
// error); removing it, with the progress moved onto it, is a 409 that
// names the reason, in the reader's language, with its message key; so
// is a change of the closed SKP.
func changeTakenOverRHK(t *testing.T, e env, check func(method, pattern string, r response) map[string]any, staff, freshID, copyID, oldID, oldRHK string) {
	t.Helper()
	fresh := check("GET", "/api/v1/skps/{id}", e.get(t, "/api/v1/skps/"+freshID, staff))
	version := fresh["version"]
	if rhk := fresh["rhk"].([]any)[0].(map[string]any); !rightsOf(rhk)["edit"] || rhk["parent_rhk_id"] != nil {
		t.Errorf("the copy = %v", rhk)
	}
	patch := func(id string, body map[string]any) response {
		b, _ := json.Marshal(body)
		return e.do(t, "PATCH", "/api/v1/rhk/"+id, staff, "application/json", b)
	}
	problem(t, patch(copyID, map[string]any{"description": "x"}), 422)                   // no version
	problem(t, patch(copyID, map[string]any{"version": version}), 422)                   // nothing to change
	problem(t, patch(copyID, map[string]any{"version": 99, "description": "Baru"}), 409) // stale
	if p := problem(t, patch(copyID, map[string]any{"version": version, "parent_rhk_id": oldRHK}), 422); p["codes"].(map[string]any)["parent_rhk_id"] == nil {
		t.Errorf("a parent not of the new rater: %v", p)
	}
	r := patch(copyID, map[string]any{"version": version, "description": "Terpeliharanya aplikasi administrasi", "kind": "tambahan"})
	if r.status != 200 {
		t.Fatalf("PATCH: %d %s", r.status, r.body)
	}
	got := check("PATCH", "/api/v1/rhk/{id}", r)
	if rhk := got["rhk"].([]any)[0].(map[string]any); rhk["description"] != "Terpeliharanya aplikasi administrasi" || rhk["kind"] != "tambahan" ||
		len(rhk["indicators"].([]any)) != 1 {
		t.Errorf("the changed RHK = %v", rhk)
	}
	del := func() map[string]any {
		b, _ := json.Marshal(map[string]any{"version": got["version"]})
		return problem(t, e.do(t, "DELETE", "/api/v1/rhk/"+copyID, staff, "application/json", b), 409)
	}
	p := del()
	if p["code"] != "conflict.rhk.delete.progress" || !strings.Contains(p["detail"].(string), "progres harian") {
		t.Errorf("removing the copy with progress: %v", p)
	}
	b, _ := json.Marshal(map[string]any{"locale": "en"})
	if r := e.do(t, "PATCH", "/api/v1/me", staff, "application/json", b); r.status != 200 {
		t.Fatalf("language: %d %s", r.status, r.body)
	}
	if p := del(); p["code"] != "conflict.rhk.delete.progress" || !strings.Contains(p["detail"].(string), "daily progress") {
		t.Errorf("removing the copy with progress, in English: %v", p)
	}
	closed := e.get(t, "/api/v1/skps/"+oldID, staff).json(t)
	closedRHK := closed["rhk"].([]any)[0].(map[string]any)
	if rightsOf(closedRHK)["edit"] {
		t.Error("an RHK of the closed SKP offered for a change")
	}
	if p := problem(t, patch(oldRHK, map[string]any{"version": closed["version"], "description": "Baru"}), 409); p["code"] != "conflict.skp.edit.closed" {
		t.Errorf("a change of the closed SKP: %v", p)
	}
}
