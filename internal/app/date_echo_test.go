package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// rendered is every message of err in both languages.
func rendered(err error) []string {
	var msgs []model.Message
	var v *model.ValidationError
	var m model.Message
	switch {
	case errors.As(err, &v):
		for f := range v.Fields {
			msgs = append(msgs, v.Message(f))
		}
	case errors.As(err, &m):
		msgs = append(msgs, m)
	}
	var out []string
	for _, m := range msgs {
		for _, lang := range []string{"id", "en"} {
			out = append(out, locale.T(lang, m.Key, m.Args...))
		}
	}
	return out
}

// A date typed wrong is echoed as typed on every date field of the
// organisation and the year, never as the zero date ("1 Januari 1").
func TestInvalidDatesEchoTheTypedText(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		plt, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID,
			Kind: model.PlacementPlt, Start: "2026-02-01", Decree: "SK 1"})
		if err != nil {
			t.Fatal(err)
		}
		o, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: e.o.Nurse.ID, RaterID: e.o.Kadis.ID,
			Start: "2026-01-01", Reason: "Ditugaskan di Kominfo"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.OpenYear(ctx, e.admin, 2026, model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		periods, err := e.a.Periods(ctx, e.admin, 2026)
		if err != nil || len(periods) == 0 {
			t.Fatalf("periods of 2026: %v, %v", periods, err)
		}
		for _, typed := range []string{"2026-13-01", "2026-02-30", "31-12-2026"} {
			d := model.Date(typed)
			paths := map[string]error{}
			_, paths["placement start"] = e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Staff2.ID,
				PositionID: e.o.PosSekr.ID, Kind: model.PlacementPlh, Start: d, Decree: "SK"})
			_, paths["placement end"] = e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Staff2.ID,
				PositionID: e.o.PosSekr.ID, Kind: model.PlacementPlh, Start: "2026-03-01", End: d, Decree: "SK"})
			paths["end placement"] = e.a.EndPlacement(ctx, e.admin, plt.EmployeeID, plt.ID, d)
			_, paths["substitute start"] = e.a.SubstituteRater(ctx, e.admin, app.RaterOverrideRequest{EmployeeID: e.o.Staff2.ID,
				RaterID: e.o.Kadis.ID, Start: d, Reason: "Penugasan"})
			paths["end substitute"] = e.a.EndRaterOverride(ctx, e.admin, o.EmployeeID, o.ID, d)
			_, paths["end employment"] = e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: e.o.Staff2.ID,
				Kind: model.EndMeninggal, Date: d, Decree: "SK 2"})
			p := periods[0]
			p.Start = d
			paths["period start"] = e.a.MovePeriod(ctx, e.admin, p, "")
			p = periods[0]
			p.ReportDeadline = d
			paths["period deadline"] = e.a.MovePeriod(ctx, e.admin, p, "")
			file := "NIP;NAMA;UNOR_ID;JABATAN_ID;TMT_JABATAN\n199801012024011009;Sembilan;KOMINFO-APL;KOMINFO-PRAKOM;" + typed + "\n"
			rep, err := e.a.ImportEmployees(ctx, e.admin, "tanggal.csv", []byte(file), false)
			if err != nil || len(rep.Rows) != 1 {
				t.Fatalf("import %q: %+v, %v", typed, rep, err)
			}
			// SIASN files write dates day first: 31-12-2026 is one.
			if typed != "31-12-2026" {
				paths["import TMT_JABATAN"] = rep.Rows[0].Why
			} else if rep.Rows[0].Action == importer.ActionReject {
				t.Errorf("import %q refused: %v", typed, rep.Rows[0].Why)
			}
			for path, err := range paths {
				msgs := rendered(err)
				if len(msgs) == 0 {
					t.Errorf("%s %q: no message (%v)", path, typed, err)
					continue
				}
				echoed := false
				for _, m := range msgs {
					if strings.Contains(m, " 1\"") || strings.Contains(m, "\"1 ") {
						t.Errorf("%s %q: %q", path, typed, m)
					}
					echoed = echoed || strings.Contains(m, typed)
				}
				if !echoed {
					t.Errorf("%s %q does not echo the date: %q", path, typed, msgs)
				}
			}
		}
	})
}
