package app_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// objectionsOfAll gives Staff1, Staff2 and Staff3 (Kominfo; Staff3's
// pejabat penilai, the Sekretaris, is vacant), the Kepala Bidang
// (Kominfo) and the nurse (Dinkes) a final annual result for 2026, each
// objected to (through the store: the act's own rules are tested
// elsewhere). It answers the objections' ids by the objector's name in
// who.
func objectionsOfAll(t *testing.T, e env, s *store.Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	sys := model.SystemActor(e.o.Instansi.ID, "test")
	people := map[string]struct {
		emp model.Employee
		pos string
	}{
		"staff1": {e.o.Staff1, e.o.PosStaff.ID}, "staff2": {e.o.Staff2, e.o.PosStaff.ID}, "staff3": {e.o.Staff3, e.o.PosAdm.ID},
		"kabid": {e.o.Kabid, e.o.PosKabid.ID}, "nurse": {e.o.Nurse, e.o.PosNurse.ID},
	}
	if err := s.Write(ctx, sys, func(tx *store.Tx) error {
		for _, p := range people {
			sk, err := tx.CreateSKP(ctx, model.SKP{InstansiID: e.o.Instansi.ID, EmployeeID: p.emp.ID, Year: 2026, PeriodStart: "2026-01-01",
				PeriodEnd: "2026-12-31", Approach: model.ApproachKuantitatif, Format: model.FormatJAJF,
				Employee: model.PersonSnapshot{EmployeeID: p.emp.ID, Name: p.emp.Name, NIP: p.emp.NIP}}, p.pos)
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
	year := movePeriods(t, e, 1, model.PeriodAnnual, model.PeriodOpen, model.PeriodClosed)
	list, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: e.o.Instansi.ID, PeriodID: year.ID})
	if err != nil || len(list) != len(people) {
		t.Fatalf("the year's assessments: %d, %v", len(list), err)
	}
	ids := map[string]string{}
	if err := s.Write(ctx, sys, func(tx *store.Tx) error {
		for _, as := range list {
			after := as
			after.Status, after.HasilKerja, after.PerilakuKerja, after.Predikat = model.AssessmentFinal, model.RatingSesuai, model.RatingSesuai, model.PredikatBaik
			after.FinalizedAt = e.clock.now()
			if after, err = tx.UpdateAssessment(ctx, "assessment.finalize", as, after); err != nil {
				return err
			}
			o, err := tx.CreateObjection(ctx, model.Objection{InstansiID: as.InstansiID, AssessmentID: as.ID, EmployeeID: as.EmployeeID,
				Reason: "Tidak sependapat", Deadline: model.ObjectionDeadline(after.ReceivedAt, model.ZoneWIB)})
			if err != nil {
				return err
			}
			for name, p := range people {
				if p.emp.ID == as.EmployeeID {
					ids[name] = o.ID
				}
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return ids
}

// The keberatan list follows the rule of every list: without a filter it
// holds every objection the actor may read (their own, those of their
// line, what their role reads), each filter narrows it, the filters
// combine, and paging walks it all.
func TestObjectionListHoldsWhatOneMayRead(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		who["nurse"], who["admin"] = e.login(t, storetest.NIPNurse, "rahasia-nurse"), e.admin
		ids := objectionsOfAll(t, e, s)
		names := map[string]string{}
		for n, id := range ids {
			names[id] = n
		}
		list := func(actor string, f app.ObjectionFilter) []string {
			t.Helper()
			page, err := e.a.Objections(ctx, who[actor], f)
			if err != nil {
				t.Fatalf("%s %+v: %v", actor, f, err)
			}
			var out []string
			for _, it := range page.Items {
				out = append(out, names[it.Objection.ID])
			}
			slices.Sort(out)
			return out
		}
		expect := func(actor string, f app.ObjectionFilter, want ...string) {
			t.Helper()
			slices.Sort(want)
			if got := list(actor, f); !slices.Equal(got, want) {
				t.Errorf("%s %+v = %v, want %v", actor, f, got, want)
			}
		}
		all := []string{"kabid", "nurse", "staff1", "staff2", "staff3"}
		// Unfiltered: one's own, one's line, one's role.
		expect("staff1", app.ObjectionFilter{}, "staff1")
		expect("nurse", app.ObjectionFilter{}, "nurse")
		expect("kabid", app.ObjectionFilter{}, "kabid", "staff1", "staff2")
		expect("kadis", app.ObjectionFilter{}, "kabid", "staff1", "staff2", "staff3")
		expect("admin", app.ObjectionFilter{}, all...)
		// Each filter narrows.
		expect("kabid", app.ObjectionFilter{Mine: true}, "kabid")
		expect("staff1", app.ObjectionFilter{Mine: true}, "staff1")
		expect("admin", app.ObjectionFilter{Mine: true})
		expect("kabid", app.ObjectionFilter{Todo: true}, "staff1", "staff2")
		// The Kepala Dinas explains the Kepala Bidang's and decides
		// Staff3's, whose pejabat penilai is vacant; the line below waits
		// for the Kepala Bidang.
		expect("kadis", app.ObjectionFilter{Todo: true}, "kabid", "staff3")
		expect("staff1", app.ObjectionFilter{Todo: true})
		expect("admin", app.ObjectionFilter{OPDID: e.o.Dinkes.ID}, "nurse")
		expect("admin", app.ObjectionFilter{OPDID: e.o.Kominfo.ID}, "kabid", "staff1", "staff2", "staff3")
		if _, err := e.a.ExplainObjection(ctx, who["kabid"], ids["staff2"], "Sudah sesuai bukti.", 0); err != nil {
			t.Fatal(err)
		}
		expect("admin", app.ObjectionFilter{Status: model.ObjectionExplained}, "staff2")
		expect("kabid", app.ObjectionFilter{Status: model.ObjectionSubmitted}, "kabid", "staff1")
		// They combine.
		expect("kabid", app.ObjectionFilter{Todo: true}, "staff1")
		expect("kadis", app.ObjectionFilter{Todo: true}, "kabid", "staff2", "staff3")
		expect("kadis", app.ObjectionFilter{Todo: true, Status: model.ObjectionExplained}, "staff2")
		expect("kabid", app.ObjectionFilter{Mine: true, Todo: true})
		expect("kabid", app.ObjectionFilter{Mine: true, Status: model.ObjectionExplained})
		expect("admin", app.ObjectionFilter{OPDID: e.o.Kominfo.ID, Status: model.ObjectionSubmitted}, "kabid", "staff1", "staff3")
		expect("admin", app.ObjectionFilter{OPDID: e.o.Dinkes.ID, Status: model.ObjectionExplained})
		expect("kadis", app.ObjectionFilter{OPDID: e.o.Kominfo.ID, Todo: true}, "kabid", "staff2", "staff3")
		// An OPD one may not read as a whole is not there; nor is a state
		// that is none.
		for _, c := range []struct {
			actor, opd string
		}{{"staff1", e.o.Kominfo.ID}, {"kabid", e.o.Kominfo.ID}, {"kadis", e.o.Dinkes.ID}, {"admin", e.o.Aplikasi.ID}, {"admin", e.o.Instansi.ID}} {
			if _, err := e.a.Objections(ctx, who[c.actor], app.ObjectionFilter{OPDID: c.opd}); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s lists the objections of %s: %v", c.actor, c.opd, err)
			}
		}
		if _, err := e.a.Objections(ctx, who["admin"], app.ObjectionFilter{Status: "open"}); !invalidOn(err, "status") {
			t.Errorf("a state that is none: %v", err)
		}
		// Someone else's objection is no cursor: it would tell that it exists.
		if _, err := e.a.Objections(ctx, who["staff1"], app.ObjectionFilter{Cursor: ids["nurse"]}); !invalidOn(err, "cursor") {
			t.Errorf("another's objection as a cursor: %v", err)
		}
		if _, err := e.a.Objections(ctx, who["staff1"], app.ObjectionFilter{Cursor: ids["staff1"]}); err != nil {
			t.Errorf("one's own objection as a cursor: %v", err)
		}
		// An OPD admin's role adds the OPD to their line.
		if err := e.a.GrantRole(ctx, e.admin, storetest.NIPKabid, model.RoleOPDAdmin, "DINKES"); err != nil {
			t.Fatal(err)
		}
		who["kabid"] = e.login(t, storetest.NIPKabid, "rahasia-kabid")
		expect("kabid", app.ObjectionFilter{}, "kabid", "nurse", "staff1", "staff2")
		expect("kabid", app.ObjectionFilter{OPDID: e.o.Dinkes.ID}, "nurse")
		expect("kabid", app.ObjectionFilter{Todo: true}, "staff1")

		// Paging walks the whole list once, newest first, and counts it.
		for actor, want := range map[string][]string{"admin": all, "kadis": {"kabid", "staff1", "staff2", "staff3"}} {
			var seen []string
			f := app.ObjectionFilter{Limit: 2, Count: true}
			for pages := 0; ; pages++ {
				page, err := e.a.Objections(ctx, who[actor], f)
				if err != nil || pages > len(want) {
					t.Fatalf("%s page %d: %v", actor, pages, err)
				}
				if len(page.Items) > 2 || page.Total != len(want) {
					t.Errorf("%s page %d: %d items, total %d", actor, pages, len(page.Items), page.Total)
				}
				for _, it := range page.Items {
					seen = append(seen, names[it.Objection.ID])
				}
				if f.Cursor = page.Next; f.Cursor == "" {
					break
				}
			}
			slices.Sort(seen)
			if !slices.Equal(seen, want) {
				t.Errorf("%s's pages hold %v, want %v", actor, seen, want)
			}
		}
		// An OPD's, counted on every page; a to-do list is not counted
		// beyond its one page.
		if page, err := e.a.Objections(ctx, who["admin"], app.ObjectionFilter{OPDID: e.o.Kominfo.ID, Limit: 1, Count: true}); err != nil ||
			page.Total != 4 || page.Next == "" {
			t.Errorf("Kominfo's first page: total %d, next %q, %v", page.Total, page.Next, err)
		}
		if page, err := e.a.Objections(ctx, who["kadis"], app.ObjectionFilter{Todo: true, Limit: 1, Count: true}); err != nil || page.Total != -1 {
			t.Errorf("the atasan's to-do, first page: total %d, %v", page.Total, err)
		}
		if page, err := e.a.Objections(ctx, who["kadis"], app.ObjectionFilter{Todo: true, Count: true}); err != nil || page.Total != 3 {
			t.Errorf("the atasan's to-do on one page: total %d, %v", page.Total, err)
		}
	})
}
