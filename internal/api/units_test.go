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

// A unit and the unit tree give everyone holding a post, definitive first,
// then acting, each acting holder marked with the dates; the answers
// follow the OpenAPI document.
func TestUnitListsEveryHolder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		y := time.Now().Year()
		start, end := fmt.Sprintf("%d-01-05", y), fmt.Sprintf("%d-06-30", y+1)
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			_, err := tx.Place(ctx, model.Placement{EmployeeID: e.o.Staff3.ID, PositionID: e.o.PosKabid.ID, Kind: model.PlacementPlh,
				Start: model.Date(start), End: model.Date(end)})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		u := checkAs(t, doc, "GET", "/api/v1/units/{id}", e.get(t, "/api/v1/units/"+e.o.Aplikasi.ID, staff))
		heads, _ := u["heads"].([]any)
		if len(heads) != 2 {
			t.Fatalf("heads = %v", u["heads"])
		}
		def, acting := heads[0].(map[string]any), heads[1].(map[string]any)
		if def["employee_id"] != e.o.Kabid.ID || def["kind"] != "definitif" || def["acting"] != nil {
			t.Errorf("the definitive head = %v", def)
		}
		if acting["employee_id"] != e.o.Staff3.ID || acting["kind"] != "plh" || acting["start"] != start || acting["end"] != end ||
			acting["acting"] != fmt.Sprintf("Plh. sejak 5 Januari %d sampai 30 Juni %d", y, y+1) {
			t.Errorf("the acting head = %v", acting)
		}
		if u["head_employee_id"] != e.o.Staff3.ID {
			t.Errorf("the post is held for its staff by %v, want the Plh", u["head_employee_id"])
		}
		var staffPost map[string]any
		for _, p := range u["positions"].([]any) {
			if p := p.(map[string]any); p["id"] == e.o.PosStaff.ID {
				staffPost = p
			}
		}
		if hs, _ := staffPost["holders"].([]any); len(hs) != 2 {
			t.Errorf("holders of the functional post = %v", staffPost)
		}
		// In English, for an English reader.
		if r := e.do(t, "PATCH", "/api/v1/me", staff, "application/json", []byte(`{"locale":"en"}`)); r.status != 200 {
			t.Fatalf("switch to English: %d %s", r.status, r.body)
		}
		r := e.get(t, "/api/v1/units", staff)
		for _, it := range checkAs(t, doc, "GET", "/api/v1/units", r)["items"].([]any) {
			if it := it.(map[string]any); it["id"] == e.o.Aplikasi.ID {
				if hs := it["heads"].([]any); len(hs) != 2 || hs[1].(map[string]any)["acting"] != fmt.Sprintf("Plh. since 5 January %d until 30 June %d", y, y+1) {
					t.Errorf("the tree's heads of the bidang = %v", hs)
				}
			}
		}
	})
}

// /api/v1/me names the posts the user acts in, with the dates, the SKP of
// the post and whether its staff's work waits on their desk.
func TestMeNamesTheActingPosts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		y := time.Now().Year()
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			_, err := tx.Place(ctx, model.Placement{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID, Kind: model.PlacementPlt,
				Start: model.Date(fmt.Sprintf("%d-01-02", y))})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		me := checkAs(t, doc, "GET", "/api/v1/me", e.get(t, "/api/v1/me", e.login(t, storetest.NIPKabid, "rahasia-kabid")))
		acting, _ := me["acting"].([]any)
		if len(acting) != 1 {
			t.Fatalf("acting = %v", me["acting"])
		}
		p := acting[0].(map[string]any)
		can, _ := p["can"].(map[string]any)
		if p["position_id"] != e.o.PosSekr.ID || p["title"] != "Plt. Sekretaris" || p["kind"] != "plt" || p["end"] != nil ||
			p["text"] != fmt.Sprintf("Plt. Sekretaris sejak 2 Januari %d", y) || p["skp_id"] != nil || p["staff"] != float64(1) || can["desk"] != true {
			t.Errorf("the acting post = %v", p)
		}
		if me := e.get(t, "/api/v1/me", e.login(t, storetest.NIPStaff1, "rahasia-staf1")).json(t); len(me["acting"].([]any)) != 0 {
			t.Errorf("someone who acts in nothing: %v", me["acting"])
		}
	})
}

// A functional post held by more people than a page: the unit answer
// carries the first holders and how many there are, and the post's
// holders page to the end, each once, the definitive first and the Plt
// and Plh last, marked with their dates.
func TestUnitPagesAPostsHolders(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		y := time.Now().Year()
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for i := 1; i <= 60; i++ {
				emp, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: e.o.Instansi.ID, NIP: fmt.Sprintf("19950101202001%04d", 1000+i),
					Name: fmt.Sprintf("Guru Uji %03d", i), Status: model.StatusPNS, Golongan: "III/a", Active: true})
				if err != nil {
					return err
				}
				if _, err := tx.Place(ctx, model.Placement{EmployeeID: emp.ID, PositionID: e.o.PosStaff.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"}); err != nil {
					return err
				}
			}
			if _, err := tx.Place(ctx, model.Placement{EmployeeID: e.o.Staff3.ID, PositionID: e.o.PosStaff.ID, Kind: model.PlacementPlt,
				Start: model.Date(fmt.Sprintf("%d-01-02", y))}); err != nil {
				return err
			}
			_, err := tx.Place(ctx, model.Placement{EmployeeID: e.o.Kadis.ID, PositionID: e.o.PosStaff.ID, Kind: model.PlacementPlh,
				Start: model.Date(fmt.Sprintf("%d-01-05", y)), End: model.Date(fmt.Sprintf("%d-06-30", y+1))})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		const all = 2 + 60 + 2 // Staff1, Staff2, the teachers, the Plt and the Plh
		check := documented(t, e)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		u := check("GET", "/api/v1/units/{id}", e.get(t, "/api/v1/units/"+e.o.Aplikasi.ID, staff))
		var post map[string]any
		for _, p := range u["positions"].([]any) {
			if p := p.(map[string]any); p["id"] == e.o.PosStaff.ID {
				post = p
			}
		}
		if hs, _ := post["holders"].([]any); len(hs) != 10 || post["holder_count"] != float64(all) {
			t.Fatalf("the functional post in the unit answer: %d holders of %v", len(hs), post["holder_count"])
		}
		if u["head_count"] != 1.0 || len(u["heads"].([]any)) != 1 {
			t.Errorf("heads = %v of %v", u["heads"], u["head_count"])
		}

		base := "/api/v1/units/" + e.o.Aplikasi.ID + "/positions/" + e.o.PosStaff.ID + "/holders"
		var items []map[string]any
		path, pages := base+"?limit=25", 0
		for path != "" {
			pages++
			page := check("GET", "/api/v1/units/{id}/positions/{pid}/holders", e.get(t, path, staff))
			if page["total"] != float64(all) {
				t.Errorf("total = %v", page["total"])
			}
			for _, it := range page["items"].([]any) {
				items = append(items, it.(map[string]any))
			}
			path = ""
			if c, ok := page["next_cursor"].(string); ok && pages < 10 {
				path = base + "?limit=25&cursor=" + c
			}
		}
		seen := map[any]bool{}
		for _, it := range items {
			seen[it["employee_id"]] = true
		}
		if pages != 3 || len(items) != all || len(seen) != all {
			t.Fatalf("%d holders (%d different) on %d pages, want %d on 3", len(items), len(seen), pages, all)
		}
		for _, it := range items[:all-2] {
			if it["kind"] != "definitif" || it["acting"] != nil {
				t.Errorf("a definitive holder after an acting one, or marked: %v", it)
			}
		}
		plt, plh := items[all-2], items[all-1]
		if plt["employee_id"] != e.o.Staff3.ID || plt["kind"] != "plt" || plt["acting"] != fmt.Sprintf("Plt. sejak 2 Januari %d", y) {
			t.Errorf("the Plt = %v", plt)
		}
		if plh["employee_id"] != e.o.Kadis.ID || plh["kind"] != "plh" || plh["end"] != fmt.Sprintf("%d-06-30", y+1) ||
			plh["acting"] != fmt.Sprintf("Plh. sejak 5 Januari %d sampai 30 Juni %d", y, y+1) {
			t.Errorf("the Plh = %v", plh)
		}
		// A post of another unit, a post that is none, a cursor of nothing.
		problem(t, e.get(t, "/api/v1/units/"+e.o.Kominfo.ID+"/positions/"+e.o.PosStaff.ID+"/holders", staff), 404)
		problem(t, e.get(t, "/api/v1/units/"+e.o.Aplikasi.ID+"/positions/nope/holders", staff), 404)
		problem(t, e.get(t, base+"?cursor=nope", staff), 422)
		problem(t, e.get(t, base+"?limit=201", staff), 422)
		// Another OPD's employee reads the unit tree too.
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")
		if r := e.get(t, base, nurse); r.status != 200 {
			t.Errorf("the tree read from another OPD: %d", r.status)
		}
	})
}

// A head who rates more people than the employee answer names: the answer
// carries the first ten and how many there are, and their team pages to
// the end, each once, by name.
func TestEmployeeTeamPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for i := 1; i <= 12; i++ {
				emp, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: e.o.Instansi.ID, NIP: fmt.Sprintf("19950101202001%04d", 1000+i),
					Name: fmt.Sprintf("Guru Uji %03d", i), Status: model.StatusPNS, Golongan: "III/a", Active: true})
				if err != nil {
					return err
				}
				if _, err := tx.Place(ctx, model.Placement{EmployeeID: emp.ID, PositionID: e.o.PosStaff.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		const all = 2 + 12
		check := documented(t, e)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		d := check("GET", "/api/v1/employees/{id}", e.get(t, "/api/v1/employees/"+e.o.Kabid.ID, staff))
		if team, _ := d["team"].([]any); len(team) != 10 || d["team_count"] != float64(all) {
			t.Fatalf("the Kabid's answer names %d of %v", len(team), d["team_count"])
		}
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		if me := check("GET", "/api/v1/me", e.get(t, "/api/v1/me", kabid)); me["employee"].(map[string]any)["team_count"] != float64(all) {
			t.Errorf("/me's team_count = %v", me["employee"].(map[string]any)["team_count"])
		}
		ids := pageAll(t, e, check, "/api/v1/employees/{id}/team", "/api/v1/employees/"+e.o.Kabid.ID+"/team?limit=5", staff)
		seen := map[string]bool{}
		for _, id := range ids {
			seen[id] = true
		}
		if len(ids) != all || len(seen) != all || !seen[e.o.Staff1.ID] || !seen[e.o.Staff2.ID] {
			t.Errorf("the team page by page: %d (%d different) of %d", len(ids), len(seen), all)
		}
		first := check("GET", "/api/v1/employees/{id}/team", e.get(t, "/api/v1/employees/"+e.o.Kabid.ID+"/team", staff))
		if first["total"] != float64(all) || first["next_cursor"] != nil || len(first["items"].([]any)) != all {
			t.Errorf("the team in one page = %v", first)
		}
		problem(t, e.get(t, "/api/v1/employees/nope/team", staff), 404)
		problem(t, e.get(t, "/api/v1/employees/"+e.o.Kabid.ID+"/team?cursor=nope", staff), 422)
	})
}

// A team of more members than its answer names: the answer carries the
// first ten and how many there are, and the members page to the end.
func TestTeamMembersPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		var people []string
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for i := 1; i <= 12; i++ {
				emp, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: e.o.Instansi.ID, NIP: fmt.Sprintf("19950101202001%04d", 1000+i),
					Name: fmt.Sprintf("Anggota Uji %03d", i), Status: model.StatusPNS, Golongan: "III/a", Active: true})
				if err != nil {
					return err
				}
				if _, err := tx.Place(ctx, model.Placement{EmployeeID: emp.ID, PositionID: e.o.PosStaff.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"}); err != nil {
					return err
				}
				people = append(people, emp.ID)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		check := documented(t, e)
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		team := check("POST", "/api/v1/teams", e.post(t, "/api/v1/teams", kabid, map[string]any{"name": "Tim Besar", "goal": "Layanan cepat"}))
		id := team["id"].(string)
		for _, p := range people {
			if r := e.post(t, "/api/v1/teams/"+id+"/members", kabid, map[string]any{"employee_id": p}); r.status != 201 {
				t.Fatalf("add member: %d %s", r.status, r.body)
			}
		}
		got := check("GET", "/api/v1/teams/{id}", e.get(t, "/api/v1/teams/"+id, kabid))
		all := int(got["member_count"].(float64))
		if ms, _ := got["members"].([]any); len(ms) != 10 || all < 13 {
			t.Fatalf("the team names %d of %d members", len(ms), all)
		}
		var ids []string
		path := "/api/v1/teams/" + id + "/members?limit=5"
		for range 10 {
			page := check("GET", "/api/v1/teams/{id}/members", e.get(t, path, kabid))
			for _, m := range page["items"].([]any) {
				ids = append(ids, m.(map[string]any)["employee_id"].(string))
			}
			c, ok := page["next_cursor"].(string)
			if !ok {
				break
			}
			path = "/api/v1/teams/" + id + "/members?limit=5&cursor=" + c
		}
		seen := map[string]bool{}
		for _, m := range ids {
			seen[m] = true
		}
		if len(ids) != all || len(seen) != all {
			t.Errorf("the members page by page: %d (%d different) of %d", len(ids), len(seen), all)
		}
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")
		problem(t, e.get(t, "/api/v1/teams/"+id+"/members", nurse), 404)
	})
}

// A unit of more posts and sub-units than its answer names: the answer
// carries the first ten of each with their counts; the posts page on
// their own route, the sub-units on GET /units?parent=.
func TestUnitPagesItsPostsAndChildren(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for i := 1; i <= 12; i++ {
				if _, err := tx.CreatePosition(ctx, model.Position{InstansiID: e.o.Instansi.ID, UnitID: e.o.Kominfo.ID, Code: fmt.Sprintf("KOMINFO-UJI-%02d", i),
					Name: fmt.Sprintf("Jabatan Uji %02d", i), Kind: model.PositionPelaksana, SuperiorPositionID: e.o.PosKadis.ID}, false); err != nil {
					return err
				}
				if _, err := tx.CreateUnit(ctx, model.Unit{InstansiID: e.o.Instansi.ID, ParentID: e.o.Kominfo.ID, Code: fmt.Sprintf("KOMINFO-SEKSI-%02d", i),
					Name: fmt.Sprintf("Seksi Uji %02d", i), Kind: e.o.Aplikasi.Kind}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		check := documented(t, e)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		u := check("GET", "/api/v1/units/{id}", e.get(t, "/api/v1/units/"+e.o.Kominfo.ID, staff))
		posts, children := int(u["position_count"].(float64)), int(u["child_count"].(float64))
		if len(u["positions"].([]any)) != 10 || len(u["child_ids"].([]any)) != 10 || posts < 13 || children != 14 {
			t.Fatalf("the dinas names %d of %d posts, %d of %d sub-units", len(u["positions"].([]any)), posts, len(u["child_ids"].([]any)), children)
		}
		seen := func(ids []string) int {
			m := map[string]bool{}
			for _, id := range ids {
				m[id] = true
			}
			return len(m)
		}
		ids := pageAll(t, e, check, "/api/v1/units/{id}/positions", "/api/v1/units/"+e.o.Kominfo.ID+"/positions?limit=5", staff)
		if len(ids) != posts || seen(ids) != posts {
			t.Errorf("the posts page by page: %d (%d different) of %d", len(ids), seen(ids), posts)
		}
		ids = pageAll(t, e, check, "/api/v1/units", "/api/v1/units?parent="+e.o.Kominfo.ID+"&limit=5", staff)
		if len(ids) != children || seen(ids) != children {
			t.Errorf("the sub-units page by page: %d (%d different) of %d", len(ids), seen(ids), children)
		}
		problem(t, e.get(t, "/api/v1/units?parent=nope", staff), 422)
		problem(t, e.get(t, "/api/v1/units?parent="+model.NewID(), staff), 404)
		problem(t, e.get(t, "/api/v1/units/nope/positions", staff), 404)
	})
}
