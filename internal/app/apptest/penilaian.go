// Package apptest builds states of Kinerja that several packages' tests
// start from, through the application as a user would, so that the API
// and web tests of a feature share one fixture.
package apptest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// ReceivedAnnualResult seeds the fixture organisation on s with accounts
// for BKPSDM ("admin"), Staff1, Kabid and Kadis (passwords "rahasia-…"
// as the other tests use), and gives Staff1 an annual result for 2026
// rated by the Kabid (sesuai/sesuai: Baik) and received today. The result
// is made final through the store, without the OPD's capaian, which the
// keberatan tests do not need. It answers the application, the
// organisation and the assessment.
func ReceivedAnnualResult(t *testing.T, s *store.Store) (*app.App, storetest.Org, model.Assessment) {
	t.Helper()
	ctx := context.Background()
	o := storetest.SeedOrg(t, s)
	blobs, err := blob.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	clock := &Clock{}
	a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}, Blobs: blobs, Now: clock.Now})
	sys := model.SystemActor(o.Instansi.ID, "test")
	for _, n := range []app.NewUser{
		{Username: "admin", DisplayName: "Admin BKPSDM", Password: "rahasia-admin", Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}},
		{EmployeeNIP: storetest.NIPStaff1, Password: "rahasia-staf1"},
		{EmployeeNIP: storetest.NIPKabid, Password: "rahasia-kabid"},
		{EmployeeNIP: storetest.NIPKadis, Password: "rahasia-kadis"},
	} {
		if _, err := a.CreateUser(ctx, sys, n); err != nil {
			t.Fatal(err)
		}
	}
	actor := func(user, pw string) model.Actor { return signIn(t, a, user, pw) }
	admin, staff, kabid := actor("admin", "rahasia-admin"), actor(storetest.NIPStaff1, "rahasia-staf1"), actor(storetest.NIPKabid, "rahasia-kabid")
	if _, err := a.OpenYear(ctx, admin, 2026, model.PeriodMonthly, 5); err != nil {
		t.Fatal(err)
	}
	ApprovedSKP(t, a, s, staff, o.Staff1.ID, 2026)
	periods, _ := a.Periods(ctx, admin, 2026)
	for _, p := range periods {
		if p.Kind != model.PeriodAnnual {
			continue
		}
		for _, st := range []model.PeriodStatus{model.PeriodOpen, model.PeriodClosed} {
			p.Status = st
			if err := clock.MovePeriod(ctx, a, admin, p, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	page, err := a.Assessments(ctx, kabid, app.AssessmentFilter{Employee: o.Staff1.ID}) // as the rater reads it, with its version
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("assessments: %+v, %v", page.Items, err)
	}
	as, err := a.RateAssessment(ctx, kabid, page.Items[0].ID, app.RateInput{HasilKerja: model.RatingSesuai, PerilakuKerja: model.RatingSesuai,
		Version: page.Items[0].Version})
	if err != nil {
		t.Fatal(err)
	}
	after := as
	after.Status, after.FinalizedBy, after.FinalizedAt = model.AssessmentFinal, o.Kabid.ID, time.Now()
	if err := s.Write(ctx, sys, func(tx *store.Tx) error {
		var err error
		after, err = tx.UpdateAssessment(ctx, "assessment.finalize", as, after)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return a, o, after
}

// SentJanuaryResult continues from the fixture organisation on s whose
// accounts "admin", Staff1 and Kabid exist: it adds the accounts
// "walikota" ("rahasia-wali") and Staff2 ("rahasia-staf2"), gives Staff1
// an approved SKP for 2026, closes January, has the Wali Kota set
// Kominfo's capaian (Baik) and the Kepala Bidang rate (sesuai/sesuai,
// with note) and send Staff1's result. It answers the assessment's and
// January's ids.
func SentJanuaryResult(t *testing.T, s *store.Store, o storetest.Org, note string) (assessmentID, periodID string) {
	t.Helper()
	assessmentID, periodID, send := RatedJanuaryResult(t, s, o, note)
	send()
	return assessmentID, periodID
}

// RatedJanuaryResult is SentJanuaryResult up to the sending: the Kepala
// Bidang's rating (sesuai/sesuai, Baik, with note) stays a draft until
// send is called.
func RatedJanuaryResult(t *testing.T, s *store.Store, o storetest.Org, note string) (assessmentID, periodID string, send func()) {
	t.Helper()
	return ratedJanuary(t, s, o, note, 0, model.CapaianBaik, model.RatingSesuai, model.RatingSesuai)
}

// FullCurveDraft is RatedJanuaryResult in a Kominfo of ten people
// assessed in January (Staff1 and nine more pranata komputer with
// approved SKPs), whose capaian is Sangat Kurang: its pattern admits no
// Sangat Baik at all. The Kepala Bidang's draft for Staff1 is di
// atas/di atas (Sangat Baik), which cannot be sent; sesuai/sesuai could.
// It answers the assessment's and January's ids.
func FullCurveDraft(t *testing.T, s *store.Store, o storetest.Org) (assessmentID, periodID string) {
	t.Helper()
	id, period, _ := ratedJanuary(t, s, o, "", 9, model.CapaianSangatKurang, model.RatingDiAtas, model.RatingDiAtas)
	return id, period
}

// NoCapaianDraft is RatedJanuaryResult before the Wali Kota sets
// Kominfo's capaian kinerja organisasi for January: the Kepala Bidang's
// draft for Staff1 (sesuai/sesuai, Baik) cannot be sent until it is set
// ("walikota" may set it). It answers the assessment's and January's ids.
func NoCapaianDraft(t *testing.T, s *store.Store, o storetest.Org) (assessmentID, periodID string) {
	t.Helper()
	id, period, _ := ratedJanuary(t, s, o, "", 0, "", model.RatingSesuai, model.RatingSesuai)
	return id, period
}

// ratedJanuary is RatedJanuaryResult with more pranata komputer placed
// beside Staff1, each with an approved SKP for 2026, the capaian and
// Staff1's ratings given ("" for no capaian yet).
func ratedJanuary(t *testing.T, s *store.Store, o storetest.Org, note string, more int, capaian model.Capaian, hk, pk model.Rating) (string, string, func()) {
	return ratedJanuaryWith(t, s, o, note, more, capaian, hk, pk, nil)
}

// ratedJanuaryWith is ratedJanuary that calls before, when given, just
// before January is closed (to give others an SKP assessed in it).
func ratedJanuaryWith(t *testing.T, s *store.Store, o storetest.Org, note string, more int, capaian model.Capaian, hk, pk model.Rating,
	before func(a *app.App)) (string, string, func()) {
	t.Helper()
	ctx := context.Background()
	clock := &Clock{}
	a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}, Now: clock.Now})
	sys := model.SystemActor(o.Instansi.ID, "test")
	if _, err := a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: storetest.NIPStaff2, Password: "rahasia-staf2"}); err != nil {
		t.Fatal(err)
	}
	hash, _ := a.HashPassword("rahasia-wali")
	if err := s.Write(ctx, sys, func(tx *store.Tx) error {
		_, err := tx.CreateUser(ctx, model.User{InstansiID: o.Instansi.ID, Username: "walikota", DisplayName: "Wali Kota Uji",
			EmployeeID: o.WaliKota.ID, PasswordHash: hash})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	actor := func(user, pw string) model.Actor { return signIn(t, a, user, pw) }
	admin, staff, kabid, wali := actor("admin", "rahasia-admin"), actor(storetest.NIPStaff1, "rahasia-staf1"),
		actor(storetest.NIPKabid, "rahasia-kabid"), actor("walikota", "rahasia-wali")
	periods, err := a.OpenYear(ctx, admin, 2026, model.PeriodMonthly, 5)
	if err != nil {
		t.Fatal(err)
	}
	skp := ApprovedSKP(t, a, s, staff, o.Staff1.ID, 2026)
	if err := s.Write(ctx, sys, func(tx *store.Tx) error {
		for i := range more {
			emp, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: o.Instansi.ID, NIP: fmt.Sprintf("199004042016041%03d", 100+i),
				Name: fmt.Sprintf("Pranata %02d", i), Status: model.StatusPNS, Golongan: "III/a", Active: true})
			if err != nil {
				return err
			}
			if _, err := tx.Place(ctx, model.Placement{EmployeeID: emp.ID, PositionID: o.PosStaff.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"}); err != nil {
				return err
			}
			sk, err := tx.CreateSKP(ctx, model.SKP{InstansiID: o.Instansi.ID, EmployeeID: emp.ID, Year: 2026, PeriodStart: "2026-01-01",
				PeriodEnd: "2026-12-31", Approach: model.ApproachKuantitatif, Format: model.FormatJAJF,
				Employee: model.PersonSnapshot{EmployeeID: emp.ID, Name: emp.Name, NIP: emp.NIP}}, o.PosStaff.ID)
			if err != nil {
				return err
			}
			sk.Status = model.SKPApproved
			if err := tx.SetSKPStatus(ctx, sk.Version, sk, model.ActApprove); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if before != nil {
		before(a)
	}
	jan := periods[0]
	for _, st := range []model.PeriodStatus{model.PeriodOpen, model.PeriodClosed} {
		jan.Status = st
		if err := clock.MovePeriod(ctx, a, admin, jan, "perbaikan data"); err != nil {
			t.Fatalf("move January to %s: %v", st, err)
		}
	}
	if capaian != "" {
		if _, err := a.SetUnitPerformance(ctx, wali, o.Kominfo.ID, jan.ID, app.UnitPerformanceRequest{Capaian: capaian,
			Basis: "Capaian Perjanjian Kinerja Januari"}); err != nil {
			t.Fatal(err)
		}
	}
	page, err := a.Assessments(ctx, kabid, app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range page.Items {
		if it.SKPID != skp.ID {
			continue
		}
		rated, err := a.RateAssessment(ctx, kabid, it.ID, app.RateInput{HasilKerja: hk, PerilakuKerja: pk,
			Note: note, Version: it.Version})
		if err != nil {
			t.Fatal(err)
		}
		send := func() {
			t.Helper()
			if _, err := a.FinalizeAssessment(ctx, kabid, rated.ID, rated.Version); err != nil {
				t.Fatal(err)
			}
		}
		return it.ID, jan.ID, send
	}
	t.Fatal("no assessment for Staff1's SKP")
	return "", "", nil
}

// SentHeadResult is SentJanuaryResult with Kominfo's capaian Istimewa
// and its Kepala Dinas assessed in January too: the account Kadis
// ("rahasia-kadis") is added with an approved SKP, and the Wali Kota
// ("walikota") rates the Kepala Dinas (hasil kerja from the capaian, di
// atas; perilaku kerja di atas: Sangat Baik) and sends it. It answers the
// Kepala Dinas' assessment's and January's ids.
func SentHeadResult(t *testing.T, s *store.Store, o storetest.Org) (assessmentID, periodID string) {
	t.Helper()
	ctx := context.Background()
	var headSKP string
	_, jan, send := ratedJanuaryWith(t, s, o, "", 0, model.CapaianIstimewa, model.RatingSesuai, model.RatingSesuai, func(a *app.App) {
		if _, err := a.CreateUser(ctx, model.SystemActor(o.Instansi.ID, "test"), app.NewUser{EmployeeNIP: storetest.NIPKadis, Password: "rahasia-kadis"}); err != nil {
			t.Fatal(err)
		}
		headSKP = ApprovedSKP(t, a, s, signIn(t, a, storetest.NIPKadis, "rahasia-kadis"), o.Kadis.ID, 2026).ID
	})
	send()
	a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	wali := signIn(t, a, "walikota", "rahasia-wali")
	page, err := a.Assessments(ctx, wali, app.AssessmentFilter{RatedByMe: true, PeriodID: jan})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range page.Items {
		if it.SKPID != headSKP {
			continue
		}
		rated, err := a.RateAssessment(ctx, wali, it.ID, app.RateInput{PerilakuKerja: model.RatingDiAtas, Note: "Kepemimpinan baik", Version: it.Version})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.FinalizeAssessment(ctx, wali, rated.ID, rated.Version); err != nil {
			t.Fatal(err)
		}
		return it.ID, jan
	}
	t.Fatal("no assessment for the Kepala Dinas' SKP")
	return "", ""
}

// ApprovedSKP gives an employee an SKP for year with one RHK utama whose
// indicator targets 12 layanan a year, drafted by staff and approved
// through the store (the approval's own journey is tested elsewhere).
func ApprovedSKP(t *testing.T, a *app.App, s *store.Store, staff model.Actor, employeeID string, year int) model.SKP {
	t.Helper()
	ctx := context.Background()
	skp, err := a.CreateSKP(ctx, staff, employeeID, year, model.ApproachKuantitatif)
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
	full, _ := s.SKP(ctx, skp.ID)
	full.Status = model.SKPApproved
	if err := s.Write(ctx, model.SystemActor(full.InstansiID, "test"), func(tx *store.Tx) error {
		return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove)
	}); err != nil {
		t.Fatal(err)
	}
	full, _ = s.SKP(ctx, skp.ID)
	return full
}

// signIn returns the actor of a user signed in with a password.
func signIn(t *testing.T, a *app.App, user, pw string) model.Actor {
	t.Helper()
	ctx := context.Background()
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
