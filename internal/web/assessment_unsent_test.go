package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The rated employee's pages show that the result is being rated and
// nothing of it (no catatan, no draft step in how it was reached, the
// two documents and their PDFs refused) until the pejabat penilai sends
// it; then the values sent, with the sending as the one step. The rater
// reads the draft all along.
func TestUnsentResultPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		const note = "Catatan yang belum dikirim"
		id, _, send := apptest.RatedJanuaryResult(t, e.s, e.o, note)
		staff, kabid := e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		page := "/penilaian/" + id
		docs := []string{page + "/evaluasi", page + "/dokumen", page + "/evaluasi.pdf", page + "/dokumen.pdf"}

		resp, body := staff.get(page)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("the employee's page: %d", resp.StatusCode)
		}
		if !strings.Contains(body, "Penilaian sedang berlangsung") {
			t.Errorf("the employee's page before sending does not say it is being rated")
		}
		for _, leak := range []string{note, "memberi rating", "SESUAI EKSPEKTASI", "Sesuai Ekspektasi", "Sudah dinilai, belum dikirim", `id="kirim"`} {
			if strings.Contains(body, leak) {
				t.Errorf("the employee's page before sending shows %q", leak)
			}
		}
		if _, body := staff.get("/penilaian"); strings.Contains(body, "Sudah dinilai, belum dikirim") || strings.Contains(body, "status-as-rated") {
			t.Errorf("the employee's list before sending tells the result is rated")
		}
		for _, d := range docs {
			if resp, _ := staff.get(d); resp.StatusCode != http.StatusConflict {
				t.Errorf("%s for the employee before sending: %d, want 409", d, resp.StatusCode)
			}
		}

		if _, body := kabid.get(page); !strings.Contains(body, note) {
			t.Errorf("the rater's page lacks the draft's catatan")
		}
		for _, d := range docs {
			if resp, _ := kabid.get(d); resp.StatusCode != http.StatusOK {
				t.Errorf("%s for the rater: %d", d, resp.StatusCode)
			}
		}
		if _, body := kabid.get(page + "/evaluasi"); !strings.Contains(body, "SESUAI EKSPEKTASI") {
			t.Errorf("the rater's evaluasi lacks the draft rating")
		}

		send()
		resp, body = staff.get(page)
		if resp.StatusCode != http.StatusOK || strings.Contains(body, "Penilaian sedang berlangsung") {
			t.Fatalf("the employee's page once sent: %d", resp.StatusCode)
		}
		if !strings.Contains(body, "mengirim hasil kepada pegawai") || strings.Contains(body, "memberi rating") {
			t.Errorf("the employee's history once sent is not the sending alone")
		}
		for _, d := range docs {
			if resp, _ := staff.get(d); resp.StatusCode != http.StatusOK {
				t.Errorf("%s for the employee once sent: %d", d, resp.StatusCode)
			}
		}
		if _, body := staff.get(page + "/evaluasi"); !strings.Contains(body, "SESUAI EKSPEKTASI") {
			t.Errorf("the employee's evaluasi once sent lacks the rating")
		}
		if _, body := staff.get(page + "/dokumen"); !strings.Contains(body, note) || !strings.Contains(body, "BAIK") {
			t.Errorf("the employee's dokumen once sent lacks the catatan or the predikat")
		}
	})
}

// The Kepala Dinas reads the Dinas' calibration with the draft of a
// person they lead, and their own rating, not yet sent to them, as being
// assessed.
func TestCalibrationPageHidesTheHeadsOwnDraft(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		in := e.o.Instansi.ID
		if _, err := a.CreateUser(ctx, model.SystemActor(in, "test"), app.NewUser{EmployeeNIP: storetest.NIPKadis, Password: "rahasia-kadis"}); err != nil {
			t.Fatal(err)
		}
		admin := model.Actor{UserID: "x", InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		year := a.Today(ctx, in).Time().Year()
		periods, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5)
		if err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: "y", EmployeeID: e.o.Staff1.ID, InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		kadisActor := model.Actor{UserID: "d", EmployeeID: e.o.Kadis.ID, InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		staffSKP := apptest.ApprovedSKP(t, a, s, staffActor, e.o.Staff1.ID, year)
		kadisSKP := apptest.ApprovedSKP(t, a, s, kadisActor, e.o.Kadis.ID, year)
		jan := periods[0]
		for _, st := range []model.PeriodStatus{model.PeriodOpen, model.PeriodClosed} {
			jan.Status = st
			if err := a.MovePeriod(ctx, admin, jan, ""); err != nil {
				t.Fatal(err)
			}
		}
		wali := model.Actor{UserID: "w", EmployeeID: e.o.WaliKota.ID, InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleLeader}}}
		if _, err := a.SetUnitPerformance(ctx, wali, e.o.Kominfo.ID, jan.ID, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
			Basis: "Capaian PK Januari"}); err != nil {
			t.Fatal(err)
		}
		kabidActor := model.Actor{UserID: "k", EmployeeID: e.o.Kabid.ID, InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleSupervisor}}}
		rate := func(rater model.Actor, skpID string, hk, pk model.Rating) string {
			t.Helper()
			page, err := a.Assessments(ctx, rater, app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range page.Items {
				if it.SKPID == skpID {
					if _, err := a.RateAssessment(ctx, rater, it.ID, app.RateInput{HasilKerja: hk, PerilakuKerja: pk, Version: it.Version}); err != nil {
						t.Fatal(err)
					}
					return it.ID
				}
			}
			t.Fatalf("no assessment of SKP %s", skpID)
			return ""
		}
		staffID := rate(kabidActor, staffSKP.ID, model.RatingDiAtas, model.RatingDiAtas) // Sangat Baik
		kadisID := rate(wali, kadisSKP.ID, "", model.RatingDiBawah)                      // Kurang: the capaian gives sesuai

		card := func(body, id string) string {
			start := strings.Index(body, `id="a-`+id+`"`)
			if start < 0 {
				t.Fatalf("no card for %s", id)
			}
			end := strings.Index(body[start:], "</li>")
			return body[start : start+end]
		}
		kadis := e.browser(t)
		kadis.signIn(storetest.NIPKadis, "rahasia-kadis")
		resp, body := kadis.get("/kalibrasi/" + e.o.Kominfo.ID + "?periode=" + url.QueryEscape(jan.ID))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("the Kadis' calibration: %d", resp.StatusCode)
		}
		if c := card(body, staffID); !strings.Contains(c, "Sangat Baik") {
			t.Errorf("the Kadis does not read the staff's draft: %s", c)
		}
		if c := card(body, kadisID); !strings.Contains(c, "Sedang dinilai") || strings.Contains(c, "predikat-") || strings.Contains(c, "Kurang") || strings.Contains(c, "Sesuai") {
			t.Errorf("the Kadis reads their own draft: %s", c)
		}
		// The curve counts the staff's draft, not the Kadis' own.
		if !strings.Contains(body, "Kurang/Misconduct: 0.") || !strings.Contains(body, "Sangat Baik: 1.") {
			t.Errorf("the Kadis' curve counts their own draft")
		}
		// Their own row reads as not yet rated, as the counts count it.
		if c := card(body, kadisID); strings.Contains(c, "diberi rating") || strings.Contains(c, "oleh ") || !strings.Contains(c, "menunggu rating") {
			t.Errorf("the Kadis' own row tells it is rated: %s", c)
		}
		if !strings.Contains(body, "2 penilaian: 1 belum diberi rating, 1 sudah diberi rating tetapi belum dikirim.") {
			t.Errorf("the Kadis' counts count their own draft as rated")
		}
		// Their own page: being rated, nothing more.
		resp, body = kadis.get("/penilaian/" + kadisID)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Penilaian sedang berlangsung") {
			t.Fatalf("the Kadis' own page: %d", resp.StatusCode)
		}
		for _, leak := range []string{"Sudah dinilai, belum dikirim", `id="kirim"`, "Kurang/Misconduct", "memberi rating", "status-as-rated"} {
			if strings.Contains(body, leak) {
				t.Errorf("the Kadis' own page before sending shows %q", leak)
			}
		}
	})
}
