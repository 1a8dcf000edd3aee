package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The dry run at the terminal lists what the file does to who rates whom.
func TestImportCommandWarnsOfRaterChanges(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(engine, func(t *testing.T) {
			dsn := storetest.DSN(t, engine)
			s, err := store.Open(context.Background(), dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Migrate(context.Background()); err != nil {
				t.Fatal(err)
			}
			storetest.SeedOrg(t, s)
			s.Close()
			file := filepath.Join(t.TempDir(), "mutasi.csv")
			os.WriteFile(file, []byte("NIP;NAMA;UNOR_ID;JABATAN_ID\n"+storetest.NIPKabid+";Siti Rahmawati;DINKES;DINKES-PERAWAT\n"), 0o644)
			code, out, errOut := run(t, "", "import", "employees", file, "--db", dsn)
			if code != 0 || !strings.Contains(out, "Akibat bagi pejabat penilai") ||
				!strings.Contains(out, "Jabatan Kepala Bidang Aplikasi Informatika (Bidang Aplikasi Informatika) menjadi kosong: 2 pegawai") ||
				!strings.Contains(out, "Andi Pratama ("+storetest.NIPStaff1+"): Siti Rahmawati → Budi Santoso (melalui Kepala Dinas Komunikasi dan Informatika)") ||
				!strings.Contains(out, "--apply") {
				t.Errorf("dry run: %d\n%s\n%s", code, out, errOut)
			}
			// A new Kadis: the atasan alone changes for the Kabid's staff.
			os.WriteFile(file, []byte("NIP;NAMA;UNOR_ID;JABATAN_ID\n"+storetest.NIPKadis+";Budi Santoso;DINKES;DINKES-PERAWAT\n"+
				storetest.NIPStaff3+";Rudi Hartono;KOMINFO;KOMINFO-KADIS\n"), 0o644)
			code, out, errOut = run(t, "", "import", "employees", file, "--db", dsn)
			if code != 0 || !strings.Contains(out, "Atasan pejabat penilai 2 pegawai berganti, sedangkan pejabat penilainya tetap") ||
				!strings.Contains(out, "Andi Pratama ("+storetest.NIPStaff1+"): Atasan pejabat penilai Budi Santoso → Rudi Hartono (pejabat penilai tetap: Siti Rahmawati)") {
				t.Errorf("dry run of a new Kadis: %d\n%s\n%s", code, out, errOut)
			}
		})
	}
}

// A blocked file at the terminal: the dry run and the apply both list,
// beside the refusal, the rows in error with row and column, the
// warnings and what the file would do; the apply fails and writes
// nothing.
func TestImportCommandShowsABlockedFileInFull(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.DSN(t, engine)
			s, err := store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			o := storetest.SeedOrg(t, s)
			// The Kabid rated by the wali kota, the Kadis by Staff1.
			if err := s.Write(ctx, model.SystemActor(o.Instansi.ID, "test"), func(tx *store.Tx) error {
				for _, r := range []model.RaterOverride{{EmployeeID: o.Kabid.ID, RaterID: o.WaliKota.ID},
					{EmployeeID: o.Kadis.ID, RaterID: o.Staff1.ID, UpperRaterID: o.WaliKota.ID}} {
					r.Start, r.Reason = "2026-02-01", "Penugasan khusus"
					if _, err := tx.CreateRaterOverride(ctx, r); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			s.Close()
			file := filepath.Join(t.TempDir(), "pindah.csv")
			os.WriteFile(file, []byte("NIP;NAMA;UNOR_ID;JABATAN_ID\n"+storetest.NIPStaff1+";Andi Pratama;KOMINFO-SEK;KOMINFO-ADM\n"+
				"199801012024011001;Joko Susilo;KOMINFO-APL;KOMINFO-PRAKOM\n"+
				"199801012024011002;Tono Sutono;KOMINFO-XYZ;KOMINFO-PRAKOM\n"), 0o644)
			full := func(what, out string) {
				t.Helper()
				for _, want := range []string{"3 baris: 1 dibuat, 1 diperbarui, 0 tidak berubah, 1 ditolak", "BARIS  KOLOM    NIP", "4      UNOR_ID  199801012024011002",
					"menilai dirinya sendiri", "Akibat bagi pejabat penilai", "Andi Pratama (" + storetest.NIPStaff1 + "): Siti Rahmawati → Budi Santoso"} {
					if !strings.Contains(out, want) {
						t.Errorf("%s lacks %q:\n%s", what, want, out)
					}
				}
			}
			code, out, _ := run(t, "", "import", "employees", file, "--db", dsn)
			if code != 0 || strings.Contains(out, "--apply") {
				t.Errorf("dry run: %d\n%s", code, out)
			}
			full("the dry run", out)
			code, out, errOut := run(t, "", "import", "employees", file, "--apply", "--db", dsn)
			if code == 0 || !strings.Contains(errOut, "selfrating") && !strings.Contains(errOut, "menilai dirinya sendiri") {
				t.Errorf("apply: %d\n%s\n%s", code, out, errOut)
			}
			full("the refused apply", out)
			s, err = store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if emp, _ := s.Employee(ctx, o.Staff1.ID); emp.PositionID != o.PosStaff.ID {
				t.Errorf("the refused import moved Staff1 to %s", emp.PositionID)
			}
		})
	}
}
