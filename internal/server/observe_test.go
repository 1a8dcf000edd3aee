package server

import (
	"bytes"
	"database/sql"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestPanicsBecomeA500AndALogLine(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	m := newMetrics(func() sql.DBStats { return sql.DBStats{} })
	mux := http.NewServeMux()
	mux.HandleFunc("GET /boom", func(http.ResponseWriter, *http.Request) { panic("kaboom") })
	h := observe(log, m, mux)

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/boom", nil))
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), "kesalahan") {
		t.Errorf("panic answered %d %q", rec.Code, rec.Body.String())
	}
	if !strings.Contains(logs.String(), "kaboom") || !strings.Contains(logs.String(), `route="GET /boom" status=500`) {
		t.Errorf("log = %s", logs.String())
	}
	if got := m.reqs[routeKey{"GET /boom", 500}]; got == nil || got.count != 1 {
		t.Errorf("metrics did not count the failed request: %+v", got)
	}
}
