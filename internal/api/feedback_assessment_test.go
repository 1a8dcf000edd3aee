package api_test

import (
	"fmt"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestFeedbackOnAssessmentAPI: over HTTP, the thread on a result is read
// and written by those who see its ratings, and delivered live to them
// only: the rated employee neither reads nor is sent a message written
// before the result reached them.
func TestFeedbackOnAssessmentAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		id, _, send := apptest.RatedJanuaryResult(t, e.s, e.o, "")
		staff, kabid := e.login(t, storetest.NIPStaff1, "rahasia-staf1"), e.login(t, storetest.NIPKabid, "rahasia-kabid")
		outsider, admin := e.login(t, storetest.NIPStaff2, "rahasia-staf2"), e.login(t, "admin", "rahasia-admin")
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		check := func(method, pattern string, r response) map[string]any {
			t.Helper()
			schema, err := responseSchema(doc, method, pattern, r)
			if err != nil || schema == nil {
				t.Errorf("%s %s: %d has no schema: %v", method, pattern, r.status, err)
				return nil
			}
			v := r.json(t)
			for _, p := range conform(doc, schema, v, "$") {
				t.Errorf("%s %s (%d): %s", method, pattern, r.status, p)
			}
			return v
		}
		staffEvents, kabidEvents := e.stream(t, staff, ""), e.stream(t, kabid, "")
		thread := "/api/v1/feedback?target_type=assessment&target_id=" + id
		post := func(token, body string) response {
			return e.post(t, "/api/v1/feedback", token, map[string]any{"target_type": "assessment", "target_id": id, "body": body})
		}

		// Before sending: the rater and BKPSDM write and read; the rated
		// employee and a colleague are told it does not exist.
		if r := post(kabid, "Catatan sebelum dikirim @"+e.o.Staff1.NIP); r.status != 201 {
			t.Fatalf("the rater's message: %d %s", r.status, r.body)
		} else {
			check("POST", "/api/v1/feedback", r)
		}
		if r := post(admin, "Dicek BKPSDM"); r.status != 403 && r.status != 201 {
			t.Errorf("BKPSDM's message: %d %s", r.status, r.body)
		}
		if th := check("GET", "/api/v1/feedback", e.get(t, thread, admin)); th == nil || len(th["items"].([]any)) < 1 {
			t.Errorf("BKPSDM reads the thread: %v", th)
		}
		for _, tok := range []string{staff, outsider} {
			problem(t, e.get(t, thread, tok), 404)
			problem(t, post(tok, "Halo"), 404)
		}
		if d := check("GET", "/api/v1/assessments/{id}", e.get(t, "/api/v1/assessments/"+id, staff)); d["thread"] != nil {
			t.Errorf("the unsent assessment shows its employee the thread: %v", d["thread"])
		}

		// Sent: the employee reads, answers, and the rater gets it live.
		send()
		if r := post(kabid, "Sudah dikirim, silakan dibaca"); r.status != 201 {
			t.Fatalf("the rater's message once sent: %d %s", r.status, r.body)
		}
		if ev := next(t, staffEvents, "feedback.created"); ev.Data["body"] != "Sudah dikirim, silakan dibaca" || ev.Data["target_type"] != "assessment" {
			t.Errorf("the rated employee's first live message = %+v (a message before sending reached them?)", ev)
		}
		th := check("GET", "/api/v1/feedback", e.get(t, thread, staff))
		if th == nil || th["can"].(map[string]any)["post"] != true {
			t.Fatalf("the rated employee's thread once sent: %v", th)
		}
		if r := post(staff, "Terima kasih, Pak"); r.status != 201 {
			t.Fatalf("the employee's answer: %d %s", r.status, r.body)
		}
		if ev := next(t, kabidEvents, "feedback.created"); ev.Data["body"] != "Terima kasih, Pak" || ev.Data["target_id"] != id {
			t.Errorf("the rater's live message = %+v", ev)
		}
		d := check("GET", "/api/v1/assessments/{id}", e.get(t, "/api/v1/assessments/"+id, staff))
		if tr, _ := d["thread"].(map[string]any); tr == nil || tr["count"] != float64(len(th["items"].([]any))+1) {
			t.Errorf("the assessment's thread = %v", d["thread"])
		}
		problem(t, e.get(t, thread, outsider), 404)
		problem(t, post(outsider, "Halo"), 404)
		// The part of a yearly target due in January, as the page says it.
		results, _ := d["results"].([]any)
		var dues []any
		for _, res := range results {
			for _, in := range res.(map[string]any)["indicators"].([]any) {
				dues = append(dues, in.(map[string]any)["target"], in.(map[string]any)["due"])
			}
		}
		if fmt.Sprint(dues) != "[12 1]" {
			t.Errorf("the indicators' targets and January's due = %v, want [12 1]", dues)
		}
	})
}
