package api_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// objectionSetup serves an instansi where Staff1's annual result for 2026
// was rated by Kabid (sesuai/sesuai, Baik) and received today, with
// accounts for Staff1, Kabid, Kadis and BKPSDM. It is made final through
// the store: finalising through app needs the OPD's capaian kinerja
// organisasi, which another part of penilaian records.
func objectionSetup(t *testing.T, s *store.Store) (env, model.Assessment) {
	t.Helper()
	a, o, as := apptest.ReceivedAnnualResult(t, s)
	ts := httptest.NewServer(server.New(a))
	t.Cleanup(ts.Close)
	return env{url: ts.URL, o: o, s: s}, as
}

func TestObjectionFlow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, as := objectionSetup(t, s)
		staff, kabid, kadis := e.login(t, storetest.NIPStaff1, "rahasia-staf1"), e.login(t, storetest.NIPKabid, "rahasia-kabid"),
			e.login(t, storetest.NIPKadis, "rahasia-kadis")
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		documented := func(method, pattern string, r response) {
			t.Helper()
			schema, err := responseSchema(doc, method, pattern, r)
			if err != nil || schema == nil {
				t.Errorf("%s %s: %d has no schema: %v", method, pattern, r.status, err)
				return
			}
			var v any
			_ = json.Unmarshal(r.body, &v)
			for _, p := range conform(doc, schema, v, "$") {
				t.Errorf("%s %s (%d): %s", method, pattern, r.status, p)
			}
		}
		create := "/api/v1/assessments/" + as.ID + "/objections"
		problem(t, e.post(t, create, kabid, map[string]string{"reason": "Atas nama staf"}), 403)
		p := problem(t, e.post(t, create, staff, map[string]string{"reason": ""}), 422)
		if errs, _ := p["errors"].(map[string]any); errs["reason"] == nil {
			t.Errorf("an empty reason: %v", p)
		}
		r := e.post(t, create, staff, map[string]string{"reason": "Realisasi saya melampaui target."})
		if r.status != 201 {
			t.Fatalf("object: %d %s", r.status, r.body)
		}
		documented("POST", "/api/v1/assessments/{id}/objections", r)
		o := r.json(t)
		id, _ := o["id"].(string)
		want := model.ObjectionDeadline(as.ReceivedAt, model.ZoneWIB)
		if o["status"] != "submitted" || o["deadline"] != string(want) || o["can"] == nil {
			t.Errorf("objection = %v", o)
		}
		conflictSays(t, e.post(t, create, staff, map[string]string{"reason": "Sekali lagi"}), "conflict.objection.exists")
		if errs, _ := problem(t, e.get(t, "/api/v1/objections?mine=ya", staff), 422)["errors"].(map[string]any); errs["mine"] == nil {
			t.Error("a flag that is no flag is not named")
		}
		if l := e.get(t, "/api/v1/objections?mine=true", staff).json(t); len(l["items"].([]any)) != 1 {
			t.Errorf("mine=true = %v", l)
		}
		// BKPSDM's list holds the whole instansi; the filters narrow it;
		// all=true, kept for older clients, narrows nothing.
		admin := e.login(t, "admin", "rahasia-admin")
		for q, want := range map[string]int{"": 1, "?all=true": 1, "?all=0": 1, "?status=submitted": 1, "?status=decided": 0,
			"?unit=" + e.o.Kominfo.ID: 1, "?unit=" + e.o.Kominfo.ID + "&status=decided": 0, "?limit=1": 1, "?mine=1": 0, "?todo=1": 0} {
			r := e.get(t, "/api/v1/objections"+q, admin)
			documented("GET", "/api/v1/objections", r)
			if l := r.json(t); r.status != 200 || len(l["items"].([]any)) != want || l["next_cursor"] != nil {
				t.Errorf("%s = %d %v, want %d items", q, r.status, l, want)
			}
		}
		problem(t, e.get(t, "/api/v1/objections?unit=bogus", admin), 422)
		problem(t, e.get(t, "/api/v1/objections?unit="+unknownID, admin), 404)
		problem(t, e.get(t, "/api/v1/objections?status=open", admin), 422)
		// The employee reads their own, with all=true as without; an OPD's
		// list as a whole is not theirs to look at.
		for _, q := range []string{"", "?all=true", "?mine=true", "?status=submitted"} {
			if items, _ := e.get(t, "/api/v1/objections"+q, staff).json(t)["items"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != id {
				t.Errorf("the employee's list%s = %v", q, items)
			}
		}
		problem(t, e.get(t, "/api/v1/objections?unit="+e.o.Kominfo.ID, staff), 404)

		// Evidence goes through the ordinary upload, by the employee only.
		pdf := blob.SamplePDF("Bukti keberatan", "Laporan layanan")
		problem(t, e.uploadEvidence(t, kabid, "objection", id, "bukti.pdf", pdf), 403)
		if r := e.uploadEvidence(t, staff, "objection", id, "bukti.pdf", pdf); r.status != 201 {
			t.Fatalf("evidence on the objection: %d %s", r.status, r.body)
		}

		// The rater's to-do; the employee's own.
		r = e.get(t, "/api/v1/objections?todo=1", kabid)
		documented("GET", "/api/v1/objections", r)
		items, _ := r.json(t)["items"].([]any)
		if len(items) != 1 || items[0].(map[string]any)["id"] != id || items[0].(map[string]any)["can"].(map[string]any)["explain"] != true {
			t.Errorf("the rater's to-do = %s", r.body)
		}
		if items, _ := e.get(t, "/api/v1/objections?mine=1", staff).json(t)["items"].([]any); len(items) != 1 {
			t.Errorf("the employee's objections = %v", items)
		}
		if items, _ := e.get(t, "/api/v1/objections?todo=1", staff).json(t)["items"].([]any); len(items) != 0 {
			t.Errorf("the employee's to-do = %v", items)
		}
		// The atasan reads the objection of someone in their line, which
		// waits for the pejabat penilai, not for them.
		if items, _ := e.get(t, "/api/v1/objections", kadis).json(t)["items"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != id {
			t.Errorf("the atasan's list = %v", items)
		}
		for _, q := range []string{"?todo=1", "?mine=1", "?mine=1&todo=1"} {
			if items, _ := e.get(t, "/api/v1/objections"+q, kadis).json(t)["items"].([]any); len(items) != 0 {
				t.Errorf("the atasan's list%s = %v", q, items)
			}
		}
		if items, _ := e.get(t, "/api/v1/objections?mine=1&todo=1", staff).json(t)["items"].([]any); len(items) != 0 {
			t.Errorf("the employee's own to-do = %v", items)
		}

		base := "/api/v1/objections/" + id
		// Before the explanation: a conflict that says so, and the
		// objection waits as it was.
		if p := problem(t, e.post(t, base+"/decide", kadis, map[string]string{"decision": "keep", "note": "Tetap"}), 409); !strings.HasSuffix(p["type"].(string), "/conflict") ||
			!strings.Contains(p["detail"].(string), "belum dijelaskan") {
			t.Errorf("a decision before the explanation: %v", p)
		}
		if o := e.get(t, base, staff).json(t); o["status"] != "submitted" {
			t.Errorf("the objection after the refused decision: %v", o["status"])
		}
		problem(t, e.post(t, base+"/explain", staff, map[string]string{"explanation": "Saya"}), 403)
		r = e.post(t, base+"/explain", kabid, map[string]string{"explanation": "Dua indikator belum didukung bukti."})
		if r.status != 200 || r.json(t)["status"] != "explained" {
			t.Fatalf("explain: %d %s", r.status, r.body)
		}
		documented("POST", "/api/v1/objections/{oid}/explain", r)
		// Explained: its evidence is closed, a conflict that says why.
		if p := problem(t, e.uploadEvidence(t, staff, "objection", id, "bukti2.pdf", pdf), 409); !strings.HasSuffix(p["type"].(string), "/conflict") ||
			!strings.Contains(p["detail"].(string), "sudah memberikan penjelasan") {
			t.Errorf("evidence after the explanation: %v", p)
		}

		// A predikat is never taken; the atasan of the day decides.
		p = problem(t, e.post(t, base+"/decide", kadis, map[string]any{"decision": "change", "hasil_kerja": "di_atas",
			"perilaku_kerja": "sesuai", "note": "x", "predikat": "sangat_baik"}), 422)
		if errs, _ := p["errors"].(map[string]any); errs["predikat"] == nil {
			t.Errorf("a predikat sent: %v", p)
		}
		problem(t, e.post(t, base+"/decide", kabid, map[string]string{"decision": "keep", "note": "Tetap"}), 403)
		// "keep" takes no new rating: one sent with it is refused by name.
		p = problem(t, e.post(t, base+"/decide", kadis, map[string]string{"decision": "keep", "hasil_kerja": "di_bawah", "note": "Tetap"}), 422)
		if errs, _ := p["errors"].(map[string]any); errs["hasil_kerja"] == nil || errs["perilaku_kerja"] != nil {
			t.Errorf("keep with a new hasil kerja: %v", p)
		}
		r = e.post(t, base+"/decide", kadis, map[string]string{"decision": "change", "hasil_kerja": "di_atas", "perilaku_kerja": "sesuai",
			"note": "Bukti mendukung capaian di atas target."})
		if r.status != 200 {
			t.Fatalf("decide: %d %s", r.status, r.body)
		}
		documented("POST", "/api/v1/objections/{oid}/decide", r)
		d := r.json(t)
		to, _ := d["to"].(map[string]any)
		from, _ := d["from"].(map[string]any)
		if d["status"] != "decided" || d["decision"] != "change" || to["predikat"] != "baik" || to["hasil_kerja"] != "di_atas" ||
			from["predikat"] != "baik" || d["decided_by"].(map[string]any)["name"] != e.o.Kadis.Name {
			t.Errorf("decided = %s", r.body)
		}
		// The list names who explained and who decided, as the objection does.
		for _, q := range []string{"?mine=true", ""} {
			items, _ := e.get(t, "/api/v1/objections"+q, staff).json(t)["items"].([]any)
			if len(items) != 1 {
				t.Fatalf("the list%s: %v", q, items)
			}
			it := items[0].(map[string]any)
			if it["explained_by"].(map[string]any)["name"] != e.o.Kabid.Name || it["decided_by"].(map[string]any)["name"] != e.o.Kadis.Name {
				t.Errorf("the list%s names %v and %v", q, it["explained_by"], it["decided_by"])
			}
		}
		// di_atas with sesuai is Baik (C1): the predikat follows, it is
		// not the one sent before.
		if got, _ := e.s.Assessment(context.Background(), as.ID); got.HasilKerja != model.RatingDiAtas || got.Predikat != model.PredikatBaik {
			t.Errorf("the assessment = %+v", got)
		}
		conflictSays(t, e.post(t, base+"/decide", kadis, map[string]string{"decision": "keep", "note": "Lagi"}), "conflict.objection.decided")
		conflictSays(t, e.post(t, base+"/explain", kabid, map[string]string{"explanation": "Lagi"}), "conflict.objection.decided")
		conflictSays(t, e.uploadEvidence(t, staff, "objection", id, "lagi.pdf", pdf), "conflict.objection.evidence.closed")
		r = e.get(t, base, staff)
		documented("GET", "/api/v1/objections/{oid}", r)
		if ev, _ := r.json(t)["evidence"].([]any); len(ev) != 1 {
			t.Errorf("the objection's evidence = %v", ev)
		}
		if c := r.json(t)["can"].(map[string]any); c["explain"] != false || c["decide"] != false || c["attach"] != false {
			t.Errorf("rights after the decision = %v", c)
		}
		if r := e.get(t, base, e.login(t, "admin", "rahasia-admin")); r.status != 200 {
			t.Errorf("BKPSDM reads the objection: %d", r.status)
		}
		if !strings.Contains(string(e.get(t, "/api/v1/assessments/"+as.ID, staff).body), `"predikat":"baik"`) {
			t.Error("the assessment's predikat")
		}

		// The setting of periodic objections, read by all, changed by BKPSDM.
		admin = e.login(t, "admin", "rahasia-admin")
		problem(t, e.do(t, "PATCH", "/api/v1/settings", staff, "application/json", []byte(`{"periodic_objections":true}`)), 403)
		if r := e.do(t, "PATCH", "/api/v1/settings", admin, "application/json", []byte(`{"periodic_objections":true}`)); r.status != 200 || r.json(t)["periodic_objections"] != true {
			t.Errorf("set periodic objections: %d %s", r.status, r.body)
		}
		if r := e.get(t, "/api/v1/settings", staff); r.json(t)["periodic_objections"] != true {
			t.Errorf("settings = %s", r.body)
		}
	})
}
