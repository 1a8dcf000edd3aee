package api_test

import (
	"bytes"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// finalAssessment gives Staff1 an approved SKP for 2026, closes January,
// has the Wali Kota set Kominfo's capaian and the Kepala Bidang rate and
// send Staff1's result; it answers the assessment and January's ids. The
// users "walikota" and Staff2 are made too.
func finalAssessment(t *testing.T, e env) (assessmentID, periodID string) {
	t.Helper()
	return apptest.SentJanuaryResult(t, e.s, e.o, "")
}

// The three documents answer a PDF to those who may read them and a 404
// to a colleague, as the OpenAPI document says.
func TestAssessmentDocumentsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		id, jan := finalAssessment(t, e)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		colleague := e.login(t, storetest.NIPStaff2, "rahasia-staf2")
		wali := e.login(t, "walikota", "rahasia-wali")
		admin := e.login(t, "admin", "rahasia-admin")
		pdf := func(path, token, who string) {
			t.Helper()
			r := e.get(t, path, token)
			if r.status != 200 || r.header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(r.body, []byte("%PDF-")) {
				t.Errorf("%s for %s: %d %s %.60q", path, who, r.status, r.header.Get("Content-Type"), r.body)
			}
		}
		for _, path := range []string{"/api/v1/assessments/" + id + "/document.pdf", "/api/v1/assessments/" + id + "/evaluation.pdf"} {
			pdf(path, staff, "the owner")
			pdf(path, kabid, "the rater")
			problem(t, e.get(t, path, colleague), 404)
		}
		problem(t, e.get(t, "/api/v1/assessments/nope/document.pdf", staff), 404)
		pen := "/api/v1/units/" + e.o.Kominfo.ID + "/performance/" + jan + "/document.pdf"
		pdf(pen, wali, "the Wali Kota")
		pdf(pen, admin, "BKPSDM")
		problem(t, e.get(t, pen, colleague), 404)
		problem(t, e.get(t, "/api/v1/units/"+e.o.Aplikasi.ID+"/performance/"+jan+"/document.pdf", wali), 422)
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		for _, p := range []string{"/api/v1/assessments/{id}/document.pdf", "/api/v1/assessments/{id}/evaluation.pdf",
			"/api/v1/units/{id}/performance/{period_id}/document.pdf"} {
			if doc["paths"].(map[string]any)[p] == nil {
				t.Errorf("the OpenAPI document lacks %s", p)
			}
		}
	})
}
