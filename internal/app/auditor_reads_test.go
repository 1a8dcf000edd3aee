package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// Auditors read everything and change nothing: the reports and the
// filling dashboard with its drill-down are theirs to read, but reminding
// those behind (a write) is not; a leader still reminds.
func TestAuditorReadsReportsAndMonitoringOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, _ := perfEnv(t, s)
		ctx := context.Background()
		auditor := who["auditor"]
		form, err := e.a.ReportForm(ctx, auditor)
		if err != nil || !form.Can || !form.Whole || len(form.OPDs) == 0 {
			t.Fatalf("the auditor's report form = %+v, %v", form, err)
		}
		if m := e.a.Menu(auditor); !m.Monitor {
			t.Error("no monitoring in the auditor's menu")
		}
		if _, err := e.a.SKPFilling(ctx, auditor, 2026, ""); err != nil {
			t.Errorf("the auditor's filling dashboard: %v", err)
		}
		v, err := e.a.Behind(ctx, auditor, 2026, e.o.Aplikasi.ID)
		if err != nil || len(v.People) == 0 || v.Can.Remind {
			t.Errorf("the auditor's drill-down = %+v, %v", v, err)
		}
		if _, err := e.a.RemindBehind(ctx, auditor, 2026, e.o.Aplikasi.ID); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the auditor reminded: %v", err)
		}
		if notes, _ := s.Notifications(ctx, e.o.Staff1.ID, 5); len(notes) != 0 {
			t.Errorf("notified by the auditor: %+v", notes)
		}
		if v, err := e.a.Behind(ctx, who["pimpinan"], 2026, e.o.Aplikasi.ID); err != nil || !v.Can.Remind {
			t.Errorf("the leader's drill-down = %+v, %v", v.Can, err)
		}
		if n, err := e.a.RemindBehind(ctx, who["pimpinan"], 2026, e.o.Aplikasi.ID); err != nil || n == 0 {
			t.Errorf("the leader reminded %d: %v", n, err)
		}
	})
}
