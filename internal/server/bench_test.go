package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/demo"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// benchApp is the application of the latest benchServer.
var (
	benchApp   *app.App
	benchStore *store.Store
)

// benchServer serves the 2,000-employee demo city on SQLite and returns a
// signed-in admin's token.
func benchServer(b *testing.B) (http.Handler, string) {
	b.Helper()
	s := storetest.Open(b, "sqlite")
	a := app.New(s, nil, app.Options{Demo: true, Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	benchApp, benchStore = a, s
	if _, err := demo.Generate(context.Background(), s, a, demo.Options{Employees: 2000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	h := server.New(a)
	body, _ := json.Marshal(map[string]string{"username": "admin", "password": demo.Password})
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/api/v1/auth/login", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(rec, req)
	var out struct{ Token string }
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || out.Token == "" {
		b.Fatalf("sign in: %d %s", rec.Code, rec.Body)
	}
	return h, out.Token
}

func benchGet(b *testing.B, path string) {
	h, token := benchServer(b)
	benchRun(b, h, token, path)
}

func benchRun(b *testing.B, h http.Handler, token, path string) {
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest("GET", path, nil)
			req.Header.Set("Authorization", "Bearer "+token)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("%s: %d", path, rec.Code)
			}
		}
	})
}

func BenchmarkHealthz(b *testing.B)       { benchGet(b, "/healthz") }
func BenchmarkDirectoryPage(b *testing.B) { benchGet(b, "/pegawai") }
func BenchmarkDirectorySearch(b *testing.B) {
	benchGet(b, "/pegawai?q=siti")
}
func BenchmarkEmployeesAPI(b *testing.B) { benchGet(b, "/api/v1/employees") }

// supervisorBench signs in the demo's kepala bidang and returns the path of
// their own SKP.
func supervisorBench(b *testing.B) (http.Handler, string, string) {
	h, _ := benchServer(b)
	var boss string
	accounts, _ := demo.Accounts(context.Background(), benchStore, benchApp)
	for _, a := range accounts {
		if a.Role == "Kepala bidang (atasan langsung)" {
			boss = a.Username
		}
	}
	body, _ := json.Marshal(map[string]string{"username": boss, "password": demo.Password})
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/api/v1/auth/login", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(rec, req)
	var out struct {
		Token string
		User  struct {
			EmployeeID string `json:"employee_id"`
		}
	}
	json.Unmarshal(rec.Body.Bytes(), &out)
	rec = httptest.NewRecorder()
	req = httptest.NewRequest("GET", "/api/v1/skps?employee="+out.User.EmployeeID, nil)
	req.Header.Set("Authorization", "Bearer "+out.Token)
	h.ServeHTTP(rec, req)
	var list struct{ Items []struct{ ID string } }
	json.Unmarshal(rec.Body.Bytes(), &list)
	if out.Token == "" || len(list.Items) == 0 {
		b.Fatalf("supervisor sign-in or SKP: %s", rec.Body)
	}
	return h, out.Token, "/skp/" + list.Items[0].ID
}

func BenchmarkSKPPage(b *testing.B) {
	h, token, path := supervisorBench(b)
	benchRun(b, h, token, path)
}

func BenchmarkTeamSKPList(b *testing.B) {
	h, token, _ := supervisorBench(b)
	benchRun(b, h, token, "/skp")
}

func BenchmarkDesk(b *testing.B) {
	h, token, _ := supervisorBench(b)
	benchRun(b, h, token, "/meja")
}
