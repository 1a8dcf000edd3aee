package cli

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/store"
)

// backupFormat names the layout of a backup archive: manifest.json, the
// SQLite database as kinerja.db, and the evidence files under bukti/ as
// the data folder keeps them.
const backupFormat = "kinerja-backup/1"

type manifest struct {
	Format    string    `json:"format"`
	CreatedAt time.Time `json:"created_at"`
	Files     int       `json:"evidence_files"`
}

// runBackup writes one archive with a consistent copy of the database and
// every evidence file, while the server keeps running.
func runBackup(ctx context.Context, args []string, env Env) error {
	flags := newFlagSet("backup", env)
	db := dbFlag(flags, env)
	data := flags.String("data", env.Getenv("KINERJA_DATA"), "the data folder with the evidence files (default: beside the database)")
	files, err := parseInterspersed(flags, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usageError{"backup takes the archive to write, e.g. kinerja backup kinerja-2026-11-29.tar.gz"}
	}
	out := files[0]
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists already; choose a new name", out)
	}
	s, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	if s.Engine() != "sqlite" {
		return fmt.Errorf("this is a PostgreSQL database: back it up with pg_dump, and copy the data folder %s", dataDir(ServerConfig{DB: *db, DataDir: *data}))
	}
	tmpDir, err := os.MkdirTemp(filepath.Dir(out), ".kinerja-backup-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmpDir)
	snapshot := filepath.Join(tmpDir, "kinerja.db")
	if err := s.BackupTo(ctx, snapshot); err != nil {
		return fmt.Errorf("copy the database: %w", err)
	}
	partial := filepath.Join(tmpDir, "archive.tar.gz")
	m, err := writeArchive(partial, snapshot, filepath.Join(dataDir(ServerConfig{DB: *db, DataDir: *data}), "bukti"))
	if err != nil {
		return err
	}
	if err := os.Rename(partial, out); err != nil {
		return err
	}
	info, _ := os.Stat(out)
	fmt.Fprintf(env.Stdout, "backup %s: the database and %d evidence file(s), %.1f MB\n", out, m.Files, float64(info.Size())/(1<<20))
	return nil
}

func writeArchive(out, snapshot, bukti string) (manifest, error) {
	m := manifest{Format: backupFormat, CreatedAt: time.Now().UTC()}
	f, err := os.OpenFile(out, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return m, err
	}
	defer f.Close()
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	add := func(name, file string) error {
		src, err := os.Open(file)
		if err != nil {
			return err
		}
		defer src.Close()
		st, err := src.Stat()
		if err != nil {
			return err
		}
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: st.Size(), ModTime: st.ModTime()}); err != nil {
			return err
		}
		_, err = io.Copy(tw, src)
		return err
	}
	var files []string
	err = filepath.WalkDir(bukti, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "tmp" {
			return filepath.SkipDir // uploads in progress
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return m, fmt.Errorf("read the evidence files: %w", err)
	}
	m.Files = len(files)
	mj, _ := json.MarshalIndent(m, "", "  ")
	if err := tw.WriteHeader(&tar.Header{Name: "manifest.json", Mode: 0o600, Size: int64(len(mj)), ModTime: m.CreatedAt}); err != nil {
		return m, err
	}
	if _, err := tw.Write(mj); err != nil {
		return m, err
	}
	if err := add("kinerja.db", snapshot); err != nil {
		return m, err
	}
	for _, p := range files {
		rel, _ := filepath.Rel(bukti, p)
		if err := add("bukti/"+filepath.ToSlash(rel), p); err != nil {
			return m, err
		}
	}
	if err := tw.Close(); err != nil {
		return m, err
	}
	if err := gz.Close(); err != nil {
		return m, err
	}
	return m, f.Sync()
}

// runRestore unpacks a backup into a new database file and data folder,
// checking every evidence file against its SHA-256, then brings the
// database's schema up to date. It never overwrites an existing database.
func runRestore(ctx context.Context, args []string, env Env) error {
	flags := newFlagSet("restore", env)
	db := dbFlag(flags, env)
	data := flags.String("data", env.Getenv("KINERJA_DATA"), "the data folder to put the evidence files in (default: beside the database)")
	files, err := parseInterspersed(flags, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usageError{"restore takes the archive to read, e.g. kinerja restore kinerja-2026-11-29.tar.gz --db kinerja-data/kinerja.db"}
	}
	if strings.HasPrefix(*db, "postgres") {
		return fmt.Errorf("restore writes an SQLite database; for PostgreSQL use pg_restore")
	}
	if _, err := os.Stat(*db); err == nil {
		return fmt.Errorf("%s exists already: restore into a new path (the running database is never overwritten)", *db)
	}
	bukti := filepath.Join(dataDir(ServerConfig{DB: *db, DataDir: *data}), "bukti")
	in, err := os.Open(files[0])
	if err != nil {
		return err
	}
	defer in.Close()
	gz, err := gzip.NewReader(in)
	if err != nil {
		return fmt.Errorf("%s is not a Kinerja backup: %w", files[0], err)
	}
	tr := tar.NewReader(gz)
	var m manifest
	restored := 0
	if err := os.MkdirAll(filepath.Dir(*db), 0o750); err != nil {
		return err
	}
	partialDB := *db + ".restoring"
	defer os.Remove(partialDB)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("read the backup: %w", err)
		}
		name := path.Clean(h.Name)
		switch {
		case h.Typeflag != tar.TypeReg:
			continue
		case name == "manifest.json":
			if err := json.NewDecoder(io.LimitReader(tr, 1<<20)).Decode(&m); err != nil || m.Format != backupFormat {
				return fmt.Errorf("%s is not a Kinerja backup (manifest %q)", files[0], m.Format)
			}
		case name == "kinerja.db":
			if err := writeFile(partialDB, tr, ""); err != nil {
				return err
			}
		case strings.HasPrefix(name, "bukti/") && !strings.Contains(name, ".."):
			sum := path.Base(name)
			if len(sum) != 64 {
				return fmt.Errorf("unexpected file %s in the backup", name)
			}
			dst := filepath.Join(bukti, sum[:2], sum[2:4], sum)
			if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
				return err
			}
			if err := writeFile(dst, tr, sum); err != nil {
				return err
			}
			restored++
		default:
			return fmt.Errorf("unexpected file %s in the backup", h.Name)
		}
	}
	if m.Format == "" {
		return fmt.Errorf("%s is not a Kinerja backup (no manifest)", files[0])
	}
	if restored != m.Files {
		return fmt.Errorf("the backup lists %d evidence files but holds %d", m.Files, restored)
	}
	if err := os.Rename(partialDB, *db); err != nil {
		return fmt.Errorf("the backup holds no database: %w", err)
	}
	s, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		return fmt.Errorf("bring the restored database up to date: %w", err)
	}
	fmt.Fprintf(env.Stdout, "restored %s (backup of %s) and %d evidence file(s) into %s\n", *db, m.CreatedAt.Format(time.RFC3339), restored, bukti)
	return nil
}

// writeFile writes r to dst through a temporary file; with sum, the
// content must have that SHA-256.
func writeFile(dst string, r io.Reader, sum string) error {
	tmp := dst + ".part"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(f, h), r); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	f.Close()
	if sum != "" && hex.EncodeToString(h.Sum(nil)) != sum {
		os.Remove(tmp)
		return fmt.Errorf("evidence file %s is damaged in the backup", sum)
	}
	return os.Rename(tmp, dst)
}
