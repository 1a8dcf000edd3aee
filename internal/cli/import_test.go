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

func TestImportCommand(t *testing.T) {
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
			o := storetest.SeedOrg(t, s)
			s.Close()

			dir := t.TempDir()
			good := filepath.Join(dir, "pegawai.csv")
			os.WriteFile(good, []byte("NIP;NAMA;UNOR_ID;JABATAN_NAMA;GOLONGAN\n"+
				"199501012022031001;Pegawai Baru;KOMINFO-APL;Staf Aplikasi;III/a\n"+
				storetest.NIPStaff1+";Andi Pratama;KOMINFO-APL;Pranata Komputer Ahli Pertama;III/b\n"+
				"123;Salah;KOMINFO;Staf;III/a\n"), 0o644)
			bad := filepath.Join(dir, "foto.csv")
			os.WriteFile(bad, []byte("a,b\n1,2\n"), 0o644)

			code, out, errOut := run(t, "", "import", "employees", good, "--db", dsn)
			if code != 0 || !strings.Contains(out, "Pratinjau") || !strings.Contains(out, "3 baris: 1 dibuat, 1 diperbarui, 0 tidak berubah, 1 ditolak") ||
				!strings.Contains(out, "18 digit") || !strings.Contains(out, "Golongan: III/a → III/b") || !strings.Contains(out, "--apply") ||
				!strings.Contains(out, "Jabatan baru yang akan dibuat") || !strings.Contains(out, "KOMINFO-APL  Staf Aplikasi  2") {
				t.Fatalf("dry run: %d\n%s\n%s", code, out, errOut)
			}
			code, out, errOut = run(t, "", "import", "employees", "--db", dsn, good, "--apply")
			if code != 0 || !strings.Contains(out, "Diterapkan") || !strings.Contains(out, "1 dibuat, 1 diperbarui") {
				t.Fatalf("apply: %d\n%s\n%s", code, out, errOut)
			}
			code, out, _ = run(t, "", "import", "employees", good, "--apply", "--db", dsn)
			if code != 0 || !strings.Contains(out, "0 dibuat, 0 diperbarui, 2 tidak berubah, 1 ditolak") || !strings.Contains(out, "Tidak ada perubahan") {
				t.Errorf("second apply: %d\n%s", code, out)
			}
			code, _, errOut = run(t, "", "import", "employees", bad, "--apply", "--db", dsn)
			if code != 1 || !strings.Contains(errOut, "Kolom wajib tidak ditemukan") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("wrong file: %d %q", code, errOut)
			}
			for _, args := range [][]string{{"import"}, {"import", "units", good}, {"import", "employees"}, {"import", "employees", good, good}} {
				if code, _, _ := run(t, "", append(args, "--db", dsn)...); code != 2 {
					t.Errorf("%v: exit %d, want 2", args, code)
				}
			}
			if code, _, errOut := run(t, "", "import", "employees", filepath.Join(dir, "none.csv"), "--db", dsn); code != 1 || !strings.Contains(errOut, "none.csv") {
				t.Errorf("missing file: %d %q", code, errOut)
			}

			s, _ = store.Open(context.Background(), dsn, store.Options{})
			defer s.Close()
			e, err := s.EmployeeByNIP(context.Background(), o.Instansi.ID, "199501012022031001")
			if err != nil || e.PositionName != "Staf Aplikasi" {
				t.Errorf("imported employee = %+v, %v", e, err)
			}
			entries, _ := s.AuditEntries(context.Background(), model.AuditFilter{InstansiID: o.Instansi.ID, EntityType: "import"})
			if len(entries) != 1 || entries[0].ActorName != "Sistem (import)" {
				t.Errorf("import audit = %+v", entries)
			}
		})
	}
}
