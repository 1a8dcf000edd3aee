package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestSeed(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(engine, func(t *testing.T) {
			dsn := storetest.DSN(t, engine)
			code, out, stderr := run(t, "", "seed", "--employees", "500", "--seed", "3", "--db", dsn)
			if code != 0 {
				t.Fatalf("seed: exit %d, stdout %q, stderr %q", code, out, stderr)
			}
			m := regexp.MustCompile(`seeded (\d+) units and (\d+) employees`).FindStringSubmatch(out)
			if m == nil {
				t.Fatalf("seed printed %q; want the counts", out)
			}
			if units, _ := strconv.Atoi(m[1]); units < 100 {
				t.Errorf("%d units, want the whole city", units)
			}
			if m[2] != "500" {
				t.Errorf("%s employees, want 500", m[2])
			}

			// The database really holds the city.
			ctx := context.Background()
			s, err := store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			all, err := s.AllInstansi(ctx)
			if err != nil || len(all) != 1 || all[0].Name != "Pemerintah Kota Sawahlunto" {
				t.Errorf("instansi after seed: %+v, %v", all, err)
			}
			if _, err := s.UserByUsername(ctx, "admin"); err != nil {
				t.Errorf("no admin account after seed: %v", err)
			}
			// Every employee is stored, placed and has an account (besides
			// the three admin accounts); each stage was reported on stderr.
			for table, want := range map[string]int{"employees": 500, "users": 503} {
				var n int
				if err := s.DB().QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil || n != want {
					t.Errorf("%s: %d rows, %v; want %d", table, n, err, want)
				}
			}
			var unplaced int
			if err := s.DB().QueryRow(`SELECT COUNT(*) FROM employees WHERE position_id IS NULL`).Scan(&unplaced); err != nil || unplaced != 0 {
				t.Errorf("%d employees without a position, %v", unplaced, err)
			}
			for _, stage := range []string{"units " + m[1] + "/" + m[1], "employees 500/500", "skp 500/500", "statistics 1/1"} {
				if !strings.Contains(stderr, stage) {
					t.Errorf("stderr %q does not report %q", stderr, stage)
				}
			}
			// The planner's statistics are fresh after the bulk load.
			for _, table := range []string{"employees", "skps", "audit_log", "progress_entries"} {
				if !storetest.Analyzed(t, s, table) {
					t.Errorf("%s not analyzed after the seed", table)
				}
			}
			s.Close()

			// A second run refuses and leaves the city alone.
			code, out, stderr = run(t, "", "seed", "--employees", "500", "--db", dsn)
			if code != 1 || !strings.Contains(stderr, "already holds data") || strings.Contains(out, "seeded") {
				t.Errorf("second seed: exit %d, stdout %q, stderr %q; want 1 and a refusal", code, out, stderr)
			}
			s, err = store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if all, _ := s.AllInstansi(ctx); len(all) != 1 {
				t.Errorf("%d instansi after the refused run, want 1", len(all))
			}
		})
	}
}

func TestSeedBadEmployees(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"abc", "10", "-5", "0", "1000000", ""} {
		path := filepath.Join(dir, "bad-"+n+".db")
		code, out, stderr := run(t, "", "seed", "--employees", n, "--db", path)
		if code != 2 || stderr == "" || out != "" {
			t.Errorf("--employees %q: exit %d, stdout %q, stderr %q; want 2 and a message", n, code, out, stderr)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("--employees %q created the database %s", n, path)
		}
	}
}
