package api_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestHiddenCharactersAreRefusedOrRemoved: a control, direction or
// zero-width character in what people type is refused with the field
// named, on a JSON body and on a multipart form alike; in a file's name
// (evidence, import) and in the cells of an imported file it is removed,
// so an evidence file named with U+202E is never kept with it.
func TestHiddenCharactersAreRefusedOrRemoved(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		today := a.Today(ctx, e.o.Instansi.ID)
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		if _, err := a.OpenYear(ctx, admin, today.Time().Year(), model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: "s", InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		p, err := a.SubmitProgress(ctx, staffActor, model.Progress{WorkDate: today, Description: "Pendataan aset", Minutes: 60})
		if err != nil {
			t.Fatal(err)
		}
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		token := e.login(t, "admin", "rahasia-admin")

		refused := func(r response, field, char string) {
			t.Helper()
			pr := problem(t, r, 422)
			codes, _ := pr["codes"].(map[string]any)
			errs, _ := pr["errors"].(map[string]any)
			if codes[field] != "invalid.field.badtext.char" || !strings.Contains(errs[field].(string), char) {
				t.Errorf("%s with %s: %s", field, char, r.body)
			}
		}
		// JSON bodies: every kind, in the field that holds it.
		for _, c := range []struct{ text, char string }{
			{"Rapat \u202Ekoordinasi", "U+202E"}, {"Rapat \u2067koordinasi", "U+2067"},
			{"Rapat\u200Bkoordinasi", "U+200B"}, {"Rapat\uFEFF", "U+FEFF"}, {"Rapat\u2060", "U+2060"},
			{"Rapat \a", "U+0007"}, {"Rapat \u0085", "U+0085"}, {"Rapat \u2028", "U+2028"},
		} {
			refused(e.post(t, "/api/v1/progress", staff, map[string]any{"date": today, "description": c.text, "minutes": 30}), "description", c.char)
			refused(e.post(t, "/api/v1/feedback", kabid, map[string]any{"target_type": "progress", "target_id": p.ID, "body": c.text}), "body", c.char)
		}
		refused(e.post(t, "/api/v1/progress", staff, map[string]any{"date": today, "description": "Rapat", "minutes": 30, "output": "2 draf\u200BSOP"}),
			"output", "U+200B")
		// Line breaks and tabs stay in text that spans lines.
		if r := e.post(t, "/api/v1/progress", staff, map[string]any{"date": today, "description": "Rapat\r\n\t- notulen", "minutes": 30}); r.status != 201 {
			t.Errorf("a description over two lines: %d %s", r.status, r.body)
		}

		// Multipart: a link's title is typed, and refused.
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		w.WriteField("target_type", "progress")
		w.WriteField("target_id", p.ID)
		w.WriteField("url", "https://drive.example.go.id/laporan")
		w.WriteField("title", "Laporan\u202Efdp.exe")
		w.Close()
		refused(e.do(t, "POST", "/api/v1/evidence", staff, w.FormDataContentType(), buf.Bytes()), "title", "U+202E")

		// A file's name is not typed: what it may not hold is removed.
		r := e.uploadEvidence(t, staff, "progress", p.ID, "foto\u202Egpj.exe", blob.SampleJPEG(8, 8, 1))
		if r.status != 201 {
			t.Fatalf("upload: %d %s", r.status, r.body)
		}
		if name := r.json(t)["file_name"].(string); name != "fotogpj.jpg" {
			t.Errorf("evidence file name = %q", name)
		}
		file := "NIP,NAMA,UNOR_ID,JABATAN_NAMA\n199501012022031001,Pegawai\u200B Baru\u202E,KOMINFO-APL,Staf Aplikasi\n"
		r = upload(t, e, token, "pegawai\u202Evsc.csv", file, nil)
		rep := r.json(t)
		if r.status != 200 || rep["file_name"] != "pegawaivsc.csv" || rep["rows"].([]any)[0].(map[string]any)["name"] != "Pegawai Baru" {
			t.Errorf("import with hidden characters: %d %s", r.status, r.body)
		}
	})
}

// TestVersionPastTheIntegerOnARealRecord: the example of the review, a
// version of 2147483653 sent to a record that exists, is a 422 on version
// on both engines (PostgreSQL answered 500).
func TestVersionPastTheIntegerOnARealRecord(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		if r := e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026}); r.status != 201 {
			t.Fatalf("open year: %d %s", r.status, r.body)
		}
		sk := e.post(t, "/api/v1/skps", staff, map[string]any{"year": 2026, "approach": "kuantitatif"}).json(t)
		id := sk["id"].(string)
		for _, c := range []struct{ method, path, body string }{
			{"POST", "/api/v1/skps/" + id + "/submit", `{"version":2147483653}`},
			{"POST", "/api/v1/skps/" + id + "/rhk", `{"version":2147483653,"kind":"utama","description":"Modul"}`},
			{"POST", "/api/v1/skps", `{"year":2147483653,"approach":"kuantitatif"}`},
			{"POST", "/api/v1/years", `{"year":2147483653}`},
		} {
			r := e.do(t, c.method, c.path, staff, "application/json", []byte(c.body))
			if c.path == "/api/v1/years" {
				r = e.do(t, c.method, c.path, admin, "application/json", []byte(c.body))
			}
			pr := problem(t, r, 422)
			if codes, _ := pr["codes"].(map[string]any); codes["version"] == nil && codes["year"] == nil {
				t.Errorf("%s %s: %v", c.method, c.path, pr)
			}
		}
		// The SKP is as it was.
		if got := e.get(t, "/api/v1/skps/"+id, staff).json(t); got["version"] != sk["version"] {
			t.Errorf("version after refusals = %v, was %v", got["version"], sk["version"])
		}
	})
}
