package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A value of the wrong JSON kind is told the kind its field takes, a
// number sent for text included (not "too large"), and an unknown key is
// named by its path from the body, on every route that reads a body.
func TestDecodeNamesKindAndPath(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		id, jan, _ := apptest.RatedJanuaryResult(t, e.s, e.o, "")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		check := checkStatus(t, e)
		unitPerf := "/api/v1/units/" + e.o.Kominfo.ID + "/performance/" + jan
		for _, c := range []struct {
			method, pattern, path string
			body                  string
			field, code           string
		}{
			{"PUT", "/api/v1/assessments/{id}", "/api/v1/assessments/" + id, `{"hasil_kerja":1,"perilaku_kerja":"sesuai","version":1}`, "hasil_kerja", "invalid.field.type.text"},
			{"PUT", "/api/v1/assessments/{id}", "/api/v1/assessments/" + id, `{"hasil_kerja":"sesuai","perilaku_kerja":1.5,"version":1}`, "perilaku_kerja", "invalid.field.type.text"},
			{"PUT", "/api/v1/assessments/{id}", "/api/v1/assessments/" + id, `{"note":12345678901234567890123,"version":1}`, "note", "invalid.field.type.text"},
			{"PUT", "/api/v1/assessments/{id}", "/api/v1/assessments/" + id, `{"hasil_kerja":"sesuai","version":"1"}`, "version", "invalid.field.type.number"},
			{"PUT", "/api/v1/assessments/{id}", "/api/v1/assessments/" + id, `{"feedback":{"rhk":{"x":2}},"version":1}`, "feedback.rhk.x", "invalid.field.type.text"},
			{"PUT", "/api/v1/assessments/{id}", "/api/v1/assessments/" + id, `{"feedback":{"foo":{}},"version":1}`, "feedback.foo", "invalid.field.unknown"},
			{"PUT", "/api/v1/assessments/{id}", "/api/v1/assessments/" + id, `{"FEEDBACK":{"Behaviours":{},"bar":1},"version":1}`, "FEEDBACK.bar", "invalid.field.unknown"},
			{"PUT", "/api/v1/assessments/{id}", "/api/v1/assessments/" + id, `{"foo":1,"version":1}`, "foo", "invalid.field.unknown"},
			{"POST", "/api/v1/assessments/{id}/calibrate", "/api/v1/assessments/" + id + "/calibrate", `{"hasil_kerja":true,"version":1}`, "hasil_kerja", "invalid.field.type.text"},
			{"POST", "/api/v1/assessments/{id}/objections", "/api/v1/assessments/" + id + "/objections", `{"reason":7}`, "reason", "invalid.field.type.text"},
			{"POST", "/api/v1/objections/{oid}/decide", "/api/v1/objections/" + id + "/decide", `{"decision":1}`, "decision", "invalid.field.type.text"},
			{"POST", "/api/v1/assessments/{id}/follow-ups", "/api/v1/assessments/" + id + "/follow-ups", `{"kind":2,"title":"x"}`, "kind", "invalid.field.type.text"},
			{"PUT", "/api/v1/units/{id}/performance/{period_id}", unitPerf, `{"capaian":3,"basis":"x","version":0}`, "capaian", "invalid.field.type.text"},
			{"POST", "/api/v1/units/{id}/performance/{period_id}/recommendations", unitPerf + "/recommendations", `{"source":1,"capaian":"baik"}`, "source", "invalid.field.type.text"},
			{"POST", "/api/v1/units/{id}/curve/finalize", "/api/v1/units/" + e.o.Kominfo.ID + "/curve/finalize", `{"period_id":5}`, "period_id", "invalid.field.type.text"},
		} {
			r := e.do(t, c.method, c.path, kabid, "application/json", []byte(c.body))
			p := check(c.method, c.pattern, r, 422)
			codes, _ := p["codes"].(map[string]any)
			if codes[c.field] != c.code || len(codes) != 1 {
				t.Errorf("%s %s %s: codes %v, want %s on %s", c.method, c.pattern, c.body, codes, c.code, c.field)
			}
		}
	})
}
