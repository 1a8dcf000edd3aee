package api_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestUnitPerformanceJourney sets the capaian of an OPD through HTTP with
// its version, refuses a stale one, the wrong people and bad input as
// problem+json, records a recommendation, lists the period, and checks
// every answer against the OpenAPI document.
func TestUnitPerformanceJourney(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: storetest.NIPKadis, Password: "rahasia-kadis"}); err != nil {
			t.Fatal(err)
		}
		hash, _ := a.HashPassword("rahasia-wali")
		if err := s.Write(ctx, sys, func(tx *store.Tx) error {
			_, err := tx.CreateUser(ctx, model.User{InstansiID: e.o.Instansi.ID, Username: "walikota", DisplayName: "Wali Kota",
				EmployeeID: e.o.WaliKota.ID, PasswordHash: hash})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		check := checkStatus(t, e)
		admin := e.login(t, "admin", "rahasia-admin")
		wali := e.login(t, "walikota", "rahasia-wali")
		kadis := e.login(t, storetest.NIPKadis, "rahasia-kadis")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")

		check("POST", "/api/v1/years", e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026}), 201)
		periods := check("GET", "/api/v1/years/{year}/periods", e.get(t, "/api/v1/years/2026/periods", admin), 200)["items"].([]any)
		jan := periods[0].(map[string]any)["id"].(string)
		path := "/api/v1/units/" + e.o.Kominfo.ID + "/performance/" + jan
		const pattern = "/api/v1/units/{id}/performance/{period_id}"

		// Before: nothing set, the Wali Kota may set it.
		v := check("GET", pattern, e.get(t, path, wali), 200)
		if v["capaian"] != nil || v["version"].(float64) != 0 || v["can"].(map[string]any)["set"] != true {
			t.Fatalf("before = %v", v)
		}
		// No version is a 422; bad input a 422 naming the fields.
		r := e.put(t, path, wali, map[string]any{"capaian": "baik", "basis": "x"})
		if p := check("PUT", pattern, r, 422); p["errors"] == nil && p["fields"] == nil {
			t.Errorf("no version: %s", r.body)
		}
		if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
			t.Errorf("a refusal is %q", ct)
		}
		r = e.put(t, path, wali, map[string]any{"capaian": "hebat", "basis": " ", "version": 0})
		check("PUT", pattern, r, 422)
		// Set, then a stale version is a 409.
		v = check("PUT", pattern, e.put(t, path, wali, map[string]any{"capaian": "istimewa", "basis": "Semua rencana aksi melampaui target.", "version": 0}), 200)
		if v["capaian"] != "istimewa" || v["version"].(float64) != 1 || v["leader_rating"] != "di_atas" || v["set_by"].(map[string]any)["id"] != e.o.WaliKota.ID {
			t.Fatalf("set = %v", v)
		}
		check("PUT", pattern, e.put(t, path, wali, map[string]any{"capaian": "baik", "basis": "x", "version": 0}), 409)
		// The wrong people: BKPSDM and the OPD head are refused, staff see nothing.
		check("PUT", pattern, e.put(t, path, admin, map[string]any{"capaian": "baik", "basis": "x", "version": 1}), 403)
		check("PUT", pattern, e.put(t, path, kadis, map[string]any{"capaian": "baik", "basis": "x", "version": 1}), 403)
		check("GET", pattern, e.get(t, path, staff), 404)

		// BKPSDM recommends as itself; the Inspektorat's word only on its
		// behalf with a basis (a 422 without one, nothing recorded); the
		// Kepala Dinas reads their OPD with it.
		p := problem(t, e.post(t, path+"/recommendations", admin,
			map[string]any{"source": "inspektorat", "capaian": "baik", "note": "Satu temuan belum ditindaklanjuti."}), 422)
		if !strings.Contains(fmt.Sprint(p["errors"], p["fields"]), "basis") {
			t.Errorf("the refusal does not name the basis: %v", p)
		}
		rec := check("POST", pattern+"/recommendations", e.post(t, path+"/recommendations", admin,
			map[string]any{"source": "bkpsdm", "capaian": "baik", "note": "Dua pegawai belum menyusun SKP."}), 201)
		if recs := rec["recommendations"].([]any); len(recs) != 1 || recs[0].(map[string]any)["source"] != "bkpsdm" {
			t.Errorf("recommendations = %v", rec["recommendations"])
		}
		check("POST", pattern+"/recommendations", e.post(t, path+"/recommendations", kadis,
			map[string]any{"source": "bkpsdm", "capaian": "baik"}), 403)
		check("POST", pattern+"/recommendations", e.post(t, path+"/recommendations", admin,
			map[string]any{"source": "dprd", "capaian": "baik"}), 422)
		// On the Inspektorat's behalf, with the letter it came in.
		if can := rec["can"].(map[string]any); fmt.Sprint(can["sources"]) != "[bkpsdm bappeda inspektorat]" || fmt.Sprint(can["on_behalf"]) != "[bappeda inspektorat]" {
			t.Errorf("the admin's can = %v", can)
		}
		check("POST", pattern+"/recommendations", e.post(t, path+"/recommendations", kadis,
			map[string]any{"source": "inspektorat", "capaian": "kurang", "basis": "Surat Inspektorat No. 700/123/2026"}), 403)
		rec = check("POST", pattern+"/recommendations", e.post(t, path+"/recommendations", admin,
			map[string]any{"source": "inspektorat", "capaian": "kurang", "note": "Satu temuan belum ditindaklanjuti.",
				"basis": "Surat Inspektorat No. 700/123/2026 tanggal 5 November 2026"}), 201)
		if recs := rec["recommendations"].([]any); len(recs) != 2 {
			t.Errorf("recommendations = %v", recs)
		} else if r := recs[1].(map[string]any); r["source"] != "inspektorat" || r["on_behalf"] != true ||
			r["basis"] != "Surat Inspektorat No. 700/123/2026 tanggal 5 November 2026" || r["by"].(map[string]any)["id"] == nil ||
			r["superseded_by"] != nil || recs[0].(map[string]any)["on_behalf"] != false || recs[0].(map[string]any)["basis"] != "" {
			t.Errorf("on behalf = %v; own = %v", r, recs[0])
		}
		l := check("GET", "/api/v1/unit-performance", e.get(t, "/api/v1/unit-performance?period="+jan, kadis), 200)
		if items := l["items"].([]any); len(items) != 1 || l["next_cursor"] != nil || items[0].(map[string]any)["capaian"] != "istimewa" {
			t.Errorf("the Kepala Dinas's list = %v", l)
		}
		l = check("GET", "/api/v1/unit-performance", e.get(t, "/api/v1/unit-performance?period="+jan, admin), 200)
		if items := l["items"].([]any); len(items) != 2 {
			t.Errorf("BKPSDM lists %d OPDs", len(items))
		}
		check("GET", "/api/v1/unit-performance", e.get(t, "/api/v1/unit-performance?period="+jan, staff), 403)

		// Once the OPD's calibration is final, the capaian and its
		// recommendations are refused with a 409 that says why; an unlock
		// opens them again.
		const curve = "/api/v1/units/{id}/curve"
		check("POST", curve+"/finalize", e.post(t, "/api/v1/units/"+e.o.Kominfo.ID+"/curve/finalize", admin, map[string]any{"period_id": jan}), 200)
		v = check("GET", pattern, e.get(t, path, wali), 200)
		if v["can"].(map[string]any)["set"] != false || v["can"].(map[string]any)["recommend"] != false {
			t.Errorf("rights on a final calibration = %v", v["can"])
		}
		r = e.put(t, path, wali, map[string]any{"capaian": "sangat_kurang", "basis": "Diubah sesudah final.", "version": 1})
		if p := check("PUT", pattern, r, 409); !strings.Contains(fmt.Sprint(p["detail"]), "final") {
			t.Errorf("refusal = %v", p)
		}
		check("POST", pattern+"/recommendations", e.post(t, path+"/recommendations", admin,
			map[string]any{"source": "bkpsdm", "capaian": "kurang"}), 409)
		check("POST", pattern+"/recommendations", e.post(t, path+"/recommendations", admin,
			map[string]any{"source": "bappeda", "capaian": "kurang", "basis": "Nota Dinas Bappeda No. 050/77/2026"}), 409)
		if v = check("GET", pattern, e.get(t, path, wali), 200); v["capaian"] != "istimewa" {
			t.Errorf("capaian after the refusals = %v", v["capaian"])
		}
		check("POST", curve+"/unlock", e.post(t, "/api/v1/units/"+e.o.Kominfo.ID+"/curve/unlock", admin, map[string]any{"period_id": jan, "reason": "Koreksi capaian"}), 200)
		check("PUT", pattern, e.put(t, path, wali, map[string]any{"capaian": "baik", "basis": "Dikoreksi.", "version": 1}), 200)

		// Settings: BKPSDM switches the setter to the Sekda (none is named here, so the Wali Kota still sets).
		st := check("PUT", "/api/v1/unit-performance/settings", e.put(t, "/api/v1/unit-performance/settings", admin,
			map[string]any{"capaian_setter": "sekda", "bappeda_unit_id": "DINKES"}), 200)
		if st["capaian_setter"] != "sekda" || st["bappeda_unit_id"] != e.o.Dinkes.ID {
			t.Errorf("settings = %v", st)
		}
		check("PUT", "/api/v1/unit-performance/settings", e.put(t, "/api/v1/unit-performance/settings", kadis,
			map[string]any{"capaian_setter": "kepala_daerah"}), 403)
		check("GET", "/api/v1/unit-performance/settings", e.get(t, "/api/v1/unit-performance/settings", staff), 200)
	})
}
