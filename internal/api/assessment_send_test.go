package api_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// Where the OPD's pattern admits no more of the draft's predikat, the
// assessment's can.finalize is false with finalize_refused naming the
// limit, in the answer and in the rater's list, while can.rate stays
// true; sending anyway is a 409 naming it. A rating with room makes
// sending possible again.
func TestSendingWithheldAtTheCurveLimitAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := checkStatus(t, e)
		id, jan := apptest.FullCurveDraft(t, e.s, e.o)
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		path := "/api/v1/assessments/" + id

		got := check("GET", "/api/v1/assessments/{id}", e.get(t, path, kabid), 200)
		can := got["can"].(map[string]any)
		refused, _ := got["finalize_refused"].(string)
		if can["finalize"] != false || can["rate"] != true || !strings.HasPrefix(refused, "Batas Sangat Baik untuk OPD ini sudah penuh:") {
			t.Errorf("at the limit: can %v, finalize_refused %q", can, refused)
		}
		list := check("GET", "/api/v1/assessments", e.get(t, "/api/v1/assessments?mine=true&period="+url.QueryEscape(jan), kabid), 200)
		found := false
		for _, it := range list["items"].([]any) {
			if it := it.(map[string]any); it["id"] == id {
				found = true
				if it["can"].(map[string]any)["finalize"] != false || it["finalize_refused"] != refused {
					t.Errorf("listed at the limit: %v", it)
				}
			}
		}
		if !found {
			t.Fatalf("the rater's list lacks the draft: %v", list)
		}
		r := e.post(t, path+"/finalize", kabid, map[string]any{"version": got["version"]})
		if p := problem(t, r, 409); !strings.Contains(p["detail"].(string), "tidak dapat dikirim") {
			t.Errorf("sent past the limit: %v", p)
		}
		check("POST", "/api/v1/assessments/{id}/finalize", r, 409)

		rated := check("PUT", "/api/v1/assessments/{id}", e.put(t, path, kabid, map[string]any{"version": got["version"],
			"hasil_kerja": "sesuai", "perilaku_kerja": "sesuai"}), 200)
		if rated["can"].(map[string]any)["finalize"] != true || rated["finalize_refused"] != nil {
			t.Errorf("a Baik draft: %v", rated)
		}
		check("POST", "/api/v1/assessments/{id}/finalize", e.post(t, path+"/finalize", kabid, map[string]any{"version": rated["version"]}), 200)
	})
}

// Before the OPD's capaian kinerja organisasi is set for the period, a
// rated result's can.finalize is false with finalize_refused saying so,
// in the answer and the rater's list, while can.rate stays true; sending
// anyway is the 409 asking for the capaian. Once it is set, sending is
// offered.
func TestSendingWaitsForTheCapaianAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := checkStatus(t, e)
		id, jan := apptest.NoCapaianDraft(t, e.s, e.o)
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		path := "/api/v1/assessments/" + id

		got := check("GET", "/api/v1/assessments/{id}", e.get(t, path, kabid), 200)
		can := got["can"].(map[string]any)
		refused, _ := got["finalize_refused"].(string)
		if can["finalize"] != false || can["rate"] != true || !strings.HasPrefix(refused, "Capaian kinerja organisasi OPD ini untuk periode ini belum ditetapkan") {
			t.Errorf("before the capaian: can %v, finalize_refused %q", can, refused)
		}
		list := check("GET", "/api/v1/assessments", e.get(t, "/api/v1/assessments?mine=true&period="+url.QueryEscape(jan), kabid), 200)
		found := false
		for _, it := range list["items"].([]any) {
			if it := it.(map[string]any); it["id"] == id {
				found = true
				if it["can"].(map[string]any)["finalize"] != false || it["finalize_refused"] != refused {
					t.Errorf("listed before the capaian: %v", it)
				}
			}
		}
		if !found {
			t.Fatalf("the rater's list lacks the draft: %v", list)
		}
		r := e.post(t, path+"/finalize", kabid, map[string]any{"version": got["version"]})
		if p := problem(t, r, 409); !strings.Contains(p["detail"].(string), "belum ditetapkan") {
			t.Errorf("sent before the capaian: %v", p)
		}

		wali := e.login(t, "walikota", "rahasia-wali")
		check("PUT", "/api/v1/units/{id}/performance/{period_id}", e.put(t, "/api/v1/units/"+e.o.Kominfo.ID+"/performance/"+jan, wali,
			map[string]any{"capaian": "baik", "basis": "Capaian Perjanjian Kinerja Januari", "version": 0}), 200)
		got = check("GET", "/api/v1/assessments/{id}", e.get(t, path, kabid), 200)
		if got["can"].(map[string]any)["finalize"] != true || got["finalize_refused"] != nil {
			t.Errorf("once the capaian is set: %v", got)
		}
		check("POST", "/api/v1/assessments/{id}/finalize", e.post(t, path+"/finalize", kabid, map[string]any{"version": got["version"]}), 200)
	})
}
