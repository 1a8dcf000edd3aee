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
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// benchServer serves the 2,000-employee demo city on SQLite and returns a
// signed-in admin's token.
func benchServer(b *testing.B) (http.Handler, string) {
	b.Helper()
	s := storetest.Open(b, "sqlite")
	a := app.New(s, nil, app.Options{Demo: true, Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	if _, err := demo.Generate(context.Background(), a, demo.Options{Employees: 2000, Seed: 1}); err != nil {
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
