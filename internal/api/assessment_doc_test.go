package api_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// finalAssessment gives Staff1 an approved SKP for 2026, closes January,
// has the Wali Kota set Kominfo's capaian and the Kepala Bidang rate and
// send Staff1's result; it answers the assessment and January's ids. The
// users "walikota" and Staff2 are made too.
func finalAssessment(t *testing.T, e env) (assessmentID, periodID string) {
	t.Helper()
	ctx := context.Background()
	a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	sys := model.SystemActor(e.o.Instansi.ID, "test")
	if _, err := a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: storetest.NIPStaff2, Password: "rahasia-staf2"}); err != nil {
		t.Fatal(err)
	}
	hash, _ := a.HashPassword("rahasia-wali")
	if err := e.s.Write(ctx, sys, func(tx *store.Tx) error {
		_, err := tx.CreateUser(ctx, model.User{InstansiID: e.o.Instansi.ID, Username: "walikota", DisplayName: "Wali Kota",
			EmployeeID: e.o.WaliKota.ID, PasswordHash: hash})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	actor := func(user, pw string) model.Actor {
		res, err := a.Login(ctx, app.LoginRequest{Username: user, Password: pw, Kind: "api", IP: "198.51.100.7"})
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
	var jan model.Period
	for _, p := range periods {
		if p.Kind == model.PeriodMonthly && p.Number == 1 {
			jan = p
		}
	}
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
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("assessments of the Kepala Bidang: %v, %d", err, len(page.Items))
	}
	var it app.AssessmentItem
	for _, x := range page.Items {
		if x.SKPID == skp.ID {
			it = x
		}
	}
	rated, err := a.RateAssessment(ctx, kabid, it.ID, app.RateInput{HasilKerja: model.RatingSesuai, PerilakuKerja: model.RatingSesuai, Version: it.Version})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.FinalizeAssessment(ctx, kabid, rated.ID, rated.Version); err != nil {
		t.Fatal(err)
	}
	return it.ID, jan.ID
}

// The three documents answer a PDF to those who may read them and a 404
// to a colleague, as the OpenAPI document says.
func TestAssessmentDocumentsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		id, jan := finalAssessment(t, e)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		colleague := e.login(t, storetest.NIPStaff2, "rahasia-staf2")
		wali := e.login(t, "walikota", "rahasia-wali")
		admin := e.login(t, "admin", "rahasia-admin")
		pdf := func(path, token, who string) {
			t.Helper()
			r := e.get(t, path, token)
			if r.status != 200 || r.header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(r.body, []byte("%PDF-")) {
				t.Errorf("%s for %s: %d %s %.60q", path, who, r.status, r.header.Get("Content-Type"), r.body)
			}
		}
		for _, path := range []string{"/api/v1/assessments/" + id + "/document.pdf", "/api/v1/assessments/" + id + "/evaluation.pdf"} {
			pdf(path, staff, "the owner")
			pdf(path, kabid, "the rater")
			problem(t, e.get(t, path, colleague), 404)
		}
		problem(t, e.get(t, "/api/v1/assessments/nope/document.pdf", staff), 404)
		pen := "/api/v1/units/" + e.o.Kominfo.ID + "/performance/" + jan + "/document.pdf"
		pdf(pen, wali, "the Wali Kota")
		pdf(pen, admin, "BKPSDM")
		problem(t, e.get(t, pen, colleague), 404)
		problem(t, e.get(t, "/api/v1/units/"+e.o.Aplikasi.ID+"/performance/"+jan+"/document.pdf", wali), 422)
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		for _, p := range []string{"/api/v1/assessments/{id}/document.pdf", "/api/v1/assessments/{id}/evaluation.pdf",
			"/api/v1/units/{id}/performance/{period_id}/document.pdf"} {
			if doc["paths"].(map[string]any)[p] == nil {
				t.Errorf("the OpenAPI document lacks %s", p)
			}
		}
	})
}
