package store_test

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestSchemaParity(t *testing.T) {
	if os.Getenv(storetest.EnvPostgres) == "" {
		t.Skipf("schema parity needs PostgreSQL: %s is not set (SKIPPED)", storetest.EnvPostgres)
	}
	ctx := context.Background()
	lite := storetest.Open(t, "sqlite")
	pg := storetest.Open(t, "postgres")
	a, err := lite.TableColumns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := pg.TableColumns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) < 50 {
		t.Fatalf("SQLite schema has only %d columns: %v", len(a), a)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("schemas differ:\nonly in SQLite: %v\nonly in PostgreSQL: %v", minus(a, b), minus(b, a))
	}
}

func minus(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if !in[x] {
			out = append(out, x)
		}
	}
	return out
}

func TestMigrateTwiceAppliesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		n, err := s.Migrate(context.Background())
		if err != nil || n != 0 {
			t.Fatalf("second Migrate = %d, %v; want 0, nil", n, err)
		}
		pending, err := s.PendingMigrations(context.Background())
		if err != nil || pending != 0 {
			t.Fatalf("PendingMigrations = %d, %v", pending, err)
		}
	})
}

func TestEmployeesDirectory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := storetest.SeedOrg(t, s)

		all, err := s.Employees(ctx, model.EmployeeFilter{InstansiID: o.Instansi.ID, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		page := all
		for {
			for _, e := range page.Items {
				names = append(names, e.Name)
			}
			if page.NextCursor == "" {
				break
			}
			page, err = s.Employees(ctx, model.EmployeeFilter{InstansiID: o.Instansi.ID, Limit: 3, Cursor: page.NextCursor})
			if err != nil {
				t.Fatal(err)
			}
		}
		want := []string{"Andi Pratama", "Budi Santoso", "Dewi Lestari", "Rina Marlina", "Rudi Hartono",
			"Siti Rahmawati", "Wali Kota Uji", "Yusuf Hidayat"}
		if !reflect.DeepEqual(names, want) {
			t.Errorf("paged names = %v, want %v", names, want)
		}

		byUnit, err := s.Employees(ctx, model.EmployeeFilter{InstansiID: o.Instansi.ID, UnitID: o.Kominfo.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(byUnit.Items) != 5 {
			t.Errorf("Kominfo and its sub-units hold %d employees, want 5", len(byUnit.Items))
		}

		for q, want := range map[string]int{"siti": 1, "SITI rahma": 1, NIPStaff1Part: 1, "dinas": 0, "%": 0, "a_": 0} {
			got, err := s.Employees(ctx, model.EmployeeFilter{InstansiID: o.Instansi.ID, Query: q})
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Items) != want {
				t.Errorf("search %q found %d, want %d", q, len(got.Items), want)
			}
		}

		e, err := s.Employee(ctx, o.Staff1.ID)
		if err != nil {
			t.Fatal(err)
		}
		if e.PositionName != "Pranata Komputer Ahli Pertama" || e.UnitID != o.Aplikasi.ID || e.BirthDate != "1990-03-03" {
			t.Errorf("employee = %+v", e)
		}
		if _, err := s.Employee(ctx, "nope"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("missing employee: err = %v, want ErrNotFound", err)
		}
		if _, err := s.Employees(ctx, model.EmployeeFilter{InstansiID: o.Instansi.ID, Cursor: "!!"}); err == nil {
			t.Error("a garbage cursor was accepted")
		}
	})
}

const NIPStaff1Part = "199003032015"

func TestWriteIsAtomicWithItsAudit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := storetest.SeedOrg(t, s)
		actor := model.Actor{UserID: "u1", Name: "Admin Uji", InstansiID: o.Instansi.ID, IP: "192.0.2.1"}

		boom := errors.New("boom")
		err := s.Write(ctx, actor, func(tx *store.Tx) error {
			e := o.Staff1
			e.Name = "Nama Baru"
			if _, err := tx.UpdateEmployee(ctx, e); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("Write = %v", err)
		}
		e, _ := s.Employee(ctx, o.Staff1.ID)
		if e.Name != "Andi Pratama" {
			t.Errorf("a failed Write changed the name to %q", e.Name)
		}
		entries, err := s.AuditEntries(ctx, model.AuditFilter{InstansiID: o.Instansi.ID, EntityType: "employee", EntityID: o.Staff1.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 1 || entries[0].Action != "employee.create" {
			t.Fatalf("after a failed write the audit has %+v", entries)
		}

		err = s.Write(ctx, actor, func(tx *store.Tx) error {
			e := o.Staff1
			e.Name = "Andi Pratama Putra"
			changed, err := tx.UpdateEmployee(ctx, e)
			if !changed {
				t.Error("UpdateEmployee reported no change")
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		entries, _ = s.AuditEntries(ctx, model.AuditFilter{InstansiID: o.Instansi.ID, EntityType: "employee", EntityID: o.Staff1.ID})
		if len(entries) != 2 {
			t.Fatalf("audit entries = %d, want 2", len(entries))
		}
		got := entries[0]
		if got.Action != "employee.update" || got.ActorID != "u1" || got.ActorName != "Admin Uji" || got.IP != "192.0.2.1" ||
			!strings.Contains(got.Before, `"Andi Pratama"`) || !strings.Contains(got.After, `"Andi Pratama Putra"`) || got.At.IsZero() {
			t.Errorf("audit entry = %+v", got)
		}
		byActor, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: o.Instansi.ID, ActorID: "u1"})
		if len(byActor) != 1 {
			t.Errorf("entries by actor u1 = %d, want 1", len(byActor))
		}

		// An unchanged update writes nothing.
		_ = s.Write(ctx, actor, func(tx *store.Tx) error {
			e, _ := tx.Employee(ctx, o.Staff1.ID)
			changed, err := tx.UpdateEmployee(ctx, e)
			if changed || err != nil {
				t.Errorf("unchanged update: changed=%v err=%v", changed, err)
			}
			return err
		})
	})
}

func TestDuplicateNIPIsAConflict(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := storetest.SeedOrg(t, s)
		err := s.Write(ctx, model.SystemActor(o.Instansi.ID, "test"), func(tx *store.Tx) error {
			_, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: o.Instansi.ID, NIP: storetest.NIPKadis,
				Name: "Kembar", Status: model.StatusPNS, Active: true})
			return err
		})
		if !errors.Is(err, model.ErrConflict) {
			t.Fatalf("duplicate NIP: err = %v, want ErrConflict", err)
		}
	})
}

func TestOrgChartFromStore(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := storetest.SeedOrg(t, s)
		chart, err := s.OrgChart(ctx, o.Instansi.ID, "2025-06-01")
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			who, rater, upper string
		}{
			{o.Staff1.ID, o.Kabid.ID, o.Kadis.ID},
			{o.Kabid.ID, o.Kadis.ID, o.WaliKota.ID},
			{o.Staff3.ID, o.Kadis.ID, o.WaliKota.ID}, // the Sekretaris post is vacant
			{o.Kadis.ID, o.WaliKota.ID, o.WaliKota.ID},
			{o.WaliKota.ID, "", ""},
		}
		for _, c := range cases {
			if got := chart.Rater(c.who); got != c.rater {
				t.Errorf("Rater(%s) = %s, want %s", c.who, got, c.rater)
			}
			if got := chart.UpperRater(c.who); got != c.upper {
				t.Errorf("UpperRater(%s) = %s, want %s", c.who, got, c.upper)
			}
		}
		if !chart.IsRater(o.Kabid.ID) || chart.IsRater(o.Staff1.ID) {
			t.Error("IsRater is wrong")
		}

		// A Plt on the vacant Sekretaris post takes over rating Staff3, and
		// an override puts Nurse under Kadis.
		v0, _ := s.OrgVersion(ctx, o.Instansi.ID)
		err = s.Write(ctx, model.SystemActor(o.Instansi.ID, "test"), func(tx *store.Tx) error {
			if _, err := tx.Place(ctx, model.Placement{EmployeeID: o.Kabid.ID, PositionID: o.PosSekr.ID,
				Kind: model.PlacementPlt, Start: "2025-01-01"}); err != nil {
				return err
			}
			_, err := tx.CreateRaterOverride(ctx, model.RaterOverride{EmployeeID: o.Nurse.ID, RaterID: o.Kadis.ID,
				Start: "2025-01-01", Reason: "Penugasan lintas dinas"})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if v1, _ := s.OrgVersion(ctx, o.Instansi.ID); v1 <= v0 {
			t.Errorf("org version did not move: %d -> %d", v0, v1)
		}
		chart, _ = s.OrgChart(ctx, o.Instansi.ID, "2025-06-01")
		if got := chart.Rater(o.Staff3.ID); got != o.Kabid.ID {
			t.Errorf("with a Plt, Rater(Staff3) = %s, want Kabid", got)
		}
		if got := chart.Rater(o.Nurse.ID); got != o.Kadis.ID {
			t.Errorf("with an override, Rater(Nurse) = %s, want Kadis", got)
		}
		// Before the Plt started, the old chain holds.
		old, _ := s.OrgChart(ctx, o.Instansi.ID, "2024-06-01")
		if got := old.Rater(o.Staff3.ID); got != o.Kadis.ID {
			t.Errorf("in 2024, Rater(Staff3) = %s, want Kadis", got)
		}
		// Kabid's Plt does not replace the definitive position.
		e, _ := s.Employee(ctx, o.Kabid.ID)
		if e.PositionID != o.PosKabid.ID {
			t.Errorf("a Plt changed the definitive position to %s", e.PositionID)
		}
		hist, _ := s.Placements(ctx, o.Kabid.ID)
		if len(hist) != 2 {
			t.Errorf("placement history = %d entries, want 2", len(hist))
		}
	})
}

func TestMovingEndsThePreviousPlacement(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := storetest.SeedOrg(t, s)
		err := s.Write(ctx, model.SystemActor(o.Instansi.ID, "test"), func(tx *store.Tx) error {
			_, err := tx.Place(ctx, model.Placement{EmployeeID: o.Staff2.ID, PositionID: o.PosAdm.ID,
				Kind: model.PlacementDefinitif, Start: "2025-07-01", Decree: "800/123/BKPSDM/2025"})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		hist, _ := s.Placements(ctx, o.Staff2.ID)
		if len(hist) != 2 || hist[0].PositionID != o.PosAdm.ID || hist[0].End != "" || hist[1].End != "2025-06-30" {
			t.Fatalf("history = %+v", hist)
		}
		err = s.Write(ctx, model.SystemActor(o.Instansi.ID, "test"), func(tx *store.Tx) error {
			_, err := tx.Place(ctx, model.Placement{EmployeeID: o.Staff2.ID, PositionID: o.PosStaff.ID,
				Kind: model.PlacementDefinitif, Start: "2025-01-01"})
			return err
		})
		var ve *model.ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("a move dated before the current TMT: err = %v, want a validation error", err)
		}
	})
}

func TestTextNoEngineCanStoreIsRefusedAlike(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := storetest.SeedOrg(t, s)
		for _, bad := range []string{"a\x00b", "\xff\xfe"} {
			if _, err := s.Employee(ctx, bad); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("lookup %q: %v, want not found", bad, err)
			}
			var v *model.ValidationError
			if page, err := s.Employees(ctx, model.EmployeeFilter{InstansiID: o.Instansi.ID, Query: bad}); !errors.As(err, &v) && (err != nil || len(page.Items) != 0) {
				t.Errorf("search %q: %d found, %v; want nothing or a validation error", bad, len(page.Items), err)
			}
			err := s.Write(ctx, model.SystemActor(o.Instansi.ID, "test"), func(tx *store.Tx) error {
				e := o.Staff1
				e.Name = "Andi" + bad
				_, err := tx.UpdateEmployee(ctx, e)
				return err
			})
			if !errors.As(err, &v) {
				t.Errorf("write %q: %v, want a validation error", bad, err)
			}
		}
		// A forged cursor with a second NUL or bad bytes is refused.
		for _, c := range []string{"YQBiAGM", "_w"} {
			var v *model.ValidationError
			if _, err := s.Employees(ctx, model.EmployeeFilter{InstansiID: o.Instansi.ID, Cursor: c}); !errors.As(err, &v) {
				t.Errorf("cursor %q: %v", c, err)
			}
		}
	})
}

// Every statement is counted, inside a transaction or not.
func TestStatementsCounted(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		before := s.Statements()
		if _, err := s.AllInstansi(ctx); err != nil {
			t.Fatal(err)
		}
		afterRead := s.Statements()
		if afterRead <= before {
			t.Fatalf("a read sent no counted statement: %d then %d", before, afterRead)
		}
		if err := s.Write(ctx, model.SystemActor("", "test"), func(tx *store.Tx) error {
			_, err := tx.AllInstansi(ctx)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if s.Statements() <= afterRead {
			t.Fatalf("a transaction's statements were not counted: %d then %d", afterRead, s.Statements())
		}
	})
}

// TestEmployeeStatusFollowsNumber: every write of an employee, not only the
// import, refuses a status that contradicts the NIP and a golongan from the
// other scale, and keeps a PPPK paruh waktu.
func TestEmployeeStatusFollowsNumber(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := storetest.SeedOrg(t, s)
		create := func(e model.Employee) (model.Employee, error) {
			e.InstansiID, e.Active = o.Instansi.ID, true
			var out model.Employee
			err := s.Write(ctx, model.SystemActor(o.Instansi.ID, "test"), func(tx *store.Tx) error {
				var err error
				out, err = tx.CreateEmployee(ctx, e)
				return err
			})
			return out, err
		}
		for _, c := range []struct {
			e     model.Employee
			field string // "" when accepted
			key   string
		}{
			{model.Employee{NIP: "199009132025242014", Name: "Paruh Waktu", Status: model.StatusPPPKParuhWaktu, Golongan: "V"}, "", ""},
			{model.Employee{NIP: "199702142023212001", Name: "Pppk", Status: model.StatusPPPK}, "", ""},
			{model.Employee{NIP: "199702142023211002", Name: "Pns Dengan Ni", Status: model.StatusPNS}, "status", "invalid.nip.status"},
			{model.Employee{NIP: "198503122010011001", Name: "Pppk Dengan Nip", Status: model.StatusPPPK}, "status", "invalid.nip.status"},
			{model.Employee{NIP: "199009132025242015", Name: "Penuh Dengan 24", Status: model.StatusPPPK}, "status", "invalid.nip.status"},
			{model.Employee{NIP: "198503122010011002", Name: "Gol Pppk", Status: model.StatusPNS, Golongan: "IX"}, "golongan", "invalid.employee.golongan"},
			{model.Employee{NIP: "199702142023211003", Name: "Gol Pns", Status: model.StatusPPPK, Golongan: "III/a"}, "golongan", "invalid.employee.golongan"},
			{model.Employee{NIP: "198503122010011003", Name: "Gol Tak Baku", Status: model.StatusPNS, Golongan: "3a"}, "golongan", "invalid.employee.golongan"},
		} {
			got, err := create(c.e)
			var ve *model.ValidationError
			switch {
			case c.field == "" && err != nil:
				t.Errorf("%s: %v", c.e.Name, err)
			case c.field == "":
				if back, err := s.Employee(ctx, got.ID); err != nil || back.Status != c.e.Status {
					t.Errorf("%s: stored %q, %v", c.e.Name, back.Status, err)
				}
			case !errors.As(err, &ve) || ve.Fields[c.field] != c.key:
				t.Errorf("%s: %v, want %s on %s", c.e.Name, err, c.key, c.field)
			}
		}
	})
}
