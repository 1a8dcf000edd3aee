package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// feedbackForm fills the B.1.8 form: the first n statements answered v.
func feedbackForm(n int, v string, comment string) url.Values {
	f := url.Values{"comment": {comment}}
	for i := 1; i <= n; i++ {
		f.Set("q"+string(rune('0'+i)), v)
	}
	return f
}

// TestCoachingPages: the Kabid records a session with a member of the
// team, the ASN answers B.1.8 from their list, the Kabid fills B.1.9; a
// colleague outside the line can neither read nor record.
func TestCoachingPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		if _, err := a.CreateUser(context.Background(), model.SystemActor(e.o.Instansi.ID, "test"),
			app.NewUser{EmployeeNIP: storetest.NIPStaff2, Password: "rahasia-staf2"}); err != nil {
			t.Fatal(err)
		}
		kabid, staff, colleague := e.browser(t), e.browser(t), e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		colleague.signIn(storetest.NIPStaff2, "rahasia-staf2")
		today := a.Today(context.Background(), e.o.Instansi.ID)

		// The Kabid's page offers the team in the form, every input labelled.
		resp, body := kabid.get("/bimbingan")
		if resp.StatusCode != 200 || !strings.Contains(body, `action="/bimbingan"`) ||
			!strings.Contains(body, `<option value="`+e.o.Staff1.ID+`">Andi Pratama`) || !strings.Contains(body, `<option value="`+e.o.Staff2.ID+`">Dewi Lestari`) {
			t.Fatalf("the Kabid's coaching page: %d", resp.StatusCode)
		}
		for _, id := range []string{"employee_id", "kind", "held_on", "topic", "notes", "actions", "next_review"} {
			if !strings.Contains(body, `<label for="`+id+`">`) || !strings.Contains(body, `id="`+id+`"`) {
				t.Errorf("the form field %s has no label", id)
			}
		}
		if strings.Contains(body, "<script>") || strings.Contains(body, " style=") {
			t.Error("inline script or style on the page")
		}

		// Without a topic the form comes back with the reason and what was typed.
		session := url.Values{"employee_id": {e.o.Staff1.ID}, "kind": {"coaching"}, "held_on": {string(today)}, "topic": {""},
			"notes": {"Laporan Januari terlambat dua minggu"}, "actions": {"Menyusun jadwal mingguan"}, "next_review": {string(today)}}
		resp, body = kabid.post("/bimbingan", session)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Topik wajib diisi") ||
			!strings.Contains(body, "Laporan Januari terlambat dua minggu</textarea>") || !strings.Contains(body, `aria-invalid="true"`) {
			t.Fatalf("session without a topic: %d", resp.StatusCode)
		}
		session.Set("topic", "Penyelesaian laporan layanan daring")
		resp, _ = kabid.post("/bimbingan", session)
		loc := resp.Header.Get("Location")
		m := regexp.MustCompile(`^/bimbingan/([0-9a-f]{32})\?ok=rekam$`).FindStringSubmatch(loc)
		if resp.StatusCode != http.StatusSeeOther || m == nil {
			t.Fatalf("record: %d %q", resp.StatusCode, loc)
		}
		id := m[1]
		_, body = kabid.get(loc)
		if !strings.Contains(body, "Bimbingan dicatat") || !strings.Contains(body, "Penyelesaian laporan layanan daring") ||
			!strings.Contains(body, "Pegawai belum mengisi umpan balik") || !strings.Contains(body, `action="/bimbingan/`+id+`/kompetensi"`) ||
			strings.Contains(body, "/umpan-balik") {
			t.Error("the coach's view of the new session")
		}

		// The colleague outside the line sees nothing and may record nothing.
		if resp, _ := colleague.get("/bimbingan/" + id); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a colleague opened the session: %d", resp.StatusCode)
		}
		if resp, _ := colleague.post("/bimbingan", session); resp.StatusCode != http.StatusForbidden {
			t.Errorf("a colleague recorded a session: %d", resp.StatusCode)
		}
		if resp, _ := colleague.post("/bimbingan/"+id+"/umpan-balik", feedbackForm(9, "4", "")); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a colleague answered: %d", resp.StatusCode)
		}
		if _, body := colleague.get("/bimbingan"); strings.Contains(body, "Penyelesaian laporan") || strings.Contains(body, `action="/bimbingan"`) {
			t.Error("the colleague's list shows the session or the record form")
		}

		// The ASN finds it from the beranda and answers on the list.
		if _, body := staff.get("/"); !strings.Contains(body, `href="/bimbingan"`) {
			t.Error("no link to bimbingan on the beranda")
		}
		_, body = staff.get("/bimbingan")
		if !strings.Contains(body, "Menunggu umpan balik Anda") || !strings.Contains(body, `action="/bimbingan/`+id+`/umpan-balik"`) ||
			!strings.Contains(body, "Saya merasa didengarkan selama bimbingan kinerja") || strings.Contains(body, `action="/bimbingan"`) {
			t.Fatal("the ASN's list lacks the B.1.8 form")
		}
		resp, body = staff.post("/bimbingan/"+id+"/umpan-balik", feedbackForm(8, "4", "Sangat membantu"))
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Pilih jawaban 1 sampai 4") ||
			!strings.Contains(body, `<option value="4" selected>`) || !strings.Contains(body, "Sangat membantu</textarea>") {
			t.Errorf("eight answers: %d", resp.StatusCode)
		}
		if resp, _ := kabid.post("/bimbingan/"+id+"/umpan-balik", feedbackForm(9, "1", "")); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the coach answered the ASN's feedback: %d", resp.StatusCode)
		}
		resp, _ = staff.post("/bimbingan/"+id+"/umpan-balik", feedbackForm(9, "4", "Sangat membantu"))
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("answer: %d", resp.StatusCode)
		}
		resp, body = staff.post("/bimbingan/"+id+"/umpan-balik", feedbackForm(9, "1", ""))
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "sudah diisi") {
			t.Errorf("answered twice: %d", resp.StatusCode)
		}

		// B.1.9 by the coach; the ASN cannot.
		scores := url.Values{"competence0": {"Manajemen waktu"}, "score0": {"3"}, "reason0": {"Perlu jadwal tertulis"},
			"competence1": {""}, "score1": {""}, "reason1": {""}}
		if resp, _ := staff.post("/bimbingan/"+id+"/kompetensi", scores); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the ASN evaluated themselves: %d", resp.StatusCode)
		}
		resp, body = kabid.post("/bimbingan/"+id+"/kompetensi", url.Values{"competence0": {"Komunikasi"}, "score0": {""}, "reason0": {""}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Nilai kompetensi 1 sampai 5") || !strings.Contains(body, `value="Komunikasi"`) {
			t.Errorf("competence without a score: %d", resp.StatusCode)
		}
		if resp, _ := kabid.post("/bimbingan/"+id+"/kompetensi", scores); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("competence: %d", resp.StatusCode)
		}
		_, body = staff.get("/bimbingan/" + id)
		if !strings.Contains(body, "Manajemen waktu") || !strings.Contains(body, "<strong>3</strong>") || !strings.Contains(body, "<strong>Sangat setuju</strong>") ||
			!strings.Contains(body, "Sangat membantu") || strings.Contains(body, `action="/bimbingan/`+id+`/umpan-balik"`) {
			t.Error("the ASN's view of the answered session")
		}
		_, body = kabid.get("/bimbingan")
		if !strings.Contains(body, "Umpan balik diisi") || !strings.Contains(body, "Andi Pratama") {
			t.Error("the coach's list does not show the answer")
		}
		_, body = kabid.get("/bimbingan/" + id + "?lang=en")
		if !strings.Contains(body, "I felt listened to during the session") || !strings.Contains(body, "Strongly agree") {
			t.Error("the English page lacks the translated B.1.8")
		}
	})
}
