package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

var versionField = regexp.MustCompile(`name="version" value="(\d+)"`)

// Where the OPD's pattern admits no more of the draft's predikat, the
// rating screen offers no sending: the Kirim button is disabled with the
// limit named beside it, while the rating form stays. A rating with room
// brings the button back.
func TestSendingWithheldAtTheCurveLimit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		id, _ := apptest.FullCurveDraft(t, e.s, e.o)
		kabid := e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		page := "/penilaian/" + id
		send := `action="/penilaian/` + id + `/kirim"`

		resp, body := kabid.get(page)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("the rating screen: %d", resp.StatusCode)
		}
		if strings.Contains(body, send) {
			t.Error("the screen offers sending a Sangat Baik the pattern admits no more of")
		}
		if !strings.Contains(body, `disabled aria-describedby="kirim-refused"`) || !strings.Contains(body, "Batas Sangat Baik untuk OPD ini sudah penuh:") {
			t.Errorf("no disabled Kirim with the limit named:\n%s", section(body, `id="kirim"`))
		}
		if !strings.Contains(body, `name="hasil_kerja"`) || !strings.Contains(body, `action="/penilaian/`+id+`"`) {
			t.Error("the rating form is gone")
		}
		m := versionField.FindStringSubmatch(body)
		if m == nil {
			t.Fatal("no version on the screen")
		}
		// Sending anyway is refused with the limit named.
		resp, body = kabid.post(page+"/kirim", url.Values{"version": {m[1]}})
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "tidak dapat dikirim") {
			t.Errorf("sent past the limit: %d", resp.StatusCode)
		}
		// A Baik rating has room: the button is back.
		resp, _ = kabid.post(page, url.Values{"version": {m[1]}, "hasil_kerja": {"sesuai"}, "perilaku_kerja": {"sesuai"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("rate Baik: %d", resp.StatusCode)
		}
		_, body = kabid.get(page)
		if !strings.Contains(body, send) || strings.Contains(body, "kirim-refused") {
			t.Errorf("a Baik draft is not offered for sending:\n%s", section(body, `id="kirim"`))
		}
	})
}

// section is the part of a page from marker on, shortened, for messages.
func section(body, marker string) string {
	i := strings.Index(body, marker)
	if i < 0 {
		return "(no " + marker + ")"
	}
	return body[i:min(len(body), i+1200)]
}
