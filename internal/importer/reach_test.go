package importer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// reasons maps each rejected row of a report to its message key.
func reasons(rep importer.Report) map[int]string {
	out := map[int]string{}
	for _, r := range rep.Rows {
		if r.Action == importer.ActionReject {
			out[r.Row] = r.Why.Key
		}
	}
	return out
}

// An OPD admin's import does not take over an employee who is in no OPD
// (no definitive post): BKPSDM places them.
func TestOPDImportLeavesUnplacedEmployeesToBKPSDM(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		pls, _ := s.Placements(ctx, e.o.Staff3.ID)
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Staff3.ID, pls[0].ID, "2026-01-31"); err != nil {
			t.Fatal(err)
		}
		opd := model.Actor{UserID: "u-opd", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Kominfo.ID}}}
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID;TMT_JABATAN\n" + storetest.NIPStaff3 + ";Rudi Hartono;KOMINFO-SEK;KOMINFO-ADM;2026-02-01\n"
		rep, err := e.a.ImportEmployees(ctx, opd, "f.csv", []byte(file), true)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Rejected != 1 || reasons(rep)[2] != "import.reject.employee.unplaced" || !strings.Contains(rep.Rows[0].Reason, "diurus BKPSDM") {
			t.Fatalf("OPD admin's import = %+v", rep)
		}
		if got, _ := s.Employee(ctx, e.o.Staff3.ID); got.PositionID != "" {
			t.Errorf("the refused row placed Rudi in %s", got.PositionID)
		}
		if rep, err := e.a.ImportEmployees(ctx, e.admin, "f.csv", []byte(file), true); err != nil || rep.Updated != 1 {
			t.Errorf("BKPSDM's import = %+v, %v", rep, err)
		}
	})
}

// A post one person holds keeps one definitive holder through an import:
// an existing post that leads another (whatever its kind), a new
// structural post two rows create, and a handover whose holder leaves
// only after the newcomer arrives. A TMT on or before the current one is
// refused rather than moved.
func TestImportKeepsOneHolderAndOrderedDates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		// A coordinator post (fungsional) that another post reports to,
		// held by Andi.
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			koor, err := tx.CreatePosition(ctx, model.Position{InstansiID: e.o.Instansi.ID, UnitID: e.o.Aplikasi.ID, Code: "KOMINFO-KOOR",
				Name: "Pranata Komputer Ahli Madya", Kind: model.PositionFungsional, SuperiorPositionID: e.o.PosKabid.ID}, false)
			if err != nil {
				return err
			}
			if _, err := tx.CreatePosition(ctx, model.Position{InstansiID: e.o.Instansi.ID, UnitID: e.o.Aplikasi.ID, Code: "KOMINFO-OPR",
				Name: "Operator Layanan", Kind: model.PositionPelaksana, SuperiorPositionID: koor.ID}, false); err != nil {
				return err
			}
			_, err = tx.Place(ctx, model.Placement{EmployeeID: e.o.Staff1.ID, PositionID: koor.ID, Kind: model.PlacementDefinitif, Start: "2025-01-01"})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID;JABATAN_NAMA;JENIS_JABATAN;TMT_JABATAN\n" +
			storetest.NIPStaff2 + ";Dewi Lestari;KOMINFO-APL;KOMINFO-KOOR;;;2026-02-01\n" + // 2: Andi holds it
			"199501012022031001;Satu;KOMINFO-APL;;Kepala Seksi Data;Pengawas;2026-02-01\n" + // 3: a new structural post
			"199601012022032002;Dua;KOMINFO-APL;;kepala seksi data;Pengawas;2026-02-01\n" + // 4: the same post again
			storetest.NIPStaff3 + ";Rudi Hartono;KOMINFO;KOMINFO-KADIS;;;2026-03-01\n" + // 5: the Kadis leaves later
			storetest.NIPKadis + ";Budi Santoso;DINKES;DINKES-PERAWAT;;;2026-04-01\n" + // 6
			storetest.NIPNurse + ";Rina Marlina;KOMINFO-APL;KOMINFO-OPR;;;2024-01-01\n" // 7: before her current TMT
		rep, err := e.a.ImportEmployees(ctx, e.admin, "f.csv", []byte(file), true)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int]string{2: "import.reject.head.held", 4: "import.reject.seat.dup", 5: "import.reject.seat.later", 7: "import.reject.tmt.before"}
		if got := reasons(rep); len(got) != len(want) || got[2] != want[2] || got[4] != want[4] || got[5] != want[5] || got[7] != want[7] {
			t.Fatalf("rejections = %v, want %v", got, want)
		}
		for _, r := range rep.Rows {
			if r.Row == 5 && !strings.Contains(r.Reason, "Budi Santoso (NIP "+storetest.NIPKadis+") mulai 1 April 2026 (baris 6)") {
				t.Errorf("row 5: %s", r.Reason)
			}
			if r.Row == 2 && !strings.Contains(r.Reason, "(NIP "+storetest.NIPStaff1+")") {
				t.Errorf("row 2 names the holder without the NIP: %s", r.Reason)
			}
		}
		if holders, _ := s.DefinitiveHolders(ctx, e.o.PosKadis.ID, "2026-03-01", ""); len(holders) != 1 || holders[0].ID != e.o.Kadis.ID {
			t.Errorf("Kadis post holders = %+v", holders)
		}
		one, _ := s.EmployeeByNIP(ctx, e.o.Instansi.ID, "199501012022031001")
		if holders, _ := s.DefinitiveHolders(ctx, one.PositionID, "2026-02-01", ""); len(holders) != 1 {
			t.Errorf("new post holders = %+v", holders)
		}
		if got, _ := s.Employee(ctx, e.o.Nurse.ID); got.PositionID != e.o.PosNurse.ID {
			t.Errorf("the nurse moved to %s", got.PositionID)
		}
	})
}
