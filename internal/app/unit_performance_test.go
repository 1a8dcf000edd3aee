package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// perfOrg holds the OPDs the capaian tests add to the fixture: the
// Sekretariat Daerah led by the Sekda, BKPSDM, Bappeda and the
// Inspektorat, each with a head who has an account.
type perfOrg struct {
	setda, bkpsdm, bappeda, inspektorat   model.Unit
	sekda, kaBKPSDM, kaBappeda, inspektur model.Employee
	jan, feb                              model.Period
}

// perfEnv is planningEnv with those OPDs, a leader and an auditor account,
// and the periods of 2026.
func perfEnv(t *testing.T, s *store.Store) (env, map[string]model.Actor, perfOrg) {
	t.Helper()
	e, who := planningEnv(t, s)
	ctx := context.Background()
	sys := model.SystemActor(e.o.Instansi.ID, "test")
	var po perfOrg
	in := e.o.Instansi.ID
	err := s.Write(ctx, sys, func(tx *store.Tx) error {
		opd := func(code, name, head, nip string) (model.Unit, model.Employee, model.Position) {
			u, err := tx.CreateUnit(ctx, model.Unit{InstansiID: in, ParentID: e.o.Pemda.ID, Code: code, Name: name, Kind: model.UnitOPD})
			if err != nil {
				t.Fatal(err)
			}
			p, err := tx.CreatePosition(ctx, model.Position{InstansiID: in, UnitID: u.ID, Code: code + "-HEAD", Name: head,
				Kind: model.PositionJPTPratama, SuperiorPositionID: e.o.PosWali.ID}, true)
			if err != nil {
				t.Fatal(err)
			}
			emp, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: in, NIP: nip, Name: head + " Uji", Status: model.StatusPNS,
				Golongan: "IV/c", Active: true})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.Place(ctx, model.Placement{EmployeeID: emp.ID, PositionID: p.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"}); err != nil {
				t.Fatal(err)
			}
			return u, emp, p
		}
		var sekdaPos model.Position
		po.setda, po.sekda, sekdaPos = opd("SETDA", "Sekretariat Daerah", "Sekretaris Daerah", "196801012000031011")
		po.bkpsdm, po.kaBKPSDM, _ = opd("BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", "Kepala BKPSDM", "196902022000031012")
		po.bappeda, po.kaBappeda, _ = opd("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "Kepala Bappeda", "197003032000031013")
		po.inspektorat, po.inspektur, _ = opd("INSPEKTORAT", "Inspektorat Daerah", "Inspektur", "197104042000031014")
		return tx.SetSekdaPosition(ctx, in, sekdaPos.ID, model.JPTRaterKepalaDaerah)
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, n := range map[string]app.NewUser{
		"sekda":       {EmployeeNIP: "196801012000031011", Password: "rahasia-sekda"},
		"kabkpsdm":    {EmployeeNIP: "196902022000031012", Password: "rahasia-kabkpsdm"},
		"kabappeda":   {EmployeeNIP: "197003032000031013", Password: "rahasia-kabappeda"},
		"inspektur":   {EmployeeNIP: "197104042000031014", Password: "rahasia-inspektur"},
		"pimpinan":    {Username: "pimpinan", Password: "rahasia-pimpinan", Roles: []model.RoleGrant{{Role: model.RoleLeader}}},
		"auditor":     {Username: "auditor", Password: "rahasia-auditor", Roles: []model.RoleGrant{{Role: model.RoleAuditor}}},
		"opd-kominfo": {Username: "opd-kominfo", Password: "rahasia-opd-kominfo", Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Kominfo.ID}}},
	} {
		if _, err := e.a.CreateUser(ctx, sys, n); err != nil {
			t.Fatalf("create user %s: %v", name, err)
		}
		user := n.Username
		if user == "" {
			user = n.EmployeeNIP
		}
		who[name] = e.login(t, user, n.Password)
	}
	who["admin"] = e.admin
	ps, err := e.a.Periods(ctx, e.admin, 2026)
	if err != nil || len(ps) < 2 {
		t.Fatalf("periods of 2026: %v %v", ps, err)
	}
	po.jan, po.feb = ps[0], ps[1]
	return e, who, po
}

// fields returns the fields of a validation error, or nil.
func fields(err error) map[string]string {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return ve.Fields
	}
	return nil
}

func TestUnitPerformanceSet(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, po := perfEnv(t, s)
		ctx := context.Background()
		kominfo, jan := e.o.Kominfo.ID, po.jan.ID

		// Nothing set yet: the store says so, the view offers the Wali Kota the form.
		if _, err := s.UnitPerformance(ctx, kominfo, jan); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("capaian before it is set: %v", err)
		}
		v, err := e.a.UnitPerformanceView(ctx, who["wali"], kominfo, jan)
		if err != nil || v.Performance != nil || !v.Can.Set || v.Version != 0 || v.Head == nil || v.Head.ID != e.o.Kadis.ID ||
			v.Setter == nil || v.Setter.ID != e.o.WaliKota.ID || v.Can.Recommend {
			t.Fatalf("view before = %+v, %v", v, err)
		}

		// The Wali Kota sets it; the Kepala Dinas is told.
		v, err = e.a.SetUnitPerformance(ctx, who["wali"], kominfo, jan, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
			Basis: "  Capaian PK 92%; 11 dari 12 rencana aksi selesai.  "})
		if err != nil {
			t.Fatal(err)
		}
		p := v.Performance
		if p == nil || p.Capaian != model.CapaianBaik || p.Basis != "Capaian PK 92%; 11 dari 12 rencana aksi selesai." || p.Version != 1 ||
			p.SetBy != e.o.WaliKota.ID || p.SetByName == "" || v.LeaderRating != model.RatingSesuai || v.Version != 1 {
			t.Fatalf("set = %+v (view %+v)", p, v)
		}
		if got, err := s.UnitPerformance(ctx, kominfo, jan); err != nil || got.Capaian != model.CapaianBaik || got.InstansiID != e.o.Instansi.ID {
			t.Errorf("stored = %+v, %v", got, err)
		}
		notes, _ := s.Notifications(ctx, e.o.Kadis.ID, 10)
		if len(notes) != 1 || notes[0].Kind != "unit_performance.set" || !strings.Contains(notes[0].Link, jan) {
			t.Errorf("the Kepala Dinas's notifications = %+v", notes)
		} else if title, body := app.RenderNotification("id", notes[0]); !strings.Contains(title, "Baik") || !strings.Contains(body, "rencana aksi") {
			t.Errorf("notification reads %q / %q", title, body)
		}

		// A stale form is refused and changes nothing; the current one changes it.
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], kominfo, jan, app.UnitPerformanceRequest{Capaian: model.CapaianKurang,
			Basis: "Lain", Version: 0}); !errors.Is(err, model.ErrStale) {
			t.Errorf("version 0 over a set capaian: %v", err)
		}
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Dinkes.ID, jan, app.UnitPerformanceRequest{Capaian: model.CapaianKurang,
			Basis: "Lain", Version: 3}); !errors.Is(err, model.ErrStale) {
			t.Errorf("version 3 where none is set: %v", err)
		}
		v, err = e.a.SetUnitPerformance(ctx, who["wali"], kominfo, jan, app.UnitPerformanceRequest{Capaian: model.CapaianIstimewa,
			Basis: "Seluruh rencana aksi melampaui target.", Version: 1})
		if err != nil || v.Performance.Version != 2 || v.LeaderRating != model.RatingDiAtas {
			t.Fatalf("change = %+v, %v", v, err)
		}
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], kominfo, jan, app.UnitPerformanceRequest{Capaian: model.CapaianKurang,
			Basis: "Lain", Version: 1}); !errors.Is(err, model.ErrStale) {
			t.Errorf("version 1 after the change: %v", err)
		}
		entries, err := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "unit_performance"})
		if err != nil || len(entries) != 2 {
			t.Fatalf("audit = %+v, %v", entries, err)
		}
		for _, en := range entries {
			if en.Action != "unit_performance.set" || en.ActorID != who["wali"].UserID {
				t.Errorf("audit entry %+v", en)
			}
			if strings.Contains(en.After, "istimewa") && !strings.Contains(en.Before, "baik") {
				t.Errorf("the change's audit entry keeps no before: %+v", en)
			}
		}

		// Nobody else sets it: BKPSDM, the OPD head, a leader; staff do not even see it.
		req := app.UnitPerformanceRequest{Capaian: model.CapaianBaik, Basis: "x", Version: 2}
		for _, name := range []string{"admin", "kadis", "pimpinan", "auditor", "opd-kominfo"} {
			if _, err := e.a.SetUnitPerformance(ctx, who[name], kominfo, jan, req); !errors.Is(err, model.ErrForbidden) {
				t.Errorf("%s set the capaian: %v", name, err)
			}
		}
		// The Sekda, who does not set it here, reads only the OPD they lead.
		for _, name := range []string{"staff1", "sekda"} {
			if _, err := e.a.SetUnitPerformance(ctx, who[name], kominfo, jan, req); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s set the capaian: %v", name, err)
			}
		}
		if _, err := e.a.UnitPerformanceView(ctx, who["staff1"], kominfo, jan); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("staff read the capaian: %v", err)
		}
		if got, _ := s.UnitPerformance(ctx, kominfo, jan); got.Version != 2 || got.Capaian != model.CapaianIstimewa {
			t.Errorf("a refused write changed it: %+v", got)
		}

		// Validation: the level, the basis, the unit, the period.
		_, err = e.a.SetUnitPerformance(ctx, who["wali"], e.o.Dinkes.ID, jan, app.UnitPerformanceRequest{Capaian: "luar_biasa", Basis: "  "})
		if f := fields(err); f["capaian"] == "" || f["basis"] == "" {
			t.Errorf("a bad level and no basis: %v", err)
		}
		_, err = e.a.SetUnitPerformance(ctx, who["wali"], e.o.Dinkes.ID, jan, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
			Basis: strings.Repeat("a", model.UnitPerformanceBasisMax+1)})
		if f := fields(err); f["basis"] == "" {
			t.Errorf("a basis too long: %v", err)
		}
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Dinkes.ID, jan, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
			Basis: strings.Repeat("é", model.UnitPerformanceBasisMax)}); err != nil {
			t.Errorf("a basis of exactly the limit: %v", err)
		}
		_, err = e.a.SetUnitPerformance(ctx, who["wali"], e.o.Aplikasi.ID, jan, app.UnitPerformanceRequest{Capaian: model.CapaianBaik, Basis: "x"})
		if f := fields(err); f["unit_id"] == "" {
			t.Errorf("a bidang is no OPD: %v", err)
		}
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], kominfo, "no-such-period", req); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("an unknown period: %v", err)
		}
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], "no-such-unit", jan, req); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("an unknown unit: %v", err)
		}
		feb := po.feb
		for _, st := range []model.PeriodStatus{model.PeriodOpen, model.PeriodClosed, model.PeriodLocked} {
			feb.Status = st
			if err := e.movePeriod(ctx, feb, ""); err != nil {
				t.Fatalf("move February to %s: %v", st, err)
			}
		}
		v, err = e.a.UnitPerformanceView(ctx, who["wali"], kominfo, feb.ID)
		if err != nil || v.Can.Set {
			t.Errorf("a locked period offers the form: %+v, %v", v.Can, err)
		}
		_, err = e.a.SetUnitPerformance(ctx, who["wali"], kominfo, feb.ID, app.UnitPerformanceRequest{Capaian: model.CapaianBaik, Basis: "x"})
		if k := refusedKey(err); k != "conflict.unitperf.period.locked" {
			t.Errorf("a locked period: %v, want the 409 that says it is locked", err)
		}
	})
}

func TestUnitPerformanceSetterSekda(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, po := perfEnv(t, s)
		ctx := context.Background()
		jan := po.jan.ID
		req := app.UnitPerformanceRequest{Capaian: model.CapaianBaik, Basis: "Capaian PK sesuai target."}

		// Only BKPSDM changes the setting, and only to one of the two.
		if _, err := e.a.SetUnitPerformanceSettings(ctx, who["wali"], model.UnitPerformanceSettings{Setter: model.CapaianSetterSekda}); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the Wali Kota changed the settings: %v", err)
		}
		_, err := e.a.SetUnitPerformanceSettings(ctx, e.admin, model.UnitPerformanceSettings{Setter: "bupati", BappedaUnitID: e.o.Aplikasi.ID})
		if f := fields(err); f["capaian_setter"] == "" || f["bappeda_unit_id"] == "" {
			t.Errorf("a bad setter and a bidang as Bappeda: %v", err)
		}
		set, err := e.a.SetUnitPerformanceSettings(ctx, e.admin, model.UnitPerformanceSettings{Setter: model.CapaianSetterSekda})
		if err != nil || set.Setter != model.CapaianSetterSekda {
			t.Fatalf("settings = %+v, %v", set, err)
		}

		// Now the Sekda sets the OPDs' capaian, not the Wali Kota ...
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, jan, req); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the Wali Kota set it while the Sekda does: %v", err)
		}
		v, err := e.a.SetUnitPerformance(ctx, who["sekda"], e.o.Kominfo.ID, jan, req)
		if err != nil || v.Performance.SetBy != po.sekda.ID {
			t.Fatalf("the Sekda sets: %+v, %v", v, err)
		}
		// ... except the Sekretariat Daerah's, which the Sekda leads: the Wali Kota's.
		if _, err := e.a.SetUnitPerformance(ctx, who["sekda"], po.setda.ID, jan, req); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the Sekda set the capaian of their own OPD: %v", err)
		}
		if v, err := e.a.SetUnitPerformance(ctx, who["wali"], po.setda.ID, jan, req); err != nil || v.LeaderRating != model.RatingSesuai {
			t.Errorf("the Wali Kota sets the Setda's: %+v, %v", v, err)
		}

		// Back to the kepala daerah.
		if _, err := e.a.SetUnitPerformanceSettings(ctx, e.admin, model.UnitPerformanceSettings{Setter: model.CapaianSetterKepalaDaerah}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.SetUnitPerformance(ctx, who["sekda"], e.o.Dinkes.ID, jan, req); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("the Sekda still sets: %v", err)
		}
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Dinkes.ID, jan, req); err != nil {
			t.Errorf("the Wali Kota again: %v", err)
		}
	})
}

func TestUnitPerformanceRecommend(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, po := perfEnv(t, s)
		ctx := context.Background()
		kominfo, jan := e.o.Kominfo.ID, po.jan.ID
		// Units named by code or id.
		if _, err := e.a.SetUnitPerformanceSettings(ctx, e.admin, model.UnitPerformanceSettings{Setter: model.CapaianSetterKepalaDaerah,
			BKPSDMUnitID: "bkpsdm", BappedaUnitID: po.bappeda.ID, InspektoratUnitID: "INSPEKTORAT"}); err != nil {
			t.Fatal(err)
		}
		if got, _ := e.a.UnitPerformanceSettings(ctx, who["staff1"]); got.BKPSDMUnitID != po.bkpsdm.ID || got.InspektoratUnitID != po.inspektorat.ID {
			t.Errorf("settings = %+v", got)
		}

		rec := func(who model.Actor, unit string, src model.RecommendationSource, c model.Capaian, note string) (app.UnitPerformanceView, error) {
			return e.a.RecommendUnitPerformance(ctx, who, unit, jan, app.UnitRecommendationRequest{Source: src, Capaian: c, Note: note})
		}
		// The head of Bappeda recommends as Bappeda, not as the Inspektorat, nor on their own OPD.
		v, err := rec(who["kabappeda"], kominfo, model.SourceBappeda, model.CapaianBaik, "Rencana aksi triwulan berjalan sesuai jadwal.")
		if err != nil || len(v.Recommendations) != 1 || v.Recommendations[0].Source != model.SourceBappeda ||
			v.Recommendations[0].By != who["kabappeda"].UserID || v.Performance != nil {
			t.Fatalf("Bappeda's recommendation = %+v, %v", v, err)
		}
		if len(v.Can.Sources) != 1 || v.Can.Sources[0] != model.SourceBappeda || v.Can.Set {
			t.Errorf("the head of Bappeda's rights = %+v", v.Can)
		}
		if _, err := rec(who["kabappeda"], kominfo, model.SourceInspektorat, model.CapaianBaik, ""); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("Bappeda recommended as the Inspektorat: %v", err)
		}
		if _, err := rec(who["kabappeda"], po.bappeda.ID, model.SourceBappeda, model.CapaianIstimewa, ""); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("Bappeda recommended on itself: %v", err)
		}
		// The Inspektur and the head of BKPSDM as their own; a BKPSDM admin as BKPSDM, others' only on their behalf.
		if _, err := rec(who["inspektur"], kominfo, model.SourceInspektorat, model.CapaianButuhPerbaikan, "Dua temuan audit belum ditindaklanjuti."); err != nil {
			t.Error(err)
		}
		if _, err := rec(who["kabkpsdm"], kominfo, model.SourceBKPSDM, model.CapaianBaik, ""); err != nil {
			t.Error(err)
		}
		// Bappeda's word without a basis for recording it on its behalf
		// is refused (unitperf_onbehalf_test.go has the rest).
		if _, err := rec(e.admin, kominfo, model.SourceBappeda, model.CapaianBaik, "Dicatat untuk Bappeda dari nota dinas."); fields(err)["basis"] == "" {
			t.Errorf("the admin recorded Bappeda's recommendation without a basis: %v", err)
		}
		v, err = rec(e.admin, kominfo, model.SourceBKPSDM, model.CapaianBaik, "Rekap kepegawaian triwulan.")
		if err != nil || len(v.Recommendations) != 4 || v.Recommendations[3].By != e.admin.UserID || len(v.Can.Sources) != 1 || len(v.Can.OnBehalf) != 0 {
			// Bappeda and the Inspektorat spoke for themselves: nobody
			// records on their behalf here any more.
			t.Fatalf("the admin's recommendation = %+v, %v", v, err)
		}
		// Nobody else: the setter, the OPD head, a leader, staff.
		for _, name := range []string{"wali", "kadis", "pimpinan", "auditor", "opd-kominfo"} {
			if _, err := rec(who[name], kominfo, model.SourceBKPSDM, model.CapaianBaik, ""); !errors.Is(err, model.ErrForbidden) {
				t.Errorf("%s recommended: %v", name, err)
			}
		}
		if _, err := rec(who["staff1"], kominfo, model.SourceBKPSDM, model.CapaianBaik, ""); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("staff recommended: %v", err)
		}
		// Validation.
		_, err = rec(e.admin, kominfo, "dprd", "hebat", strings.Repeat("x", model.UnitRecommendationNoteMax+1))
		if f := fields(err); f["source"] == "" || f["capaian"] == "" || f["note"] == "" {
			t.Errorf("a bad recommendation: %v", err)
		}
		entries, err := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "unit_performance"})
		if err != nil || len(entries) != 4 || entries[0].Action != "unit_performance.recommend" {
			t.Errorf("audit = %+v, %v", entries, err)
		}

		// The list: every OPD for BKPSDM, leaders and the recommending heads; one's own OPD for its head and admin.
		for name, want := range map[string]int{"admin": 6, "pimpinan": 6, "auditor": 6, "wali": 6, "kabappeda": 6, "kadis": 1, "opd-kominfo": 1} {
			l, err := e.a.UnitPerformances(ctx, who[name], jan)
			if err != nil || len(l.Items) != want || l.Period.ID != jan || len(l.Periods) != 13 {
				t.Errorf("%s lists %d OPDs (want %d), %v", name, len(l.Items), want, err)
			}
		}
		l, err := e.a.UnitPerformances(ctx, who["kadis"], jan)
		if err != nil || l.Items[0].Unit.ID != kominfo || len(l.Items[0].Recommendations) != 4 || l.Can.Settings {
			t.Errorf("the Kepala Dinas's list = %+v, %v", l, err)
		}
		// Without a period: the latest that has begun (March, on 2 March 2026).
		if l, err := e.a.UnitPerformances(ctx, who["kadis"], ""); err != nil || l.Period.Number != 3 || l.Period.Kind != model.PeriodMonthly {
			t.Errorf("the default period = %+v, %v", l.Period, err)
		}
		if _, err := e.a.UnitPerformances(ctx, who["staff1"], jan); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("staff listed the capaian: %v", err)
		}
		if _, err := e.a.UnitPerformances(ctx, e.admin, "0123456789abcdef0123456789abcdef"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("an unknown period in the list: %v", err)
		}
		if !e.a.MayReadUnitPerformance(ctx, who["kabappeda"]) || !e.a.MayReadUnitPerformance(ctx, who["kadis"]) || e.a.MayReadUnitPerformance(ctx, who["staff1"]) {
			t.Error("the menu's link follows the wrong people")
		}
	})
}

// The head of an OPD who leads it as Plh is named so beside the capaian.
func TestUnitPerformanceNamesAnActingHead(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _, po := perfEnv(t, s)
		ctx := context.Background()
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosKadinkes.ID,
			Kind: model.PlacementPlh, Start: "2026-02-02", End: "2026-03-31"}); err != nil {
			t.Fatal(err)
		}
		l, err := e.a.UnitPerformances(ctx, e.admin, po.jan.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range l.Items {
			switch v.Unit.ID {
			case e.o.Dinkes.ID:
				if v.Head == nil || v.Head.ID != e.o.Kabid.ID || v.HeadKind.Abbrev() != "Plh." {
					t.Errorf("the head of Dinkes = %+v as %q", v.Head, v.HeadKind)
				}
			case e.o.Kominfo.ID:
				if v.Head == nil || v.Head.ID != e.o.Kadis.ID || v.HeadKind.Abbrev() != "" {
					t.Errorf("the head of Kominfo = %+v as %q", v.Head, v.HeadKind)
				}
			}
		}
	})
}
