package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// blockedFile moves Staff1 under the vacant Sekretaris post, where the
// Kadis, whom Staff1 rates (selfRatingOverrides), would rate them; it
// also adds an employee and has a row whose unit does not exist.
const blockedFile = "NIP;NAMA;UNOR_ID;JABATAN_ID\n" + storetest.NIPStaff1 + ";Andi Pratama;KOMINFO-SEK;KOMINFO-ADM\n" +
	"199801012024011001;Joko Susilo;KOMINFO-APL;KOMINFO-PRAKOM\n" +
	"199801012024011002;Tono Sutono;KOMINFO-XYZ;KOMINFO-PRAKOM\n"

// selfRatingOverrides has the Kabid rated by the wali kota and the Kadis
// by Staff1, by way of the Kabid.
func selfRatingOverrides(t *testing.T, e env) {
	t.Helper()
	for _, o := range []model.RaterOverride{{EmployeeID: e.o.Kabid.ID, RaterID: e.o.WaliKota.ID},
		{EmployeeID: e.o.Kadis.ID, RaterID: e.o.Staff1.ID, UpperRaterID: e.o.WaliKota.ID}} {
		o.Start, o.Reason = "2026-02-01", "Penugasan khusus"
		if _, err := e.a.OverrideRater(context.Background(), e.admin, o); err != nil {
			t.Fatal(err)
		}
	}
}

// A file blocked as a whole tells, beside the refusal, everything its
// preview finds: the rows in error with their row and column, what the
// file does to who rates whom, and what it would create and update. So
// does applying it, which still changes nothing.
func TestBlockedImportShowsEverythingThePreviewFinds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		selfRatingOverrides(t, e)
		check := func(what string, rep importer.Report) {
			t.Helper()
			if rep.Blocked.Key != "import.blocked.selfrating" || rep.Updated != 1 || rep.Created != 1 || rep.Rejected != 1 {
				t.Errorf("%s: blocked %+v, %d updated, %d created, %d rejected", what, rep.Blocked, rep.Updated, rep.Created, rep.Rejected)
			}
			var rejected []importer.RowResult
			for _, r := range rep.Rows {
				if r.Action == importer.ActionReject {
					rejected = append(rejected, r)
				}
			}
			if len(rejected) != 1 || rejected[0].Row != 4 || rejected[0].Column != "UNOR_ID" || rejected[0].Why.Key != "import.reject.unit.unknown" {
				t.Errorf("%s: rejected rows %+v", what, rejected)
			}
			_, people := warnedPeople(rep.Warnings, importer.WarnRaterChanged)
			if c, ok := people[storetest.NIPStaff1]; !ok || !c.Moved || c.RaterBefore != e.o.Kabid.Name || c.RaterAfter != e.o.Kadis.Name {
				t.Errorf("%s: warnings %+v", what, rep.Warnings)
			}
		}
		rep, err := e.a.ImportEmployees(ctx, e.admin, "pindah.csv", []byte(blockedFile), false)
		if err != nil {
			t.Fatal(err)
		}
		check("preview", rep)

		rep, err = e.a.ImportEmployees(ctx, e.admin, "pindah.csv", []byte(blockedFile), true)
		var blocked *app.ImportBlockedError
		var v *model.ValidationError
		if !errors.As(err, &blocked) || !errors.As(err, &v) || v.Fields["file"] != "import.blocked.selfrating" {
			t.Fatalf("apply: %v", err)
		}
		check("refused apply", blocked.Report)
		check("refused apply's report", rep)
		if rep.Applied {
			t.Error("the refused file reads as applied")
		}
		if emp, _ := s.Employee(ctx, e.o.Staff1.ID); emp.PositionID != e.o.PosStaff.ID {
			t.Errorf("the refused import moved Staff1 to %s", emp.PositionID)
		}
		if _, err := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "199801012024011001"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("the refused import added Joko: %v", err)
		}
	})
}

// Each row refused is told with the column whose cell it is refused for.
func TestRejectedRowsNameTheirColumn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID;GOLONGAN;TMT_JABATAN;EMAIL\n" +
			"12345;Satu;KOMINFO-APL;KOMINFO-PRAKOM;;;\n" +
			"199801012024011001;;KOMINFO-APL;KOMINFO-PRAKOM;;;\n" +
			"199801012024011002;Tiga;KOMINFO-APL;KOMINFO-PRAKOM;Z/z;;\n" +
			"199801012024011003;Empat;KOMINFO-APL;KOMINFO-PRAKOM;;kemarin;\n" +
			"199801012024011004;Lima;KOMINFO-APL;KOMINFO-NOPE;;;\n" +
			"199801012024011005;Enam;KOMINFO-APL;KOMINFO-PRAKOM;;;bukan-surel\n"
		rep, err := e.a.ImportEmployees(context.Background(), e.admin, "kolom.csv", []byte(file), false)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int]string{2: "NIP", 3: "NAMA", 4: "GOLONGAN", 5: "TMT_JABATAN", 6: "JABATAN_ID", 7: "EMAIL"}
		for _, r := range rep.Rows {
			if r.Action != importer.ActionReject || r.Column != want[r.Row] {
				t.Errorf("row %d (%s, %s): column %q, want %q", r.Row, r.Action, r.Why.Key, r.Column, want[r.Row])
			}
		}
		if len(rep.Rows) != len(want) {
			t.Errorf("%d rows", len(rep.Rows))
		}
	})
}
