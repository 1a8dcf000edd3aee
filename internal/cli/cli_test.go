package cli_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/cli"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// syncBuffer is a bytes.Buffer safe for a server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb syncBuffer
	code = cli.Main(context.Background(), args, cli.Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"serve", "--nope"}, {"serve", "--addr", "nonsense"}, {"user"}, {"user", "create"}} {
		code, _, stderr := run(t, "", args...)
		if code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
	if code, out, _ := run(t, "", "version"); code != 0 || !strings.HasPrefix(out, "kinerja ") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestBadDatabaseIsOneClearLine(t *testing.T) {
	code, _, stderr := run(t, "", "migrate", "--db", "mysql://localhost/x")
	if code != 1 || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "postgres://") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = run(t, "", "migrate", "--db", "postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
	if code != 1 || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "PostgreSQL") {
		t.Errorf("unreachable PostgreSQL: exit %d, stderr %q", code, stderr)
	}
}

func TestMigrateAndUsers(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(engine, func(t *testing.T) {
			dsn := storetest.DSN(t, engine)
			code, out, stderr := run(t, "", "migrate", "--db", dsn)
			if code != 0 || !strings.Contains(out, "up to date") {
				t.Fatalf("migrate: %d %q %q", code, out, stderr)
			}
			code, _, stderr = run(t, "pw-admin-123\n", "user", "create", "--db", dsn, "--username", "admin", "--password-stdin")
			if code != 1 || !strings.Contains(stderr, "no instansi") {
				t.Fatalf("user create without instansi: %d %q", code, stderr)
			}

			// Put the fixture organisation in the same database.
			s, err := store.Open(context.Background(), dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			storetest.SeedOrg(t, s)
			s.Close()

			steps := []struct {
				stdin string
				args  []string
				code  int
				want  string
			}{
				{"pw-admin-123\n", []string{"user", "create", "--username", "admin", "--name", "Admin BKPSDM", "--role", "bkpsdm_admin", "--password-stdin"}, 0, "created user admin"},
				{"pw-admin-123\n", []string{"user", "create", "--username", "admin", "--password-stdin"}, 1, "conflict"},
				{"pendek\n", []string{"user", "create", "--username", "lain", "--password-stdin"}, 1, "minimal 8"},
				{"pw-staff-123\n", []string{"user", "create", "--nip", storetest.NIPStaff1, "--password-stdin"}, 0, "created user " + storetest.NIPStaff1},
				{"pw-staff-123\n", []string{"user", "create", "--nip", "199912312020121999", "--password-stdin"}, 1, "Tidak ada pegawai"},
				{"", []string{"user", "grant", "--username", storetest.NIPStaff1, "--role", "opd_admin", "--unit", "KOMINFO"}, 0, "granted opd_admin"},
				{"pw-opd-12345\n", []string{"user", "create", "--username", "opd-kominfo", "--role", "opd_admin", "--unit", "KOMINFO", "--password-stdin"}, 0, "created user opd-kominfo"},
				{"pw-opd-12345\n", []string{"user", "create", "--username", "opd-nope", "--role", "opd_admin", "--unit", "NOPE", "--password-stdin"}, 1, "NOPE"},
				{"", []string{"user", "grant", "--username", storetest.NIPStaff1, "--role", "emperor"}, 1, "tidak dapat diberikan"},
				{"", []string{"user", "list"}, 0, "opd_admin"},
				{"", []string{"user", "revoke", "--username", storetest.NIPStaff1, "--role", "opd_admin"}, 0, "revoked opd_admin"},
				{"baru-sekali-123\n", []string{"user", "reset-password", "--username", storetest.NIPStaff1, "--password-stdin"}, 0, "revoked"},
				{"baru-sekali-123\n", []string{"user", "reset-password", "--username", "tidakada", "--password-stdin"}, 1, "not found"},
			}
			for _, st := range steps {
				code, out, stderr := run(t, st.stdin, append(st.args, "--db", dsn)...)
				if code != st.code || !strings.Contains(out+stderr, st.want) {
					t.Errorf("%v: exit %d, out %q, err %q; want exit %d and %q", st.args, code, out, stderr, st.code, st.want)
				}
			}

			// The CLI's changes are in the audit log as the system.
			s, err = store.Open(context.Background(), dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			a := app.New(s, nil, app.Options{})
			_, err = a.Login(context.Background(), app.LoginRequest{Username: storetest.NIPStaff1, Password: "baru-sekali-123"})
			if err != nil {
				t.Fatalf("sign in with the reset password: %v", err)
			}
			in, _ := s.AllInstansi(context.Background())
			entries, _ := s.AuditEntries(context.Background(), model.AuditFilter{InstansiID: in[0].ID, EntityType: "user"})
			var actions []string
			for _, e := range entries {
				if e.ActorName == "Sistem (cli)" {
					actions = append(actions, e.Action)
				}
			}
			if len(actions) < 5 {
				t.Errorf("CLI audit actions = %v", actions)
			}
		})
	}
}

func TestServeShutsDownGracefully(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "k.db")
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- cli.Main(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", dsn}, cli.Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }})
	}()
	re := regexp.MustCompile(`http://127\.0\.0\.1:\d+`)
	var url string
	for i := 0; i < 500 && url == ""; i++ {
		url = re.FindString(out.String())
		if url == "" {
			time.Sleep(10 * time.Millisecond)
		}
	}
	if url == "" {
		t.Fatalf("server did not start: %s %s", out.String(), errb.String())
	}
	resp, err := http.Get(url + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || strings.TrimSpace(string(body)) != "ok" {
		t.Fatalf("healthz: %d %q", resp.StatusCode, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve exited %d: %s", code, errb.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop after the signal")
	}
	if !strings.Contains(out.String(), "Berhenti") {
		t.Errorf("no shutdown message: %q", out.String())
	}
	// The database was closed cleanly and opens again.
	s, err := store.Open(context.Background(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, err := s.PendingMigrations(context.Background()); err != nil || n != 0 {
		t.Errorf("after restart: pending %d, %v", n, err)
	}
}

func TestBadSMTPIsOneClearLine(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "k.db")
	code, _, stderr := run(t, "", "serve", "--db", dsn, "--addr", "127.0.0.1:0", "--smtp", "mail.example.go.id")
	if code != 1 || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "smtp://") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
