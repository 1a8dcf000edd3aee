package notify

import (
	"strings"
	"testing"
)

func TestParseSMTP(t *testing.T) {
	s, err := ParseSMTP("smtp://kinerja:rahasia@mail.example.go.id:587?from=kinerja@example.go.id")
	if err != nil || s.Addr != "mail.example.go.id:587" || s.From != "kinerja@example.go.id" || s.Auth == nil {
		t.Fatalf("ParseSMTP = %+v, %v", s, err)
	}
	s, err = ParseSMTP("smtp://127.0.0.1?from=k@example.go.id")
	if err != nil || s.Addr != "127.0.0.1:25" || s.Auth != nil {
		t.Fatalf("ParseSMTP without port = %+v, %v", s, err)
	}
	for _, bad := range []string{"", "http://mail:25?from=a@b.c", "smtp://mail:25", "smtp://mail:25?from=nobody", "smtp://?from=a@b.c"} {
		if _, err := ParseSMTP(bad); err == nil || !strings.Contains(err.Error(), "SMTP") {
			t.Errorf("ParseSMTP(%q) = %v", bad, err)
		}
	}
	if err := (&SMTP{Addr: "127.0.0.1:1", From: "a@b.c"}).Send("x@y.z\r\nBcc: evil@example.com", "s", "b"); err == nil {
		t.Error("a header injection in the recipient was sent")
	}
}
