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

// Without a filter the assessment list holds everything the actor may
// read: their own, those of the people they rate and below them, and
// what their role reads. Each filter narrows it, and filters combine.
func TestAssessmentListFiltersNarrow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		o := e.o
		name := map[string]string{}
		for _, p := range []struct {
			emp model.Employee
			pos model.Position
		}{{o.Kadis, o.PosKadis}, {o.Kabid, o.PosKabid}, {o.Staff1, o.PosStaff}, {o.Staff2, o.PosStaff}, {o.Staff3, o.PosAdm},
			{o.Kadinkes, o.PosKadinkes}, {o.Nurse, o.PosNurse}} {
			approvedSKP(t, e, s, p.emp, p.pos, "")
			name[p.emp.ID] = p.emp.Name
		}
		jan := movePeriods(t, e, 1, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		opdAdmin := model.Actor{UserID: "opd", InstansiID: o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: o.Kominfo.ID}}}
		whose := func(actor model.Actor, f app.AssessmentFilter) []string {
			t.Helper()
			f.PeriodID, f.Limit = jan.ID, 200
			page, err := e.a.Assessments(ctx, actor, f)
			if err != nil {
				t.Fatalf("%+v: %v", f, err)
			}
			var out []string
			for _, it := range page.Items {
				out = append(out, name[it.EmployeeID])
			}
			slices.Sort(out)
			return out
		}
		names := func(emps ...model.Employee) []string {
			var out []string
			for _, e := range emps {
				out = append(out, e.Name)
			}
			slices.Sort(out)
			return out
		}
		cases := []struct {
			what  string
			actor model.Actor
			f     app.AssessmentFilter
			want  []string
		}{
			{"the Kabid, unfiltered", who["kabid"], app.AssessmentFilter{}, names(o.Kabid, o.Staff1, o.Staff2)},
			{"the Kabid, those he rates", who["kabid"], app.AssessmentFilter{RatedByMe: true}, names(o.Staff1, o.Staff2)},
			{"the Kabid, his own", who["kabid"], app.AssessmentFilter{Employee: o.Kabid.ID}, names(o.Kabid)},
			{"the Kadis, unfiltered", who["kadis"], app.AssessmentFilter{}, names(o.Kadis, o.Kabid, o.Staff1, o.Staff2, o.Staff3)},
			{"the Kadis, those he rates", who["kadis"], app.AssessmentFilter{RatedByMe: true}, names(o.Kabid, o.Staff3)},
			{"the Kadis, those he rates of his OPD", who["kadis"], app.AssessmentFilter{RatedByMe: true, OPDID: o.Kominfo.ID}, names(o.Kabid, o.Staff3)},
			{"the Kadis, those he rates, Staff1's", who["kadis"], app.AssessmentFilter{RatedByMe: true, Employee: o.Staff1.ID}, nil},
			{"the Kadis, rated", who["kadis"], app.AssessmentFilter{Status: model.AssessmentRated}, nil},
			{"Staff1, unfiltered", who["staff1"], app.AssessmentFilter{}, names(o.Staff1)},
			{"Staff1, those she rates", who["staff1"], app.AssessmentFilter{RatedByMe: true}, nil},
			{"the nurse, unfiltered", who["nurse"], app.AssessmentFilter{}, names(o.Nurse)},
			{"Kominfo's admin, unfiltered", opdAdmin, app.AssessmentFilter{}, names(o.Kadis, o.Kabid, o.Staff1, o.Staff2, o.Staff3)},
			{"BKPSDM, unfiltered", e.admin, app.AssessmentFilter{}, names(o.Kadis, o.Kabid, o.Staff1, o.Staff2, o.Staff3, o.Kadinkes, o.Nurse)},
			{"BKPSDM, the Dinkes", e.admin, app.AssessmentFilter{OPDID: o.Dinkes.ID}, names(o.Kadinkes, o.Nurse)},
		}
		for _, c := range cases {
			if got := whose(c.actor, c.f); !slices.Equal(got, c.want) {
				t.Errorf("%s: %q, want %q", c.what, got, c.want)
			}
		}
		// A line too long to send as a list reads the instansi and keeps
		// what the actor may read, a page at a time: the same lists.
		restore := app.SetLineCap(1)
		defer restore()
		for _, c := range cases {
			if got := whose(c.actor, c.f); !slices.Equal(got, c.want) {
				t.Errorf("%s, the line read whole: %q, want %q", c.what, got, c.want)
			}
		}
		var got []string
		f := app.AssessmentFilter{PeriodID: jan.ID, Limit: 1}
		for range 10 {
			page, err := e.a.Assessments(ctx, who["kadis"], f)
			if err != nil || len(page.Items) != 1 {
				t.Fatalf("page after %q: %+v, %v", f.Cursor, page.Items, err)
			}
			got = append(got, name[page.Items[0].EmployeeID])
			if f.Cursor = page.Next; f.Cursor == "" {
				break
			}
		}
		slices.Sort(got)
		if want := names(o.Kadis, o.Kabid, o.Staff1, o.Staff2, o.Staff3); !slices.Equal(got, want) {
			t.Errorf("the Kadis's pages of one: %q, want %q", got, want)
		}
		// Someone else's result is no cursor of Staff1's: it would tell
		// that it exists.
		all, err := e.a.Assessments(ctx, e.admin, app.AssessmentFilter{PeriodID: jan.ID, Employee: o.Nurse.ID})
		if err != nil || len(all.Items) != 1 {
			t.Fatalf("the nurse's result: %+v, %v", all.Items, err)
		}
		if _, err := e.a.Assessments(ctx, who["staff1"], app.AssessmentFilter{Cursor: all.Items[0].ID}); !invalidOn(err, "cursor") {
			t.Errorf("another's result as Staff1's cursor: %v", err)
		}
		// A filter naming what the actor may not look at is not found.
		for _, f := range []app.AssessmentFilter{{OPDID: o.Dinkes.ID}, {OPDID: o.Kominfo.ID}, {Employee: o.Nurse.ID}, {Employee: o.Staff2.ID}} {
			if _, err := e.a.Assessments(ctx, who["staff1"], f); !errors.Is(err, model.ErrNotFound) || errors.Is(err, model.ErrForbidden) {
				t.Errorf("Staff1 with %+v: %v, want not found", f, err)
			}
		}
	})
}

// Sending a result not yet rated is refused for the state it is in (409),
// not for what was sent.
func TestSendingBeforeRatingIsAConflict(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		skp := approvedSKP(t, e, s, e.o.Staff1, e.o.PosStaff, "")
		jan := movePeriods(t, e, 1, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		it := assessmentOf(t, e, who["kabid"], app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID}, skp)
		if it.Can.Finalize {
			t.Error("sending is offered before the rating")
		}
		_, err := e.a.FinalizeAssessment(context.Background(), who["kabid"], it.ID, it.Version)
		if k := refusedKey(err); k != "conflict.assessment.notrated" {
			t.Errorf("sending before rating: %v, want the 409 conflict.assessment.notrated", err)
		}
	})
}
