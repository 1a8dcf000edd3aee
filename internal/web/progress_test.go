package web_test

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// staffSKP gives Staff1 an SKP for the current year with one RHK.
func staffSKP(t *testing.T, e env) (model.SKP, model.RHK) {
	t.Helper()
	ctx := context.Background()
	approvedBossSKP(t, e)
	a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	staff := model.Actor{UserID: "s", InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
	s, err := a.CreateSKP(ctx, staff, e.o.Staff1.ID, a.Today(context.Background(), e.o.Instansi.ID).Time().Year(), model.ApproachKuantitatif)
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.SaveRHK(ctx, staff, s.Version, model.RHK{SKPID: s.ID, Kind: model.RHKUtama, Description: "Terpeliharanya aplikasi layanan"})
	if err != nil {
		t.Fatal(err)
	}
	return s, r
}

// approveSKP gives an SKP's RHK an indicator and records its approval,
// so that progress may serve its RHK.
func approveSKP(t *testing.T, e env, id string, rhk model.RHK) {
	t.Helper()
	ctx := context.Background()
	a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	s, _ := e.s.SKP(ctx, id)
	owner := model.Actor{UserID: "o", InstansiID: s.InstansiID, EmployeeID: s.EmployeeID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
	if _, err := a.AddIndicator(ctx, owner, s.Version, model.Indicator{RHKID: rhk.ID, Aspect: model.AspectKuantitas,
		Description: "Modul yang diperbarui", Target: "12", Unit: "modul"}); err != nil {
		t.Fatal(err)
	}
	full, _ := e.s.SKP(ctx, id)
	full.Status = model.SKPApproved
	if err := e.s.Write(ctx, model.SystemActor(s.InstansiID, "test"), func(tx *store.Tx) error {
		return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove)
	}); err != nil {
		t.Fatal(err)
	}
}

func TestProgressPagesAndDesk(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		skp, rhk := staffSKP(t, e)
		approveSKP(t, e, skp.ID, rhk)
		staff, kabid := e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")

		_, body := staff.get("/progres")
		today := field(t, body, `name="date" type="date" value="([0-9-]+)"`)
		if !strings.Contains(body, `<option value="`+rhk.ID+`"`) || !strings.Contains(body, `data-draft=`) {
			t.Fatal("the progress form does not offer the RHK of the SKP or keep drafts")
		}
		// A time that is not a time comes back with the reason and the text kept.
		resp, body := staff.post("/progres", url.Values{"date": {today}, "rhk_id": {rhk.ID}, "description": {"Memperbarui modul antrean"},
			"output": {"2 modul"}, "minutes": {"sejam"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "jam:menit") || !strings.Contains(body, "Memperbarui modul antrean</textarea>") {
			t.Fatalf("bad time: %d", resp.StatusCode)
		}
		// An absurd time is refused with a clear message, not an overflow.
		resp, body = staff.post("/progres", url.Values{"date": {today}, "description": {"Rapat"}, "minutes": {"307445734561825861:00"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "paling lama 24 jam") || strings.Contains(body, "progress.err.") {
			t.Errorf("an absurd time: %d", resp.StatusCode)
		}
		// The page's form is multipart (it can carry a file).
		resp, _ = staff.postMultipart("/progres", map[string]string{"date": today, "rhk_id": rhk.ID, "description": "Memperbarui modul antrean",
			"output": "2 modul", "minutes": "1:30"}, "", nil)
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || !strings.Contains(loc, "ok=1#progress-") {
			t.Fatalf("submit: %d %s", resp.StatusCode, loc)
		}
		id := loc[strings.Index(loc, "#progress-")+len("#progress-"):]
		_, body = staff.get("/progres?tanggal=" + today + "&ok=1")
		if !strings.Contains(body, "Menunggu tanggapan") || !strings.Contains(body, "1:30 · 2 modul") || !strings.Contains(body, "Progres terkirim") {
			t.Error("the day does not list the entry as sent")
		}

		// The author cannot review their own waiting entry.
		if _, body := staff.get("/progres/" + id); strings.Contains(body, "/setujui") || strings.Contains(body, "/kembalikan") {
			t.Error("the author is offered to review their own entry")
		}

		// A photo goes with an entry; a program named .pdf is refused and
		// the entry is not sent.
		photo := blob.SampleJPEG(48, 36, 9)
		resp, _ = staff.postMultipart("/progres", map[string]string{"date": today, "rhk_id": rhk.ID, "description": "Dokumentasi uji coba",
			"minutes": "30"}, "IMG_2041.JPG", photo)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("entry with a photo: %d", resp.StatusCode)
		}
		_, body = staff.get("/progres?tanggal=" + today)
		link := field(t, body, `<a href="(/bukti/[0-9a-f]+)">IMG_2041.jpg</a>`)
		if resp, got := kabid.get(link); resp.StatusCode != 200 || got != string(photo) || resp.Header.Get("Content-Type") != "image/jpeg" {
			t.Errorf("the supervisor's download: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		exe := append([]byte("MZ\x90\x00\x03"), bytes.Repeat([]byte{0}, 3000)...)
		resp, body = staff.postMultipart("/progres", map[string]string{"date": today, "description": "Kiriman lain", "minutes": "10"}, "laporan.pdf", exe)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "program Windows") || !strings.Contains(body, "Kiriman lain</textarea>") {
			t.Errorf("a program named .pdf: %d", resp.StatusCode)
		}
		if _, body := staff.get("/progres?tanggal=" + today); strings.Count(body, `class="entry"`) != 2 {
			t.Errorf("entries after the refused upload = %d, want 2", strings.Count(body, `class="entry"`))
		}
		// Beranda tells both what the day holds.
		if _, body := staff.get("/"); !strings.Contains(body, "Progres hari ini: 2 tercatat") {
			t.Error("the ASN's beranda does not count today's entries")
		}
		if _, body := kabid.get("/"); !strings.Contains(body, "2 progres tim menunggu tanggapan Anda") {
			t.Error("the supervisor's beranda does not show the entries waiting")
		}

		// An output without a number is kept as typed; time in words is read.
		resp, _ = staff.post("/progres", url.Values{"date": {today}, "description": {"Menyusun SOP layanan"}, "output": {"draf SOP"}, "minutes": {"1 jam 15 menit"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("entry in words: %d", resp.StatusCode)
		}
		if _, body := staff.get("/progres?tanggal=" + today); !strings.Contains(body, "1:15 · draf SOP") || strings.Contains(body, "0 draf SOP") {
			t.Error("the entry in words is not shown as typed")
		}

		// The supervisor's desk lists it; the fragment for live insertion matches.
		_, body = kabid.get("/meja")
		if !strings.Contains(body, "Memperbarui modul antrean") || !strings.Contains(body, `name="id" value="`+id+`" form="batch"`) {
			t.Fatal("the desk does not list the waiting entry")
		}
		if !strings.Contains(body, "Terpeliharanya aplikasi layanan") || !strings.Contains(body, "<meter") {
			t.Error("the desk lacks the progress per RHK")
		}
		resp, body = kabid.get("/fragmen/progres/" + id)
		if resp.StatusCode != 200 || !strings.HasPrefix(strings.TrimSpace(body), `<li id="progress-`+id+`"`) || strings.Contains(body, "<html") {
			t.Errorf("fragment: %d %.200s", resp.StatusCode, body)
		}
		// The supervisor opens a person's week; the person cannot open the supervisor's.
		if resp, body := kabid.get("/progres/pegawai/" + e.o.Staff1.ID); resp.StatusCode != 200 || !strings.Contains(body, "Memperbarui modul antrean") {
			t.Errorf("the supervisor's view of the person's week: %d", resp.StatusCode)
		}
		if resp, _ := staff.get("/progres/pegawai/" + e.o.Kabid.ID); resp.StatusCode != http.StatusNotFound {
			t.Errorf("an ASN opened the supervisor's progress: %d", resp.StatusCode)
		}
		other := e.browser(t)
		other.signIn("admin", "rahasia-admin")
		if resp, _ := staff.get("/meja"); resp.StatusCode != 200 {
			t.Errorf("an ASN's desk: %d", resp.StatusCode)
		}

		// Returned with a note, fixed and sent again, approved from the desk.
		_, body = kabid.get("/progres/" + id)
		ver := field(t, body, `name="version" value="(\d+)"`)
		if resp, _ := kabid.post("/progres/"+id+"/kembalikan", url.Values{"version": {ver}, "note": {"Sebutkan nama modulnya"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("return: %d", resp.StatusCode)
		}
		_, body = staff.get("/progres/" + id)
		if !strings.Contains(body, "Sebutkan nama modulnya") || !strings.Contains(body, `action="/progres/`+id+`/ulang"`) {
			t.Fatal("the author cannot fix the returned entry")
		}
		resp, _ = staff.post("/progres/"+id+"/ulang", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)}, "date": {today},
			"rhk_id": {rhk.ID}, "description": {"Memperbarui modul antrean dan notifikasi"}, "output": {"2 modul"}, "minutes": {"95"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("resubmit: %d", resp.StatusCode)
		}
		resp, _ = kabid.post("/meja/setujui", url.Values{"id": {id}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/meja?disetujui=1" {
			t.Fatalf("batch approve: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}

		// Feedback on the entry reaches the author's page; strangers see nothing.
		resp, _ = kabid.post("/umpan-balik", url.Values{"target_type": {"progress"}, "target_id": {id}, "body": {"Mantap, terima kasih"},
			"back": {"/progres/" + id}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/progres/"+id {
			t.Fatalf("feedback: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		_, body = staff.get("/progres/" + id)
		if !strings.Contains(body, "Mantap, terima kasih") || !strings.Contains(body, "Disetujui") {
			t.Error("the author does not see the approval and the feedback")
		}
		resp, body = other.get("/progres/" + id)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("the BKPSDM admin cannot see the entry: %d", resp.StatusCode)
		}
		// Without an employee record there is nobody to sign a message.
		if strings.Contains(body, `action="/umpan-balik"`) || !strings.Contains(body, "Mantap, terima kasih") {
			t.Error("the BKPSDM admin without an employee record is offered to write feedback")
		}
	})
}

// postMultipart posts a multipart form as the browser sends the progress
// form, with a file when name is not empty.
func (b *browser) postMultipart(path string, fields map[string]string, name string, content []byte) (*http.Response, string) {
	b.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	if name != "" {
		f, _ := w.CreateFormFile("file", name)
		f.Write(content)
	}
	w.Close()
	req, _ := http.NewRequest("POST", b.e.url+path, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Origin", b.e.url)
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// TestProgressFormShowsEveryError checks a form with several faults comes
// back with all of them at once: a time that does not parse does not hide a
// day still to come or an empty description.
func TestProgressFormShowsEveryError(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		staffSKP(t, e)
		staff := e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		resp, body := staff.post("/progres", url.Values{"date": {"2999-01-01"}, "description": {"  "}, "minutes": {"sejam"}})
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", resp.StatusCode)
		}
		for _, want := range []string{"jam:menit", "tanggal yang belum tiba", "Uraian kegiatan wajib diisi"} {
			if !strings.Contains(body, want) {
				t.Errorf("the form does not say %q", want)
			}
		}
		if strings.Contains(body, "antara 1 menit dan 24 jam") {
			t.Error("a time that did not parse also shows the range error")
		}
	})
}

// TestUploadOverTheLimitKeepsTheForm checks that a file over the
// instansi's limit is answered with the limit in MB, beside what was typed,
// instead of "the form could not be read", on the progress form and on
// /bukti; and that an output without a number and "2 jam" are kept as
// typed.
func TestUploadOverTheLimitKeepsTheForm(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		staffSKP(t, e)
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		if resp, _ := admin.post("/tahun/bukti", url.Values{"max_mb": {"1"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("set the limit: %d", resp.StatusCode)
		}
		staff := e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		_, body := staff.get("/progres")
		if !strings.Contains(body, `data-max-bytes="1048576"`) {
			t.Error("the progress form does not tell the browser the limit")
		}
		today := field(t, body, `name="date" type="date" value="([0-9-]+)"`)
		photo := append(blob.SampleJPEG(64, 64, 1), bytes.Repeat([]byte{0}, 1<<20+1)...)
		fields := map[string]string{"date": today, "description": "Menyusun draf SOP layanan", "output": "draf SOP", "minutes": "2 jam"}
		resp, body := staff.postMultipart("/progres", fields, "foto.jpg", photo)
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "paling besar 1 MB") {
			t.Errorf("a photo over the limit: %d", resp.StatusCode)
		}
		for _, kept := range []string{"Menyusun draf SOP layanan</textarea>", `value="draf SOP"`, `value="2 jam"`} {
			if !strings.Contains(body, kept) {
				t.Errorf("the form lost %s", kept)
			}
		}
		if strings.Contains(body, "tidak dapat dibaca") {
			t.Error("an oversize file is still \"unreadable\"")
		}
		// The same entry without the photo is kept as typed.
		resp, _ = staff.postMultipart("/progres", fields, "", nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("the entry without its photo: %d", resp.StatusCode)
		}
		loc := resp.Header.Get("Location")
		if _, body := staff.get(loc); !strings.Contains(body, "2:00 · draf SOP") || strings.Contains(body, "0 draf SOP") {
			t.Error("\"draf SOP\" and \"2 jam\" are not kept as typed")
		}
		_, id, _ := strings.Cut(loc, "#progress-")
		resp, body = staff.postMultipart("/bukti", map[string]string{"target_type": "progress", "target_id": id, "back": "/progres/" + id}, "foto.jpg", photo)
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "paling besar 1 MB") || !strings.Contains(body, `href="/progres/`+id+`"`) {
			t.Errorf("/bukti over the limit: %d", resp.StatusCode)
		}
	})
}

// A day still to come in a page's address (the staff's day, a team
// member's week) shows today with the reason the day asked for is not
// shown, in the reader's language; an old day shows why it takes no entry.
func TestProgressPagesSayADayIsStillToCome(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		staff, kabid := e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		today := a.Today(context.Background(), e.o.Instansi.ID).Time()
		tomorrow, old := today.AddDate(0, 0, 1).Format("2006-01-02"), today.AddDate(0, 0, -70).Format("2006-01-02")
		for _, c := range []struct {
			who  *browser
			path string
		}{{staff, "/progres?tanggal=" + tomorrow}, {kabid, "/progres/pegawai/" + e.o.Staff1.ID + "?tanggal=" + tomorrow}} {
			resp, body := c.who.get(c.path)
			if resp.StatusCode != 200 || !strings.Contains(body, "data-notice") || !strings.Contains(body, "untuk tanggal yang belum tiba") {
				t.Errorf("%s: %d, no notice of a day still to come", c.path, resp.StatusCode)
			}
		}
		if _, body := staff.get("/progres?tanggal=" + today.Format("2006-01-02")); strings.Contains(body, "data-notice") {
			t.Error("today's progress page carries a notice")
		}
		if _, body := staff.get("/progres?tanggal=" + old); !strings.Contains(body, "data-refused") || !strings.Contains(body, "lebih dari dua bulan lalu") || strings.Contains(body, `action="/progres"`) {
			t.Error("a day more than two months back offers the form")
		}
	})
}
