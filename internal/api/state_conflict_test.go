package api_test

import (
	"net/url"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A penilaian act that the result's state does not allow now is a 409
// that says why, never a 422: the input was fine, the moment is not.
// Here Staff1's January result is rated and not yet sent.
func TestPenilaianStateConflictsAre409(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		id, jan, _ := apptest.RatedJanuaryResult(t, e.s, e.o, "")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		admin := e.login(t, "admin", "rahasia-admin")
		check := checkStatus(t, e)
		version := check("GET", "/api/v1/assessments/{id}", e.get(t, "/api/v1/assessments/"+id, admin), 200)["version"]
		base := "/api/v1/assessments/" + id
		curve := "/api/v1/units/" + url.PathEscape(e.o.Kominfo.ID) + "/curve"
		for _, c := range []struct {
			what, pattern, path, token string
			body                       any
			key                        string
			args                       []any
		}{
			{"acknowledge before the sending", "/api/v1/assessments/{id}/acknowledge", base + "/acknowledge", staff, nil, "conflict.assessment.notsent", nil},
			{"object before the sending", "/api/v1/assessments/{id}/objections", base + "/objections", staff, map[string]any{"reason": "Tidak sesuai"}, "conflict.objection.notsent", nil},
			{"move before the sending", "/api/v1/assessments/{id}/calibrate", base + "/calibrate", admin,
				map[string]any{"version": version, "hasil_kerja": "di_atas", "perilaku_kerja": "sesuai", "reason": "Kalibrasi"}, "conflict.calibration.notsent", nil},
			{"follow up a result not final", "/api/v1/assessments/{id}/follow-ups", base + "/follow-ups", kabid,
				map[string]any{"kind": "training", "title": "Pelatihan"}, "conflict.followup.notfinal", nil},
			{"finalise the OPD with a result unsent", "/api/v1/units/{id}/curve/finalize", curve + "/finalize", admin,
				map[string]any{"period_id": jan}, "conflict.calibration.pending", []any{1}},
		} {
			r := e.post(t, c.path, c.token, c.body)
			check("POST", c.pattern, r, 409)
			p := problem(t, r, 409)
			if want := locale.T("id", c.key, c.args...); p["detail"] != want {
				t.Errorf("%s: detail %q, want %q", c.what, p["detail"], want)
			}
		}
	})
}

// unknownID has the shape of an id and names nothing.
const unknownID = "0123456789abcdef0123456789abcdef"
