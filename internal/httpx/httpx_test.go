package httpx_test

import (
	"net/http/httptest"
	"testing"

	"github.com/kinerja-id/kinerja/internal/httpx"
)

func TestClientAddr(t *testing.T) {
	proxies, err := httpx.ParseProxies("10.0.0.0/8, 192.168.1.5 ::1")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, peer string
		xff        []string
		want       string
	}{
		{"direct, no header", "203.0.113.9:5000", nil, "203.0.113.9"},
		{"direct, header ignored", "203.0.113.9:5000", []string{"192.0.2.1"}, "203.0.113.9"},
		{"trusted proxy", "10.1.2.3:443", []string{"192.0.2.1"}, "192.0.2.1"},
		{"forged hop on the left", "10.1.2.3:443", []string{"1.1.1.1, 192.0.2.1"}, "192.0.2.1"},
		{"chain of trusted proxies", "10.1.2.3:443", []string{"192.0.2.1, 192.168.1.5", "10.9.9.9"}, "192.0.2.1"},
		{"only proxies", "10.1.2.3:443", []string{"10.0.0.7"}, "10.0.0.7"},
		{"no header from a proxy", "192.168.1.5:80", nil, "192.168.1.5"},
		{"garbage hop", "10.1.2.3:443", []string{"192.0.2.1, nonsense"}, "10.1.2.3"},
		{"IPv6 proxy", "[::1]:8080", []string{"2001:db8::7"}, "2001:db8::7"},
		{"IPv4-mapped peer", "[::ffff:10.1.2.3]:443", []string{"192.0.2.1"}, "192.0.2.1"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = c.peer
		for _, v := range c.xff {
			r.Header.Add("X-Forwarded-For", v)
		}
		if got := proxies.ClientAddr(r); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if _, err := httpx.ParseProxies("10.0.0.0/33"); err == nil {
		t.Error("a bad range was accepted")
	}
}
