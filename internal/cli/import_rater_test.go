package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
