package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A result under keberatan: the OPD's list says calibrate false with the
// reason, and the move is a 409 with it.
func TestCalibrationLeavesAResultUnderObjection(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, as := objectionSetup(t, s)
		staff, admin := e.login(t, storetest.NIPStaff1, "rahasia-staf1"), e.login(t, "admin", "rahasia-admin")
		list := "/api/v1/assessments?unit=" + as.OPDID + "&period=" + as.PeriodID
		item := func() map[string]any {
			t.Helper()
			items, _ := e.get(t, list, admin).json(t)["items"].([]any)
			if len(items) != 1 {
				t.Fatalf("the OPD's assessments = %v", items)
			}
			return items[0].(map[string]any)
		}
		if it := item(); it["can"].(map[string]any)["calibrate"] != true || it["calibrate_refused"] != nil {
			t.Fatalf("before the objection: %v", it)
		}
		if r := e.post(t, "/api/v1/assessments/"+as.ID+"/objections", staff, map[string]string{"reason": "Realisasi saya melampaui target."}); r.status != 201 {
			t.Fatalf("object: %d %s", r.status, r.body)
		}
		want := locale.T("id", "conflict.calibration.objection")
		if it := item(); it["can"].(map[string]any)["calibrate"] != false || it["calibrate_refused"] != want {
			t.Errorf("while the objection is open: %v", it)
		}
		conflictSays(t, e.post(t, "/api/v1/assessments/"+as.ID+"/calibrate", admin, map[string]any{"version": as.Version,
			"hasil_kerja": "di_bawah", "perilaku_kerja": "sesuai", "reason": "Kalibrasi OPD"}), "conflict.calibration.objection")
	})
}
