package web

import (
	"reflect"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
)

func TestDevice(t *testing.T) {
	id, en := base{Lang: "id"}, base{Lang: "en"}
	cases := []struct {
		s      model.Session
		id, en string
	}{
		{model.Session{UserAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"}, "Edge di Windows", "Edge on Windows"},
		{model.Session{UserAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"}, "Firefox di Linux", "Firefox on Linux"},
		{model.Session{UserAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"}, "Safari di iPhone", "Safari on iPhone"},
		{model.Session{UserAgent: "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36"}, "Samsung Internet di Android", "Samsung Internet on Android"},
		{model.Session{UserAgent: "curl/8.5.0", Kind: "api"}, "curl", "curl"},
		{model.Session{UserAgent: "KinerjaSync/1.0 (integrasi BKPSDM Kota Sawahlunto, build 2026)"}, "KinerjaSync/1.0 (integrasi BKPSDM Kota S…", "KinerjaSync/1.0 (integrasi BKPSDM Kota S…"},
		{model.Session{Kind: "api"}, "Aplikasi (API)", "Application (API)"},
		{model.Session{Kind: "web"}, "Peramban tidak dikenal", "Unknown browser"},
	}
	for _, c := range cases {
		if got := id.Device(c.s); got != c.id {
			t.Errorf("Device(%q) in id = %q, want %q", c.s.UserAgent, got, c.id)
		}
		if got := en.Device(c.s); got != c.en {
			t.Errorf("Device(%q) in en = %q, want %q", c.s.UserAgent, got, c.en)
		}
	}
}

func TestDiffJSON(t *testing.T) {
	cases := []struct {
		name, before, after string
		want                []fieldChange
		ok                  bool
	}{
		{"changed fields in name order", `{"name":"Andi","locale":"id","roles":["asn"]}`, `{"name":"Andi","locale":"en","roles":["asn","auditor"]}`,
			[]fieldChange{{"locale", "id", "en"}, {"roles", `["asn"]`, `["asn","auditor"]`}}, true},
		{"added and removed fields", `{"a":"x","b":null}`, `{"b":"y","c":1}`,
			[]fieldChange{{"a", "x", "—"}, {"b", "—", "y"}, {"c", "—", "1"}}, true},
		{"spacing is no change", `{"a": [1, 2]}`, `{"a":[1,2]}`, nil, true},
		{"creation", ``, `{"a":1}`, nil, false},
		{"deletion", `{"a":1}`, ``, nil, false},
		{"not JSON", `oops`, `{"a":1}`, nil, false},
		{"not an object", `[1]`, `[2]`, nil, false},
	}
	for _, c := range cases {
		got, ok := diffJSON(c.before, c.after)
		if ok != c.ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: diffJSON = %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}
