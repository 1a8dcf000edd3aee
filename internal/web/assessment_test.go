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

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// assessedJanuary gives Staff1 an approved SKP (one RHK utama, 12 modul
// a year) with January's realisasi of 2 modul, a PDF as its evidence, a
// progress entry and the supervisor's feedback on the RHK, then closes
// January, which makes the assessments of Staff1 and of the Kadis (whose
// SKP approvedBossSKP approved). It returns Staff1's SKP and January.
func assessedJanuary(t *testing.T, e env) (model.SKP, model.Period) {
	t.Helper()
	ctx := context.Background()
	skp, rhk := staffSKP(t, e)
	approveSKP(t, e, skp.ID, rhk)
	a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	in := e.o.Instansi.ID
	admin := model.Actor{UserID: "x", InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
	staff := model.Actor{UserID: "s", InstansiID: in, EmployeeID: e.o.Staff1.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
	year := a.Today(ctx, in).Time().Year()
	periods, err := a.Periods(ctx, admin, year)
	if err != nil {
		t.Fatal(err)
	}
	var jan model.Period
	for _, p := range periods {
		if p.Kind == model.PeriodMonthly && p.Number == 1 {
			jan = p
		}
	}
	jan.Status = model.PeriodOpen
	if err := a.MovePeriod(ctx, admin, jan, ""); err != nil {
		t.Fatal(err)
	}
	full, _ := e.s.SKP(ctx, skp.ID)
	re, err := a.SaveRealisasi(ctx, staff, skp.ID, 0, model.Realisasi{PeriodID: jan.ID, IndicatorID: full.RHK[0].Indicators[0].ID,
		Value: "2", Basis: "Modul antrean dan notifikasi"})
	if err != nil {
		t.Fatal(err)
	}
	staffB := e.browser(t)
	staffB.signIn(storetest.NIPStaff1, "rahasia-staf1")
	if resp, _ := staffB.postMultipart("/bukti", map[string]string{"target_type": "realisasi", "target_id": re.ID, "back": "/realisasi/" + skp.ID},
		"rekap modul januari.pdf", blob.SamplePDF("Rekap modul")); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("attach evidence: %d", resp.StatusCode)
	}
	// January is long past for a new entry today: the entry is recorded
	// as if sent then.
	if err := e.s.Write(ctx, model.SystemActor(in, "test"), func(tx *store.Tx) error {
		_, err := tx.CreateProgress(ctx, model.Progress{InstansiID: in, EmployeeID: e.o.Staff1.ID, RaterID: e.o.Kabid.ID, SKPID: skp.ID,
			RHKID: full.RHK[0].ID, WorkDate: model.Date(fmt.Sprintf("%d-01-14", year)), Description: "Memperbarui modul antrean", Minutes: 90})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	kabidB := e.browser(t)
	kabidB.signIn(storetest.NIPKabid, "rahasia-kabid")
	if resp, _ := kabidB.post("/umpan-balik", url.Values{"target_type": {"rhk"}, "target_id": {full.RHK[0].ID},
		"body": {"Modul antrean sudah dipakai loket"}, "back": {"/skp/" + skp.ID}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("feedback on the RHK: %d", resp.StatusCode)
	}
	jan.Status = model.PeriodClosed
	if err := a.MovePeriod(ctx, admin, jan, ""); err != nil {
		t.Fatal(err)
	}
	return skp, jan
}

var assessmentLink = regexp.MustCompile(`<a href="/penilaian/([0-9a-zA-Z-]+)">Andi Pratama</a>`)

func TestRatingAnAssessment(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		_, jan := assessedJanuary(t, e)
		kabid, staff := e.browser(t), e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")

		// The rater's list: the period, the person, one waiting.
		_, body := kabid.get("/penilaian")
		m := assessmentLink.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("the rater's list has no link to Staff1's assessment:\n%s", body)
		}
		id := m[1]
		if !strings.Contains(body, "Januari") || !strings.Contains(body, `data-waiting-count>1<`) || !strings.Contains(body, `href="/penilaian"`) {
			t.Error("the list lacks the period, the waiting count or the menu link")
		}
		page := "/penilaian/" + id
		// The period filter keeps the period's assessments.
		if _, body := kabid.get("/penilaian?periode=" + jan.ID); !strings.Contains(body, `value="`+jan.ID+`" selected`) || !strings.Contains(body, `href="`+"/penilaian/"+id+`"`) {
			t.Error("the period filter lost the period or its assessment")
		}

		// The rating screen: the evidence, the part due, the standing, the
		// progress, the feedback, the suggestion and the form.
		_, body = kabid.get(page)
		for _, want := range []string{"rekap modul januari.pdf", `href="/bukti/`, "target periode ini: 1 dari 12 modul", "Melampaui target",
			"Modul antrean dan notifikasi", "1 entri, 1:30 jam", "Modul antrean sudah dipakai loket", "Saran rating hasil kerja: <strong>Di Atas Ekspektasi</strong>",
			`name="hasil_kerja" value="di_atas"`, `name="perilaku_kerja" value="sesuai"`, `name="umpan_rhk.`, `name="umpan_nilai.berorientasi_pelayanan"`,
			"Belum ditetapkan", `data-predikat-matrix="{`, "Simpan rating"} {
			if !strings.Contains(body, want) {
				t.Errorf("the rating screen lacks %q", want)
			}
		}
		if strings.Contains(body, `action="`+page+`/kirim"`) {
			t.Error("sending is offered before rating")
		}
		before, _ := s.Assessment(ctx, id)
		rhkField := field(t, body, `name="(umpan_rhk\.[^"]+)"`)
		v0 := fmt.Sprint(before.Version)
		if !strings.Contains(body, `name="version" value="`+v0+`"`) {
			t.Error("the form does not carry the version read")
		}

		// A predikat typed into the form is refused and changes nothing.
		resp, body := kabid.post(page, url.Values{"version": {v0}, "hasil_kerja": {"di_bawah"}, "perilaku_kerja": {"di_bawah"},
			"predikat": {"sangat_baik"}, "note": {"Catatan yang diketik"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Predikat tidak dapat diisi") ||
			!strings.Contains(body, "Catatan yang diketik") {
			t.Errorf("a posted predikat: %d", resp.StatusCode)
		}
		linksToOwnField(t, "a posted predikat", body, "f-predikat", "Predikat tidak dapat diisi")
		if got, _ := s.Assessment(ctx, id); got.Version != before.Version || got.Predikat != "" {
			t.Errorf("a refused rating changed the assessment: %+v", got)
		}
		// A missing rating comes back with the field's message and what was typed.
		resp, body = kabid.post(page, url.Values{"version": {v0}, "hasil_kerja": {"di_atas"}, "note": {"Pertahankan"}, rhkField: {"Tepat waktu"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Pilih Di Atas, Sesuai, atau Di Bawah Ekspektasi") ||
			!strings.Contains(body, ">Tepat waktu</textarea>") || !strings.Contains(body, `name="hasil_kerja" value="di_atas" checked`) {
			t.Errorf("a missing rating: %d", resp.StatusCode)
		}

		// In English the same refusal is in English.
		resp, body = kabid.post(page+"?lang=en", url.Values{"version": {v0}, "hasil_kerja": {"di_atas"}, "predikat": {"baik"}})
		if texts := errorTexts(body); resp.StatusCode != http.StatusUnprocessableEntity || len(texts) == 0 {
			t.Errorf("English refusal: %d, %q", resp.StatusCode, texts)
		} else {
			for _, text := range texts {
				if w := indonesian.FindString(text); w != "" || rawKey.MatchString(text) {
					t.Errorf("English error %q has %q", text, w)
				}
			}
		}

		// Rated: the predikat follows from the two ratings.
		resp, _ = kabid.post(page, url.Values{"version": {v0}, "hasil_kerja": {"di_atas"}, "perilaku_kerja": {"sesuai"},
			"note": {"Pertahankan"}, rhkField: {"Tepat waktu"}, "umpan_nilai.kolaboratif": {"Aktif membantu rekan"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("rate: %d", resp.StatusCode)
		}
		_, body = kabid.get(resp.Header.Get("Location"))
		if !strings.Contains(body, `<span class="predikat predikat-baik" data-predikat>Baik</span>`) || !strings.Contains(body, "Rating tersimpan") {
			t.Errorf("the saved predikat is not shown:\n%s", body)
		}
		// Rated, but the OPD's capaian kinerja organisasi is not set yet:
		// Kirim is disabled with the reason beside it, the rating form stays.
		if strings.Contains(body, `action="`+page+`/kirim"`) || !strings.Contains(body, `disabled aria-describedby="kirim-refused"`) ||
			!strings.Contains(body, "Capaian kinerja organisasi OPD ini untuk periode ini belum ditetapkan") || !strings.Contains(body, `name="hasil_kerja"`) {
			t.Errorf("sending offered, or withheld without its reason, before the capaian is set:\n%s", section(body, `id="kirim"`))
		}
		// A second save from the stale page is refused, with the text kept.
		resp, body = kabid.post(page, url.Values{"version": {v0}, "hasil_kerja": {"di_bawah"}, "perilaku_kerja": {"sesuai"}, "note": {"Dari halaman lama"}})
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "telah diubah") || !strings.Contains(body, "Dari halaman lama") {
			t.Errorf("stale rating: %d", resp.StatusCode)
		}
		// Sending needs the capaian kinerja organisasi, not set yet.
		rated, _ := s.Assessment(ctx, id)
		resp, body = kabid.post(page+"/kirim", url.Values{"version": {fmt.Sprint(rated.Version)}})
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "Capaian kinerja organisasi perangkat daerah ini untuk periode ini belum ditetapkan") {
			t.Errorf("send without capaian: %d", resp.StatusCode)
		}

		// The employee does not see the draft rating.
		_, body = staff.get(page)
		if !strings.Contains(body, "Penilaian sedang berlangsung") || strings.Contains(body, "data-predikat>") || strings.Contains(body, "Aktif membantu rekan") ||
			!strings.Contains(body, `data-live-assessment="`+id+`"`) {
			t.Error("the employee sees the draft or the page does not listen for the result")
		}
		if !strings.Contains(body, "Bagaimana hasil ini dicapai") || !strings.Contains(body, "rekap modul januari.pdf") {
			t.Error("the employee does not see what the result rests on")
		}
		if resp, _ := staff.post(page, url.Values{"version": {fmt.Sprint(rated.Version)}, "hasil_kerja": {"di_atas"}, "perilaku_kerja": {"di_atas"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the employee rated themselves: %d", resp.StatusCode)
		}

		// Once final (the capaian's own branch sends it; here the store
		// does), the employee reads the result and acknowledges it.
		final := rated
		final.Status, final.FinalizedBy, final.FinalizedAt = model.AssessmentFinal, e.o.Kabid.ID, time.Now().UTC()
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			if _, err := tx.UpdateAssessment(ctx, "assessment.finalize", rated, final); err != nil {
				return err
			}
			// A calibration move, as the calibration page records one.
			_, err := tx.AddAssessmentMove(ctx, model.AssessmentMove{AssessmentID: id, MovedBy: e.o.Kadis.ID, Reason: "Sebaran OPD melebihi pola",
				From: model.RatingPair{HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingDiAtas, Predikat: model.PredikatSangatBaik},
				To:   model.RatingPair{HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingSesuai, Predikat: model.PredikatBaik}})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		_, body = staff.get("/penilaian")
		if !strings.Contains(body, `href="/penilaian/`+id+`"`) || !strings.Contains(body, "predikat-baik") {
			t.Error("the employee's list lacks the result")
		}
		_, body = staff.get(page)
		for _, want := range []string{"Hasil penilaian Anda", "Di Atas Ekspektasi", "Sesuai Ekspektasi", `data-predikat>Baik<`, "Pertahankan",
			"Tepat waktu", "Aktif membantu rekan", "Siti Rahmawati", "Konfirmasi bahwa saya sudah membaca hasil ini", "Diterima pegawai", "Belum dikonfirmasi", `id="keberatan"`, "hanya menerima keberatan atas hasil penilaian tahunan",
			"Perubahan hasil sesudah dikirim", "Dipindahkan dalam kalibrasi.", "Budi Santoso", "Sebaran OPD melebihi pola"} {
			if !strings.Contains(body, want) {
				t.Errorf("the employee's result lacks %q", want)
			}
		}
		if strings.Contains(body, `name="hasil_kerja"`) || strings.Contains(body, "data-live-assessment") {
			t.Error("the employee's final result offers the rating form or still waits for it")
		}
		if resp, _ := kabid.post(page+"/terima", nil); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the rater acknowledged for the employee: %d", resp.StatusCode)
		}
		if resp, _ := staff.post(page+"/terima", nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("acknowledge: %d", resp.StatusCode)
		}
		_, body = staff.get(page)
		if strings.Contains(body, "Konfirmasi bahwa saya sudah membaca hasil ini") || strings.Contains(body, "Belum dikonfirmasi") {
			t.Error("the acknowledged result still asks to be acknowledged")
		}
		// A second confirmation is a conflict whose page says why.
		if resp, body := staff.post(page+"/terima", nil); resp.StatusCode != http.StatusConflict || !strings.Contains(body, "Hasil penilaian ini sudah dikonfirmasi.") {
			t.Errorf("a second confirmation: %d, reason shown: %v", resp.StatusCode, strings.Contains(body, "sudah dikonfirmasi"))
		}
		if got, _ := s.Assessment(ctx, id); got.AcknowledgedAt.IsZero() {
			t.Error("the acknowledgement was not recorded")
		}
		// The rater's final result is read-only.
		_, body = kabid.get(page)
		if strings.Contains(body, `name="perilaku_kerja"`) || !strings.Contains(body, `data-predikat>Baik<`) {
			t.Error("the rater can still change a final result")
		}

		// A colleague does not know the assessment exists.
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		if _, err := a.CreateUser(ctx, model.SystemActor(e.o.Instansi.ID, "test"), app.NewUser{EmployeeNIP: storetest.NIPStaff2, Password: "rahasia-staf2"}); err != nil {
			t.Fatal(err)
		}
		other := e.browser(t)
		other.signIn(storetest.NIPStaff2, "rahasia-staf2")
		if resp, _ := other.get(page); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a colleague reads the assessment: %d", resp.StatusCode)
		}
		if resp, _ := other.post(page+"/terima", nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a colleague acknowledges: %d", resp.StatusCode)
		}
		_, body = other.get("/penilaian")
		if strings.Contains(body, id) {
			t.Error("a colleague's list shows the assessment")
		}
	})
}

func TestALeadersHasilKerjaIsFixed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		assessedJanuary(t, e)
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		hash, _ := a.HashPassword("rahasia-wali")
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			_, err := tx.CreateUser(ctx, model.User{InstansiID: e.o.Instansi.ID, Username: "walikota", DisplayName: "Wali Kota",
				EmployeeID: e.o.WaliKota.ID, PasswordHash: hash})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		wali := e.browser(t)
		wali.signIn("walikota", "rahasia-wali")
		_, body := wali.get("/penilaian")
		m := regexp.MustCompile(`<a href="/penilaian/([0-9a-zA-Z-]+)">Budi Santoso</a>`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("the Wali Kota's list lacks the Kadis:\n%s", body)
		}
		page := "/penilaian/" + m[1]
		_, body = wali.get(page)
		if strings.Contains(body, `name="hasil_kerja"`) || !strings.Contains(body, "mengikuti capaian kinerja organisasi, yang belum ditetapkan") ||
			!strings.Contains(body, `name="perilaku_kerja"`) {
			t.Error("the leader's rating hasil kerja is not shown fixed from the capaian")
		}
		resp, body := wali.post(page, url.Values{"version": {"0"}, "hasil_kerja": {"di_atas"}, "perilaku_kerja": {"sesuai"}})
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "capaian kinerja organisasi, yang untuk periode ini belum ditetapkan") {
			t.Errorf("rating a leader without capaian: %d", resp.StatusCode)
		}
		// The administrator without an employee record has no penilaian menu.
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		if _, body := admin.get("/"); strings.Contains(body, `href="/penilaian"`) {
			t.Error("an account without an employee record has the penilaian menu")
		}
	})
}
