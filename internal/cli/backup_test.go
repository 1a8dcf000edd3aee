package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/store"
)

func TestBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "live", "kinerja.db")
	if code, out, stderr := run(t, "", "seed", "--employees", "60", "--db", db); code != 0 {
		t.Fatalf("seed: %d %s %s", code, out, stderr)
	}
	// An evidence file in the data folder beside the database.
	blobs, err := blob.Open(filepath.Join(dir, "live", "bukti"))
	if err != nil {
		t.Fatal(err)
	}
	photo, err := blobs.Put(context.Background(), strings.NewReader(string(blob.SampleJPEG(40, 30, 5))), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	archive := filepath.Join(dir, "cadangan.tar.gz")
	code, out, stderr := run(t, "", "backup", archive, "--db", db)
	if code != 0 || !strings.Contains(out, "1 evidence file(s)") {
		t.Fatalf("backup: %d %q %q", code, out, stderr)
	}
	if code, _, stderr := run(t, "", "backup", archive, "--db", db); code == 0 || !strings.Contains(stderr, "exists already") {
		t.Errorf("a backup over an existing file: %d %q", code, stderr)
	}

	// Restore never writes over a database; into a new one it brings back both.
	if code, _, stderr := run(t, "", "restore", archive, "--db", db); code == 0 || !strings.Contains(stderr, "exists already") {
		t.Errorf("restore over the live database: %d %q", code, stderr)
	}
	restored := filepath.Join(dir, "pulih", "kinerja.db")
	code, out, stderr = run(t, "", "restore", archive, "--db", restored)
	if code != 0 || !strings.Contains(out, "1 evidence file(s)") {
		t.Fatalf("restore: %d %q %q", code, out, stderr)
	}
	s, err := store.Open(context.Background(), restored, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.AllInstansi(context.Background())
	if err != nil || len(all) != 1 {
		t.Errorf("restored instansi = %v, %v", all, err)
	}
	back, _ := blob.Open(filepath.Join(dir, "pulih", "bukti"))
	if !back.Exists(photo.SHA256) {
		t.Error("the evidence file was not restored")
	}

	// A damaged or foreign archive is refused and leaves no database.
	bad := filepath.Join(dir, "bukan.tar.gz")
	os.WriteFile(bad, []byte("bukan arsip"), 0o600)
	other := filepath.Join(dir, "lain", "kinerja.db")
	if code, _, stderr := run(t, "", "restore", bad, "--db", other); code == 0 || !strings.Contains(stderr, "not a Kinerja backup") {
		t.Errorf("a foreign archive: %d %q", code, stderr)
	}
	if _, err := os.Stat(other); err == nil {
		t.Error("a refused restore left a database")
	}
}
