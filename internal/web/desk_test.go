package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// waitingFor stores n entries of Staff1 waiting for the Kabid, spread over
// the days before today.
func waitingFor(t *testing.T, e env, n int) {
	t.Helper()
	ctx := context.Background()
	today := time.Now().UTC()
	err := e.s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
		for i := range n {
			day := model.Date(today.AddDate(0, 0, -1-i/10).Format(time.DateOnly))
			if _, err := tx.CreateProgress(ctx, model.Progress{InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, RaterID: e.o.Kabid.ID,
				WorkDate: day, Description: fmt.Sprintf("Pekerjaan nomor %d", i), Minutes: 30}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The desk's badge and the beranda count every waiting entry, not the
// ones on a page, and the desk pages to the oldest; approving from a later page returns
// to it.
func TestDeskPagesEveryWaitingEntry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		waitingFor(t, e, 263)
		kabid := e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")

		// Beranda counts them all too.
		if _, body := kabid.get("/"); !strings.Contains(body, "263 progres tim menunggu tanggapan Anda") {
			t.Error("the beranda does not count 263 waiting entries")
		}

		pick := regexp.MustCompile(`name="id" value="([^"]+)" form="batch"`)
		next := regexp.MustCompile(`href="(/meja\?kursor=[^"]+)" rel="next"`)
		seen := map[string]bool{}
		path, pages := "/meja", 0
		var second string
		for path != "" && pages < 10 {
			resp, body := kabid.get(path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d", path, resp.StatusCode)
			}
			pages++
			if !strings.Contains(body, `data-waiting-count>263</span>`) {
				t.Errorf("page %d: the badge does not say 263", pages)
			}
			for _, m := range pick.FindAllStringSubmatch(body, -1) {
				seen[m[1]] = true
			}
			if pages == 2 {
				second = path
			}
			path = ""
			if m := next.FindStringSubmatch(body); m != nil {
				path = strings.ReplaceAll(m[1], "&amp;", "&")
			}
		}
		if len(seen) != 263 || pages != 6 {
			t.Errorf("the desk reached %d of 263 entries in %d pages", len(seen), pages)
		}
		// The oldest entry is on the first page.
		if _, body := kabid.get("/meja"); !strings.Contains(body, "Pekerjaan nomor 262") || strings.Contains(body, "Pekerjaan nomor 0<") {
			t.Error("the first page does not begin with the oldest entries")
		}

		// Approve selected on the second page: back to that page, one fewer.
		_, body := kabid.get(second)
		id := pick.FindStringSubmatch(body)[1]
		cursor := strings.TrimPrefix(second, "/meja?kursor=")
		resp, _ := kabid.post("/meja/setujui", url.Values{"id": {id}, "kursor": {cursor}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/meja?disetujui=1&kursor="+cursor {
			t.Fatalf("approve selected: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		if _, body := kabid.get(resp.Header.Get("Location")); !strings.Contains(body, `data-waiting-count>262</span>`) || strings.Contains(body, `value="`+id+`"`) {
			t.Error("after approving one, the badge does not say 262 or the entry still waits")
		}
	})
}

// "Approve selected" with nothing ticked says so, and so does a choice
// that approves nothing; each checkbox is named by the person and the
// entry, not all alike.
func TestDeskApproveSelectedSaysWhatHappened(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		waitingFor(t, e, 2)
		kabid := e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")

		_, body := kabid.get("/meja")
		pick := regexp.MustCompile(`<input type="checkbox" name="id" value="([^"]+)" form="batch" id="(pick-[^"]+)"([^>]*)>\s*<label for="([^"]+)">([^<]+)<span class="visually-hidden">, [^<]+: (Pekerjaan nomor \d)</span></label>`)
		boxes := pick.FindAllStringSubmatch(body, -1)
		if len(boxes) != 2 {
			t.Fatalf("the desk offers %d named checkboxes, want 2", len(boxes))
		}
		for _, b := range boxes {
			if b[2] != b[4] || strings.Contains(b[3], "aria-label") || b[5] != e.o.Staff1.FullName() {
				t.Errorf("checkbox %s is not named by its person and entry: %q", b[1], b[0])
			}
		}
		if boxes[0][6] == boxes[1][6] {
			t.Error("two checkboxes have the same name")
		}

		resp, body := kabid.post("/meja/setujui", url.Values{})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Belum ada progres yang dipilih") || strings.Contains(body, "0 progres disetujui") {
			t.Errorf("nothing selected: %d, the page does not say so", resp.StatusCode)
		}
		if !strings.Contains(body, `value="`+boxes[0][1]+`"`) {
			t.Error("nothing selected: the desk is not shown again with its entries")
		}

		id := boxes[0][1]
		if resp, _ := kabid.post("/meja/setujui", url.Values{"id": {id}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("approve one: %d", resp.StatusCode)
		}
		resp, _ = kabid.post("/meja/setujui", url.Values{"id": {id}}) // approved already: nothing to do
		_, body = kabid.get(resp.Header.Get("Location"))
		if !strings.Contains(body, "Tidak ada progres yang disetujui") || strings.Contains(body, "0 progres disetujui") {
			t.Errorf("a choice that approves nothing: %s does not say so", resp.Header.Get("Location"))
		}
	})
}
