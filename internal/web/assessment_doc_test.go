package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// docFixture gives Staff1 a final January assessment rated by the Kepala
// Bidang in a Kominfo whose capaian the Wali Kota set; it makes the users
// "walikota" and Staff2 and answers the assessment's and January's ids.
func docFixture(t *testing.T, e env) (assessmentID, periodID string) {
	t.Helper()
	ctx := context.Background()
	a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	sys := model.SystemActor(e.o.Instansi.ID, "test")
	if _, err := a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: storetest.NIPStaff2, Password: "rahasia-staf2"}); err != nil {
		t.Fatal(err)
	}
	hash, _ := a.HashPassword("rahasia-wali")
	if err := e.s.Write(ctx, sys, func(tx *store.Tx) error {
		_, err := tx.CreateUser(ctx, model.User{InstansiID: e.o.Instansi.ID, Username: "walikota", DisplayName: "Wali Kota Uji",
			EmployeeID: e.o.WaliKota.ID, PasswordHash: hash})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	actor := func(user, pw string) model.Actor {
		res, err := a.Login(ctx, app.LoginRequest{Username: user, Password: pw, Kind: "web", IP: "198.51.100.7"})
		if err != nil {
			t.Fatal(err)
		}
		act, err := a.Authenticate(ctx, res.Token, "198.51.100.7")
		if err != nil {
			t.Fatal(err)
		}
		return act
	}
	admin, staff, kabid, wali := actor("admin", "rahasia-admin"), actor(storetest.NIPStaff1, "rahasia-staf1"),
		actor(storetest.NIPKabid, "rahasia-kabid"), actor("walikota", "rahasia-wali")
	periods, err := a.OpenYear(ctx, admin, 2026, model.PeriodMonthly, 5)
	if err != nil {
		t.Fatal(err)
	}
	skp, err := a.CreateSKP(ctx, staff, e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
	if err != nil {
		t.Fatal(err)
	}
	rhk, err := a.SaveRHK(ctx, staff, skp.Version, model.RHK{SKPID: skp.ID, Kind: model.RHKUtama, Description: "Tersusunnya laporan layanan"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddIndicator(ctx, staff, skp.Version+1, model.Indicator{RHKID: rhk.ID, Aspect: model.AspectKuantitas,
		Description: "Jumlah layanan daring", Target: "12", Unit: "layanan"}); err != nil {
		t.Fatal(err)
	}
	full, _ := e.s.SKP(ctx, skp.ID)
	full.Status = model.SKPApproved
	if err := e.s.Write(ctx, sys, func(tx *store.Tx) error { return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove) }); err != nil {
		t.Fatal(err)
	}
	jan := periods[0]
	for _, st := range []model.PeriodStatus{model.PeriodOpen, model.PeriodClosed} {
		jan.Status = st
		if err := a.MovePeriod(ctx, admin, jan, "perbaikan data"); err != nil {
			t.Fatalf("move January to %s: %v", st, err)
		}
	}
	if _, err := a.SetUnitPerformance(ctx, wali, e.o.Kominfo.ID, jan.ID, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
		Basis: "Capaian Perjanjian Kinerja Januari"}); err != nil {
		t.Fatal(err)
	}
	page, err := a.Assessments(ctx, kabid, app.AssessmentFilter{Mine: true, PeriodID: jan.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range page.Items {
		if it.SKPID != skp.ID {
			continue
		}
		rated, err := a.RateAssessment(ctx, kabid, it.ID, app.RateInput{HasilKerja: model.RatingSesuai, PerilakuKerja: model.RatingSesuai,
			Note: "Tingkatkan dokumentasi bukti dukung", Version: it.Version})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.FinalizeAssessment(ctx, kabid, rated.ID, rated.Version); err != nil {
			t.Fatal(err)
		}
		return it.ID, jan.ID
	}
	t.Fatal("no assessment for Staff1's SKP")
	return "", ""
}

// The printable documents show the regulation's sections and link their
// PDF; the owner and the rater open them, a colleague does not; the
// Penetapan opens for the Wali Kota.
func TestAssessmentDocumentPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		id, jan := docFixture(t, e)
		staff, kabid, colleague, wali := e.browser(t), e.browser(t), e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		colleague.signIn(storetest.NIPStaff2, "rahasia-staf2")
		wali.signIn("walikota", "rahasia-wali")
		pages := []struct {
			path string
			want []string
		}{
			{"/penilaian/" + id + "/dokumen", []string{"DOKUMEN EVALUASI KINERJA PEGAWAI", "PEGAWAI YANG DINILAI", "ATASAN PEJABAT PENILAI KINERJA",
				storetest.NIPStaff1, storetest.NIPKabid, storetest.NIPKadis, "CAPAIAN KINERJA ORGANISASI", "PREDIKAT KINERJA PEGAWAI", "BAIK",
				"Tingkatkan dokumentasi bukti dukung", "KEBERATAN", "PENJELASAN PEJABAT PENILAI", "KEPUTUSAN ATASAN", `href="/penilaian/` + id + `/dokumen.pdf"`,
				"document.css"}},
			{"/penilaian/" + id + "/evaluasi", []string{"EVALUASI KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA KUANTITATIF", "PERIODE: JANUARI 2026",
				"POLA DISTRIBUSI", "<svg", "Tersusunnya laporan layanan", "12 layanan", "RATING HASIL KERJA", "SESUAI EKSPEKTASI",
				"RATING PERILAKU KERJA", "Berorientasi Pelayanan", "PREDIKAT KINERJA PEGAWAI", `href="/penilaian/` + id + `/evaluasi.pdf"`}},
		}
		for _, p := range pages {
			for name, b := range map[string]*browser{"owner": staff, "rater": kabid} {
				resp, body := b.get(p.path)
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("%s for the %s: %d", p.path, name, resp.StatusCode)
				}
				for _, w := range p.want {
					if !strings.Contains(body, w) {
						t.Errorf("%s for the %s lacks %q", p.path, name, w)
					}
				}
				if resp, _ := b.get(p.path + ".pdf"); resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" {
					t.Errorf("%s.pdf for the %s: %d %s", p.path, name, resp.StatusCode, resp.Header.Get("Content-Type"))
				}
			}
			if resp, _ := colleague.get(p.path); resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s for a colleague: %d", p.path, resp.StatusCode)
			}
			if resp, _ := colleague.get(p.path + ".pdf"); resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s.pdf for a colleague: %d", p.path, resp.StatusCode)
			}
		}
		pen := "/capaian-organisasi/" + e.o.Kominfo.ID + "/" + jan + "/penetapan"
		resp, body := wali.get(pen)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("penetapan: %d", resp.StatusCode)
		}
		for _, w := range []string{"PENETAPAN PREDIKAT KINERJA ORGANISASI", e.o.Kominfo.Name, "Capaian Perjanjian Kinerja Januari", "REKOMENDASI",
			"POLA DISTRIBUSI", `class="marked"`, e.o.WaliKota.Name, `href="` + pen + `.pdf"`} {
			if !strings.Contains(body, w) {
				t.Errorf("the penetapan lacks %q", w)
			}
		}
		if resp, _ := wali.get(pen + ".pdf"); resp.Header.Get("Content-Type") != "application/pdf" {
			t.Errorf("penetapan PDF: %d", resp.StatusCode)
		}
		if _, list := wali.get("/capaian-organisasi?periode=" + jan); !strings.Contains(list, `href="`+pen+`"`) {
			t.Error("the capaian page does not link the penetapan")
		}
		if resp, _ := colleague.get(pen); resp.StatusCode != http.StatusNotFound {
			t.Errorf("the penetapan for staff: %d", resp.StatusCode)
		}
	})
}
