package api_test

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A follow-up names the statuses it may be moved to now, as the web's
// progress form offers them: all three while open, done or cancelled once
// started, none once closed.
func TestFollowUpNextStatuses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, o, as := apptest.ReceivedAnnualResult(t, s)
		ts := httptest.NewServer(server.New(a))
		t.Cleanup(ts.Close)
		e := env{url: ts.URL, o: o, s: s}
		admin := e.login(t, "admin", "rahasia-admin")
		r := e.post(t, "/api/v1/assessments/"+as.ID+"/follow-ups", admin, map[string]string{"kind": "training", "title": "Pelatihan jaringan"})
		if r.status != 201 {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
		f := r.json(t)
		for _, step := range []struct {
			status string
			want   string
		}{{"", "[in_progress done cancelled]"}, {"in_progress", "[done cancelled]"}, {"done", "[]"}} {
			if step.status != "" {
				r = e.post(t, "/api/v1/follow-ups/"+f["id"].(string)+"/progress", admin, map[string]any{"version": f["version"], "status": step.status, "outcome": "Selesai dilaksanakan"})
				if r.status != 200 {
					t.Fatalf("%s: %d %s", step.status, r.status, r.body)
				}
				f = r.json(t)
			}
			if got := fmt.Sprint(f["next_statuses"]); got != step.want {
				t.Errorf("after %q: next_statuses = %s, want %s", step.status, got, step.want)
			}
		}
	})
}

// An improvement plan recorded twice for one result: the second is
// refused (409) naming the first and how to change it; follow_up_kinds no
// longer offers the plan and the board counts one open plan. Once the
// first is cancelled, the kind is offered again and a new plan recorded.
func TestOneImprovementPlanOverTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, o, as := apptest.ReceivedAnnualResult(t, s)
		ts := httptest.NewServer(server.New(a))
		t.Cleanup(ts.Close)
		e := env{url: ts.URL, o: o, s: s}
		admin := e.login(t, "admin", "rahasia-admin")
		r := e.post(t, "/api/v1/assessments/"+as.ID+"/calibrate", admin, map[string]any{"version": as.Version,
			"hasil_kerja": "di_bawah", "perilaku_kerja": "sesuai", "reason": "Target utama tidak tercapai"})
		if r.status != 200 || r.json(t)["predikat"] != "butuh_perbaikan" {
			t.Fatalf("move: %d %s", r.status, r.body)
		}
		kinds := func() string {
			t.Helper()
			r := e.get(t, "/api/v1/assessments/"+as.ID, admin)
			if r.status != 200 {
				t.Fatalf("read: %d %s", r.status, r.body)
			}
			return fmt.Sprint(r.json(t)["follow_up_kinds"])
		}
		if got := kinds(); !strings.Contains(got, "improvement_plan") {
			t.Fatalf("follow_up_kinds before a plan = %s", got)
		}
		plan := map[string]string{"kind": "improvement_plan", "title": "Rencana perbaikan", "plan": "Pendampingan bulanan"}
		r = e.post(t, "/api/v1/assessments/"+as.ID+"/follow-ups", admin, plan)
		if r.status != 201 {
			t.Fatalf("the plan: %d %s", r.status, r.body)
		}
		first := r.json(t)
		plan["title"] = "Rencana kedua"
		r = e.post(t, "/api/v1/assessments/"+as.ID+"/follow-ups", admin, plan)
		if r.status != 409 || !strings.Contains(string(r.body), "Rencana perbaikan") || !strings.Contains(string(r.body), "batalkan") {
			t.Fatalf("a second plan: %d %s", r.status, r.body)
		}
		if got := kinds(); strings.Contains(got, "improvement_plan") || !strings.Contains(got, "training") {
			t.Errorf("follow_up_kinds with a plan = %s", got)
		}
		r = e.post(t, "/api/v1/follow-ups/"+first["id"].(string)+"/progress", admin, map[string]any{"version": first["version"], "status": "cancelled", "outcome": "Tanggal reviu salah"})
		if r.status != 200 {
			t.Fatalf("cancel: %d %s", r.status, r.body)
		}
		if got := kinds(); !strings.Contains(got, "improvement_plan") {
			t.Errorf("follow_up_kinds after the cancel = %s", got)
		}
		if r = e.post(t, "/api/v1/assessments/"+as.ID+"/follow-ups", admin, plan); r.status != 201 {
			t.Errorf("a plan after the cancel: %d %s", r.status, r.body)
		}
	})
}
