package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A capaian change that rewrites an OPD head's sent result is a step of
// the result's history and one of its moves, with its cause, as the
// head reads it over the API.
func TestCapaianChangeInTheResultsHistory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		id, jan := apptest.SentHeadResult(t, e.s, e.o)
		wali, kadis := e.login(t, "walikota", "rahasia-wali"), e.login(t, storetest.NIPKadis, "rahasia-kadis")
		perf := "/api/v1/units/" + e.o.Kominfo.ID + "/performance/" + jan
		cur := e.get(t, perf, wali).json(t)
		version, _ := cur["version"].(float64)
		if r := e.put(t, perf, wali, map[string]any{"capaian": "kurang", "basis": "Uji perubahan capaian", "version": int(version)}); r.status != 200 {
			t.Fatalf("set the capaian: %d %s", r.status, r.body)
		}
		r := e.get(t, "/api/v1/assessments/"+id, kadis)
		got := r.json(t)
		if got["predikat"] != "butuh_perbaikan" || got["hasil_kerja"] != "di_bawah" {
			t.Fatalf("the head's result: %v", got)
		}
		history, _ := got["history"].([]any)
		var step map[string]any
		for _, h := range history {
			if m := h.(map[string]any); m["action"] == "capaian" {
				step = m
			}
		}
		from, _ := step["from"].(map[string]any)
		if step == nil || step["reason"] != "Uji perubahan capaian" || step["capaian_from"] != "istimewa" || step["capaian_to"] != "kurang" ||
			step["predikat"] != "butuh_perbaikan" || from["predikat"] != "sangat_baik" || step["by"] == "" {
			t.Errorf("the capaian step of the history: %v (history %v)", step, history)
		}
		moves, _ := got["moves"].([]any)
		if len(moves) != 1 {
			t.Fatalf("moves = %v", moves)
		}
		m := moves[0].(map[string]any)
		if m["cause"] != "capaian" || m["reason"] != "Uji perubahan capaian" || m["capaian_from"] != "istimewa" || m["capaian_to"] != "kurang" {
			t.Errorf("the capaian move: %v", m)
		}
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		schema, err := responseSchema(doc, "GET", "/api/v1/assessments/{id}", r)
		if err != nil {
			t.Fatal(err)
		}
		var v any = got
		for _, p := range conform(doc, schema, v, "$") {
			t.Errorf("GET /api/v1/assessments/{id}: %s", p)
		}
	})
}
