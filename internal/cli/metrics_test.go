package cli_test

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/cli"
)

// With --metrics-addr the metrics are served alone on their own address,
// and not with the site.
func TestMetricsOnTheirOwnAddress(t *testing.T) {
	srv, err := cli.Start(context.Background(), cli.ServerConfig{Addr: "127.0.0.1:0", MetricsAddr: "127.0.0.1:0",
		DB: filepath.Join(t.TempDir(), "k.db"), Log: io.Discard, DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if srv.MetricsURL == "" {
		t.Fatal("no metrics address")
	}
	resp, err := http.Get(srv.MetricsURL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "go_goroutines") {
		t.Errorf("metrics on their address: %d %.200s", resp.StatusCode, body)
	}
	resp, err = http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == 200 {
		t.Error("the site serves /metrics without a token")
	}
}
