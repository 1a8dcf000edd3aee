package api_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestAssessmentCarriesObjection: over HTTP, the assessment tells its
// employee until when they may object and everyone else why they may
// not; once objected to it names its objection, which
// GET /assessments/{id}/objections lists to those who read the result.
func TestAssessmentCarriesObjection(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, o, as := apptest.ReceivedAnnualResult(t, s)
		if _, err := a.CreateUser(context.Background(), model.SystemActor(o.Instansi.ID, "test"),
			app.NewUser{EmployeeNIP: storetest.NIPStaff2, Password: "rahasia-staf2"}); err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(server.New(a))
		t.Cleanup(ts.Close)
		e := env{url: ts.URL, o: o, s: s}
		staff, kabid, kadis := e.login(t, storetest.NIPStaff1, "rahasia-staf1"), e.login(t, storetest.NIPKabid, "rahasia-kabid"),
			e.login(t, storetest.NIPKadis, "rahasia-kadis")
		outsider := e.login(t, storetest.NIPStaff2, "rahasia-staf2")
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
		type view struct {
			Can struct {
				Object bool `json:"object"`
			} `json:"can"`
			ObjectRefused     string     `json:"object_refused"`
			ObjectionDeadline *time.Time `json:"objection_deadline"`
			LastDay           *string    `json:"objection_last_day"`
			Zone              *string    `json:"objection_time_zone"`
			ReceivedOn        *string    `json:"objection_received_on"`
			Objection         *struct {
				ID     string `json:"id"`
				Status string `json:"status"`
			} `json:"objection"`
		}
		read := func(token string) view {
			t.Helper()
			r := e.get(t, "/api/v1/assessments/"+as.ID, token)
			if r.status != 200 {
				t.Fatalf("GET the assessment: %d %s", r.status, r.body)
			}
			documented("GET", "/api/v1/assessments/{id}", r)
			var v view
			if err := json.Unmarshal(r.body, &v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		zone := model.DefaultTimeZone
		day := zone.Today(as.ReceivedAt).Time()
		last := day.AddDate(0, 0, model.ObjectionWindowDays)
		want := time.Date(last.Year(), last.Month(), last.Day(), 23, 59, 59, 0, zone.Location())

		v := read(staff)
		if !v.Can.Object || v.ObjectRefused != "" || v.ObjectionDeadline == nil || !v.ObjectionDeadline.Equal(want) ||
			v.ObjectionDeadline.Location() != time.UTC || v.LastDay == nil || *v.LastDay != last.Format(time.DateOnly) ||
			v.Zone == nil || *v.Zone != zone.Abbrev() || v.ReceivedOn == nil || *v.ReceivedOn != day.Format(time.DateOnly) || v.Objection != nil {
			t.Errorf("to its employee, just sent: %+v (deadline %v, want %v)", v, v.ObjectionDeadline, want)
		}
		if v := read(kabid); v.Can.Object || v.ObjectRefused == "" || v.ObjectionDeadline == nil {
			t.Errorf("to the rater: %+v", v)
		}
		list := e.get(t, "/api/v1/assessments?employee="+o.Staff1.ID, staff)
		documented("GET", "/api/v1/assessments", list)
		objections := "/api/v1/assessments/" + as.ID + "/objections"
		r := e.get(t, objections, staff)
		if r.status != 200 || len(r.json(t)["items"].([]any)) != 0 {
			t.Errorf("the objections before any: %d %s", r.status, r.body)
		}
		documented("GET", "/api/v1/assessments/{id}/objections", r)
		problem(t, e.get(t, objections, outsider), 404)

		created := e.post(t, objections, staff, map[string]string{"reason": "Realisasi saya melampaui target."})
		if created.status != 201 {
			t.Fatalf("object: %d %s", created.status, created.body)
		}
		oid := created.json(t)["id"].(string)
		for _, tok := range []string{staff, kabid, kadis} {
			v := read(tok)
			if v.Objection == nil || v.Objection.ID != oid || v.Objection.Status != "submitted" || v.Can.Object {
				t.Errorf("after objecting: %+v", v)
			}
			r := e.get(t, objections, tok)
			items, _ := r.json(t)["items"].([]any)
			if r.status != 200 || len(items) != 1 || items[0].(map[string]any)["id"] != oid {
				t.Errorf("the assessment's objections: %d %s", r.status, r.body)
			}
			documented("GET", "/api/v1/assessments/{id}/objections", r)
		}
		if v := read(staff); v.ObjectRefused == "" {
			t.Errorf("no reason once objected: %+v", v)
		}
		one := e.get(t, "/api/v1/objections/"+oid, kabid).json(t)
		if ex, _ := one["explainer"].(map[string]any); ex["id"] != o.Kabid.ID {
			t.Errorf("the objection's explainer = %v", one["explainer"])
		}
		if dc, _ := one["decider"].(map[string]any); dc["id"] != o.Kadis.ID {
			t.Errorf("the objection's decider = %v", one["decider"])
		}
		if res, _ := one["result"].(map[string]any); res["predikat"] != "baik" || one["deadline_at"] == nil || one["received_on"] == nil {
			t.Errorf("the objection's result and days: %v %v %v", one["result"], one["deadline_at"], one["received_on"])
		}
		problem(t, e.get(t, objections, outsider), 404)
	})
}
