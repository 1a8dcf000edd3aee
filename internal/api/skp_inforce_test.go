package api_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestRevisionInForceThroughTheAPI: while the Kabid revises her approved
// SKP, its approved revision stays in force. Staff1 is offered its RHK,
// intervenes one and submits; the Kabid reports progress and realisasi on
// it. The RHK the draft removed and the one it added are not in force.
func TestRevisionInForceThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		if _, err := a.CreateUser(ctx, model.SystemActor(e.o.Instansi.ID, "test"), app.NewUser{EmployeeNIP: storetest.NIPKadis, Password: "rahasia-kadis"}); err != nil {
			t.Fatal(err)
		}
		today := a.Today(context.Background(), e.o.Instansi.ID)
		year := today.Time().Year()
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		periods, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5)
		if err != nil {
			t.Fatal(err)
		}
		month := periods[today.Time().Month()-1]
		month.Status = model.PeriodOpen
		if err := a.MovePeriod(ctx, admin, month, ""); err != nil {
			t.Fatal(err)
		}
		check := documented(t, e)
		kadis := e.login(t, storetest.NIPKadis, "rahasia-kadis")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		post := func(who, path string, body map[string]any) map[string]any {
			t.Helper()
			r := e.post(t, path, who, body)
			if r.status != 200 && r.status != 201 {
				t.Fatalf("POST %s: %d %s", path, r.status, r.body)
			}
			return r.json(t)
		}
		rhkIDs := func(sk map[string]any) []string {
			var out []string
			for _, r := range sk["rhk"].([]any) {
				out = append(out, r.(map[string]any)["id"].(string))
			}
			return out
		}
		addRHK := func(who string, sk map[string]any, parent, description string) map[string]any {
			t.Helper()
			id := sk["id"].(string)
			sk = post(who, "/api/v1/skps/"+id+"/rhk", map[string]any{"version": sk["version"], "kind": "utama",
				"description": description, "parent_rhk_id": parent, "penugasan_dari": "Wali Kota"})
			ids := rhkIDs(sk)
			return post(who, "/api/v1/rhk/"+ids[len(ids)-1]+"/indicators", map[string]any{"version": sk["version"],
				"aspect": "kuantitas", "description": "Jumlah layanan", "target": "12", "unit": "layanan"})
		}

		// The Kadis' SKP is approved (a fixture); the Kabid's goes through
		// the workflow, so its approved revision is kept.
		kadisSKP := addRHK(kadis, post(kadis, "/api/v1/skps", map[string]any{"year": year, "approach": "kuantitatif"}), "", "Meningkatnya layanan digital")
		full, err := s.SKP(ctx, kadisSKP["id"].(string))
		if err != nil {
			t.Fatal(err)
		}
		full.Status = model.SKPApproved
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove)
		}); err != nil {
			t.Fatal(err)
		}
		top := full.RHK[0].ID
		ks := post(kabid, "/api/v1/skps", map[string]any{"year": year, "approach": "kuantitatif"})
		ks = addRHK(kabid, ks, top, "Tersedianya aplikasi layanan")
		ks = addRHK(kabid, ks, top, "Terselenggaranya rapat koordinasi")
		kabidSKP := ks["id"].(string)
		kept, dropped := rhkIDs(ks)[0], rhkIDs(ks)[1]
		keptIndicator := ks["rhk"].([]any)[0].(map[string]any)["indicators"].([]any)[0].(map[string]any)["id"].(string)
		ks = post(kabid, "/api/v1/skps/"+kabidSKP+"/submit", map[string]any{"version": ks["version"]})
		ks = post(kadis, "/api/v1/skps/"+kabidSKP+"/approve", map[string]any{"version": ks["version"]})

		// Revision 2 in draft: one RHK removed, one added.
		ks = check("POST", "/api/v1/skps/{id}/revise", e.post(t, "/api/v1/skps/"+kabidSKP+"/revise", kabid, map[string]any{"version": ks["version"]}))
		if ks["status"] != "draft" || ks["revision"] != 2.0 {
			t.Fatalf("revised = %v", ks)
		}
		r := e.do(t, "DELETE", "/api/v1/rhk/"+dropped, kabid, "application/json", []byte(`{"version":`+jsonNumber(ks["version"])+`}`))
		if r.status != 200 {
			t.Fatalf("remove an RHK in the draft: %d %s", r.status, r.body)
		}
		ks = addRHK(kabid, r.json(t), top, "Terintegrasinya data layanan")
		added := rhkIDs(ks)[1]
		if got := check("GET", "/api/v1/skps/{id}", e.get(t, "/api/v1/skps/"+kabidSKP, kabid)); got["revision_in_force"] != 1.0 {
			t.Errorf("the SKP in revision names no revision in force: %v", got["revision_in_force"])
		}
		if ks["revision_in_force"] != nil {
			t.Errorf("an answer other than GET /skps/{id} names a revision in force: %v", ks["revision_in_force"])
		}

		// Staff1 is offered the approved RHK still in the SKP.
		sk := post(staff, "/api/v1/skps", map[string]any{"year": year, "approach": "kuantitatif"})
		id := sk["id"].(string)
		opts := check("GET", "/api/v1/skps/{id}/intervention-options", e.get(t, "/api/v1/skps/"+id+"/intervention-options", staff))
		if opts["supervisor_skp_id"] != kabidSKP || len(opts["rhk"].([]any)) != 1 || opts["rhk"].([]any)[0].(map[string]any)["id"] != kept {
			t.Fatalf("intervention options while the supervisor revises = %v", opts)
		}
		for _, parent := range []string{added, dropped} {
			pr := problem(t, e.post(t, "/api/v1/skps/"+id+"/rhk", staff, map[string]any{"version": sk["version"], "kind": "utama",
				"description": "Terpeliharanya aplikasi", "parent_rhk_id": parent}), 422)
			if pr["errors"].(map[string]any)["parent_rhk_id"] == nil {
				t.Errorf("intervening an RHK not in force: %v", pr)
			}
		}
		sk = addRHK(staff, sk, kept, "Terpeliharanya aplikasi layanan")
		sk = check("POST", "/api/v1/skps/{id}/submit", e.post(t, "/api/v1/skps/"+id+"/submit", staff, map[string]any{"version": sk["version"]}))
		if sk["status"] != "submitted" {
			t.Fatalf("submitting while the supervisor revises: %v", sk)
		}

		// The Kabid reports on the approved RHK, not yet on the new one.
		r = e.post(t, "/api/v1/progress", kabid, map[string]any{"date": today, "rhk_id": kept, "description": "Uji aplikasi", "minutes": 60})
		if p := check("POST", "/api/v1/progress", r); r.status != 201 || p["skp_id"] != kabidSKP {
			t.Errorf("progress on the approved RHK: %d %s", r.status, r.body)
		}
		pr := problem(t, e.post(t, "/api/v1/progress", kabid, map[string]any{"date": today, "rhk_id": added, "description": "Uji data", "minutes": 30}), 422)
		if pr["errors"].(map[string]any)["rhk_id"] == nil {
			t.Errorf("progress on an RHK not yet approved: %v", pr)
		}
		r = e.do(t, "PUT", "/api/v1/skps/"+kabidSKP+"/realisasi", kabid, "application/json",
			[]byte(`{"period_id":"`+month.ID+`","indicator_id":"`+keptIndicator+`","value":"2","version":0}`))
		if re := check("PUT", "/api/v1/skps/{id}/realisasi", r); r.status != 200 || re["version"] != 1.0 || !rightsOf(re)["edit"] {
			t.Errorf("realisasi on the approved RHK while revising: %d %s", r.status, r.body)
		}
		list := check("GET", "/api/v1/skps/{id}/realisasi", e.get(t, "/api/v1/skps/"+kabidSKP+"/realisasi?period="+month.ID, kabid))
		if len(list["items"].([]any)) != 1 || !rightsOf(list)["edit"] {
			t.Errorf("realisasi list while revising = %v", list)
		}
	})
}
