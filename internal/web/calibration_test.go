package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestCalibrationPage: the Kepala Dinas opens the Dinas' calibration,
// sees the curve against the pattern of its capaian, and moves a rating
// with a reason; a staff member cannot open it.
func TestCalibrationPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: storetest.NIPKadis, Password: "rahasia-kadis"}); err != nil {
			t.Fatal(err)
		}
		year := a.Today(ctx, e.o.Instansi.ID).Time().Year()
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		periods, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5)
		if err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: "y", EmployeeID: e.o.Staff1.ID, InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		apptest.ApprovedSKP(t, a, s, staffActor, e.o.Staff1.ID, year)
		jan := periods[0]
		for _, st := range []model.PeriodStatus{model.PeriodOpen, model.PeriodClosed} {
			jan.Status = st
			if err := a.MovePeriod(ctx, admin, jan, ""); err != nil {
				t.Fatal(err)
			}
		}
		wali := model.Actor{UserID: "w", EmployeeID: e.o.WaliKota.ID, InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleLeader}}}
		if _, err := a.SetUnitPerformance(ctx, wali, e.o.Kominfo.ID, jan.ID, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
			Basis: "Capaian PK Januari"}); err != nil {
			t.Fatal(err)
		}
		kabidActor := model.Actor{UserID: "k", EmployeeID: e.o.Kabid.ID, InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleSupervisor}}}
		page, err := a.Assessments(ctx, kabidActor, app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID})
		if err != nil || len(page.Items) != 1 {
			t.Fatalf("assessments = %d, %v", len(page.Items), err)
		}
		it := page.Items[0]
		rated, err := a.RateAssessment(ctx, kabidActor, it.ID, app.RateInput{HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingDiAtas, Version: it.Version})
		if err != nil {
			t.Fatal(err)
		}
		// While a result is not sent, finalising the OPD's period would be
		// refused: the button is disabled, with the reason beside it.
		head := e.browser(t)
		head.signIn(storetest.NIPKadis, "rahasia-kadis")
		if _, body := head.get("/kalibrasi/" + e.o.Kominfo.ID + "?periode=" + url.QueryEscape(jan.ID)); !strings.Contains(body, "data-finalize-refused") ||
			!strings.Contains(body, "Masih ada 1 penilaian yang belum dikirim") || strings.Contains(body, `action="/kalibrasi/`+e.o.Kominfo.ID+`/final"`) {
			t.Errorf("the calibration page offers finalising with a result not sent, or does not say why not")
		}
		// Calibration moves results sent to the employee.
		if rated, err = a.FinalizeAssessment(ctx, kabidActor, it.ID, rated.Version); err != nil {
			t.Fatal(err)
		}

		kadis, staff, kabid := e.browser(t), e.browser(t), e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		// Sending a result twice (a double tap) says the step no longer
		// applies, not that the input was unreadable.
		if resp, body := kabid.post("/penilaian/"+rated.ID+"/kirim", url.Values{"version": {strconv.Itoa(rated.Version)}}); resp.StatusCode != http.StatusConflict ||
			!strings.Contains(body, "Muat ulang halaman") {
			t.Errorf("sending again: %d %.300s", resp.StatusCode, body)
		}
		kadis.signIn(storetest.NIPKadis, "rahasia-kadis")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		_, body := kadis.get("/kalibrasi")
		if !strings.Contains(body, `href="/kalibrasi"`) || !strings.Contains(body, "/kalibrasi/"+e.o.Kominfo.ID+"?periode="+jan.ID) {
			t.Fatalf("the chooser: %.600s", body)
		}
		path := "/kalibrasi/" + e.o.Kominfo.ID + "?periode=" + url.QueryEscape(jan.ID)
		resp, body := kadis.get(path)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "<svg") || !strings.Contains(body, `data-live-curve="`+e.o.Kominfo.ID+`"`) ||
			!strings.Contains(body, "Andi Pratama") || !strings.Contains(body, "Sangat Baik") || !strings.Contains(body, "hanya menjadi peringatan") ||
			!strings.Contains(body, "Jumlah pegawai: 1. Setiap pegawai yang dinilai pada periode ini dihitung sekali") {
			t.Fatalf("calibration page: %d %.1500s", resp.StatusCode, body)
		}
		// A move without a reason keeps the form and says why.
		move := "/kalibrasi/" + e.o.Kominfo.ID + "/geser/" + rated.ID
		form := url.Values{"periode": {jan.ID}, "hasil_kerja": {"sesuai"}, "perilaku_kerja": {"sesuai"}, "reason": {""}}
		form.Set("version", strconv.Itoa(rated.Version))
		resp, body = kadis.post(move, form)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Tuliskan alasannya.") {
			t.Fatalf("move without a reason: %d %.400s", resp.StatusCode, body)
		}
		form.Set("reason", "Bukti dukung belum menunjukkan hasil di atas target")
		if resp, body = kadis.post(move, form); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("move: %d %.400s", resp.StatusCode, body)
		}
		got, _ := s.Assessment(ctx, rated.ID)
		if got.Predikat != model.PredikatBaik {
			t.Errorf("moved predikat = %s", got.Predikat)
		}
		_, body = kadis.get(path + "&ok=move")
		if !strings.Contains(body, "Rating diubah.") {
			t.Errorf("no confirmation after the move")
		}
		// The live fragment redraws the curve.
		resp, body = kadis.get("/fragmen/kurva/" + e.o.Kominfo.ID + "?periode=" + url.QueryEscape(jan.ID))
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(strings.TrimSpace(body), "<div data-live-curve=") {
			t.Errorf("fragment: %d %.200s", resp.StatusCode, body)
		}
		// A staff member has no calibration: the chooser and an OPD's
		// screen both answer 403, as every page of a right one lacks; an
		// OPD that does not exist is 404.
		for _, p := range []string{"/kalibrasi", path} {
			if resp, _ := staff.get(p); resp.StatusCode != http.StatusForbidden {
				t.Errorf("a staff member opens %s: %d, want 403", p, resp.StatusCode)
			}
		}
		if resp, _ := kadis.get("/kalibrasi/01XXXXXXXXXXXXXXXXXXXXXXXX?periode=" + url.QueryEscape(jan.ID)); resp.StatusCode != http.StatusNotFound {
			t.Errorf("an unknown OPD: %d, want 404", resp.StatusCode)
		}
		if _, body := staff.get("/"); strings.Contains(body, `href="/kalibrasi"`) {
			t.Error("a staff member's menu offers the calibration")
		}
	})
}
