package app_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// raterEnv is the planning fixture with the Kadis's and the Kabid's SKP
// approved, Staff2's SKP approved by the Kabid with a progress entry
// waiting, Staff1's SKP waiting for the Kabid's approval, and an account
// for the Kepala Dinas Kesehatan.
func raterEnv(t *testing.T, s *store.Store) (env, map[string]model.Actor, map[string]model.SKP, model.Progress) {
	t.Helper()
	e, who := planningEnv(t, s)
	ctx := context.Background()
	if _, err := e.a.CreateUser(ctx, model.SystemActor(e.o.Instansi.ID, "test"), app.NewUser{EmployeeNIP: storetest.NIPKadinkes, Password: "rahasia-kadinkes"}); err != nil {
		t.Fatal(err)
	}
	who["kadinkes"] = e.login(t, storetest.NIPKadinkes, "rahasia-kadinkes")
	skps := map[string]model.SKP{}
	skps["kadis"] = approve(t, e, who["wali"], submittedSKP(t, e, who["kadis"], "", "Meningkatnya layanan pemerintahan berbasis elektronik"))
	skps["kabid"] = approve(t, e, who["kadis"], submittedSKP(t, e, who["kabid"], skps["kadis"].RHK[0].ID, "Tersedianya aplikasi layanan"))
	skps["staff2"] = approve(t, e, who["kabid"], submittedSKP(t, e, who["staff2"], skps["kabid"].RHK[0].ID, "Terpeliharanya server aplikasi"))
	skps["staff1"] = submittedSKP(t, e, who["staff1"], skps["kabid"].RHK[0].ID, "Terbangunnya modul perizinan")
	p, err := e.a.SubmitProgress(ctx, who["staff2"], model.Progress{WorkDate: "2026-03-02", RHKID: skps["staff2"].RHK[0].ID,
		Description: "Memperbarui sertifikat server", Minutes: 90})
	if err != nil {
		t.Fatal(err)
	}
	return e, who, skps, p
}

// The Kabid is transferred (definitif, from today) to the Sekretariat and
// the Kepala Dinas Kesehatan is made Plt of her post: from today the Plt rates the Kabid's staff on every path,
// and the Kabid who left rates nobody there. Staff1's waiting SKP records
// the change of hands; Staff2's approved SKP keeps its snapshot.
func TestRaterFollowsTheOrganisationOnTheDayOfTheAct(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, skps, waiting := raterEnv(t, s)
		ctx := context.Background()
		kabid := who["kabid"]
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID,
			Kind: model.PlacementDefinitif, Start: "2026-03-02", Decree: "800/12/BKPSDM/2026"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Kadinkes.ID, PositionID: e.o.PosKabid.ID,
			Kind: model.PlacementPlt, Start: "2026-03-02", Decree: "800/13/BKPSDM/2026"}); err != nil {
			t.Fatal(err)
		}
		// Each request builds the actor anew: the Plt is a supervisor now.
		plt := e.login(t, storetest.NIPKadinkes, "rahasia-kadinkes")

		// The employee page, the Plt's list and the approval agree.
		d, err := e.a.Employee(ctx, e.admin, e.o.Staff1.ID)
		if err != nil || d.Rater == nil || d.Rater.ID != e.o.Kadinkes.ID {
			t.Fatalf("employee page names rater %+v, %v", d.Rater, err)
		}
		list, err := e.a.SKPsView(ctx, plt, 2026)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(list.Team, func(it app.SKPItem) bool { return it.SKP.ID == skps["staff1"].ID })
		if i < 0 || !list.Team[i].Can.Approve || list.Waiting != 1 {
			t.Fatalf("the Plt's list: %+v (waiting %d)", list.Team, list.Waiting)
		}
		if _, err := e.a.ApproveSKP(ctx, kabid, skps["staff1"].ID, skps["staff1"].Version); err == nil {
			t.Fatal("the head who left approved her former staff's SKP")
		}
		if v, err := e.a.SKPView(ctx, kabid, skps["staff1"].ID); err == nil && (v.Can.Approve || v.Can.Return || v.Can.Expect) {
			t.Errorf("the head who left is offered %+v", v.Can)
		}
		approved, err := e.a.ApproveSKP(ctx, plt, skps["staff1"].ID, skps["staff1"].Version)
		if err != nil {
			t.Fatalf("the Plt's approval: %v", err)
		}
		if approved.Rater.EmployeeID != e.o.Kadinkes.ID || approved.Rater.Position != model.ActingTitle(model.PlacementPlt, e.o.PosKabid.Name) ||
			approved.UpperRater.EmployeeID != e.o.Kadis.ID { // whoever rates the acting post, not the Plt's own rater
			t.Errorf("approved SKP names rater %+v, upper %+v", approved.Rater, approved.UpperRater)
		}
		versions, err := e.a.SKPVersions(ctx, plt, approved.ID)
		if err != nil || len(versions) != 1 || versions[0].Rater.EmployeeID != e.o.Kadinkes.ID {
			t.Errorf("approved document names %+v, %v", versions, err)
		}

		// The change of hands is in the SKP's history and the audit log,
		// in the name of the administrator who placed the Plt.
		v, err := e.a.SKPView(ctx, plt, approved.ID)
		if err != nil {
			t.Fatal(err)
		}
		var steps []string
		for _, h := range v.History {
			steps = append(steps, h.Action)
		}
		// Two changes: the Kadis rates through the vacancy the transfer
		// left, then the Plt.
		if !slices.Equal(steps, []string{"create", "submit", "raters", "raters", "approve"}) {
			t.Fatalf("history = %v", steps)
		}
		if h := v.History[2]; h.From != e.o.Kabid.FullName() || h.To != e.o.Kadis.FullName() || h.By != e.admin.Name {
			t.Errorf("the first change of hands reads %+v", h)
		}
		if h := v.History[3]; h.From != e.o.Kadis.FullName() || h.To != e.o.Kadinkes.FullName() || h.By != e.admin.Name {
			t.Errorf("the second change of hands reads %+v", h)
		}
		entries, err := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "skp", EntityID: approved.ID, Limit: 50})
		if err != nil || !slices.ContainsFunc(entries, func(a model.AuditEntry) bool { return a.Action == "skp.raters" && a.ActorID == e.admin.UserID }) {
			t.Errorf("audit log of the SKP: %+v, %v", entries, err)
		}
		n, err := e.a.Notifications(ctx, plt, "")
		if err != nil || !slices.ContainsFunc(n.Items, func(x app.NotificationView) bool { return x.Kind == "skp.raters" }) {
			t.Errorf("the Plt was not told an SKP waits for her: %+v, %v", n.Items, err)
		}

		// An approved SKP keeps the snapshot it was approved with; what is
		// done on it now is for today's rater.
		v, err = e.a.SKPView(ctx, plt, skps["staff2"].ID)
		if err != nil {
			t.Fatal(err)
		}
		if v.SKP.Rater.EmployeeID != e.o.Kabid.ID || v.RatedNow == nil || v.RatedNow.EmployeeID != e.o.Kadinkes.ID ||
			v.RatedNow.Position != model.ActingTitle(model.PlacementPlt, e.o.PosKabid.Name) || !v.Can.Dialogue {
			t.Errorf("approved SKP: rater %+v, rated now %+v, can %+v", v.SKP.Rater, v.RatedNow, v.Can)
		}
		if _, err := e.a.AddDialogue(ctx, kabid, skps["staff2"].ID, "2026-03-02", "Membahas target", ""); err == nil {
			t.Error("the head who left recorded a dialogue on her former staff's SKP")
		}

		// Progress: the Plt reviews what waits, the head who left does not;
		// the desk and the feedback agree.
		if _, err := e.a.ReviewProgress(ctx, kabid, waiting.ID, waiting.Version, true, ""); !errors.Is(err, model.ErrForbidden) && !errors.Is(err, model.ErrNotFound) {
			t.Errorf("the head who left reviewed progress: %v", err)
		}
		desk, err := e.a.SupervisorDesk(ctx, plt, app.DeskQuery{})
		if err != nil || desk.WaitingCount != 1 || len(desk.Waiting) != 1 || !desk.Waiting[0].Can.Approve {
			t.Errorf("the Plt's desk: %d waiting, %+v, %v", desk.WaitingCount, desk.Waiting, err)
		}
		if desk, err := e.a.SupervisorDesk(ctx, kabid, app.DeskQuery{}); err != nil || desk.WaitingCount != 0 {
			t.Errorf("the desk of the head who left: %d waiting, %v", desk.WaitingCount, err)
		}
		if _, err := e.a.AddFeedback(ctx, kabid, app.TargetSKP, skps["staff2"].ID, "Semangat!"); err == nil {
			t.Error("the head who left gave feedback on her former staff's SKP")
		}
		if _, err := e.a.AddFeedback(ctx, plt, app.TargetSKP, skps["staff2"].ID, "Lanjutkan pemeliharaan server."); err != nil {
			t.Errorf("the Plt's feedback: %v", err)
		}
		if _, err := e.a.ReviewProgress(ctx, plt, waiting.ID, waiting.Version, true, ""); err != nil {
			t.Errorf("the Plt's review: %v", err)
		}
	})
}

// A substitute rater from a later day takes over on that day by itself:
// the first read of the waiting SKP on that day hands it over, in
// Kinerja's name, and only the new rater may approve it.
func TestRaterChangesOnTheDayASubstituteStarts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, skps, _ := raterEnv(t, s)
		ctx := context.Background()
		if _, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: e.o.Staff1.ID, RaterID: e.o.Kadis.ID,
			Start: "2026-03-03", Reason: "Kepala bidang cuti besar"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.ApproveSKP(ctx, who["kadis"], skps["staff1"].ID, skps["staff1"].Version); err == nil {
			t.Fatal("the substitute approved before her first day")
		}
		e.clock.add(24 * time.Hour)
		if _, err := e.a.ApproveSKP(ctx, who["kabid"], skps["staff1"].ID, skps["staff1"].Version); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the replaced rater's approval on the substitute's first day: %v", err)
		}
		got, err := e.a.SKP(ctx, who["staff1"], skps["staff1"].ID)
		if err != nil || got.Rater.EmployeeID != e.o.Kadis.ID || got.Version != skps["staff1"].Version {
			t.Fatalf("SKP on the substitute's first day: rater %+v, version %d (was %d), %v", got.Rater, got.Version, skps["staff1"].Version, err)
		}
		h, err := e.a.SKPHistory(ctx, who["staff1"], got.ID)
		if err != nil || len(h) != 3 || h[2].Action != "raters" || h[2].By != model.SystemActor("", "organisasi").Name {
			t.Errorf("history = %+v, %v", h, err)
		}
		if _, err := e.a.ApproveSKP(ctx, who["kadis"], got.ID, got.Version); err != nil {
			t.Errorf("the substitute's approval: %v", err)
		}
	})
}

// The Kabid stays in her post but is away: the Kepala Dinas Kesehatan is
// made Plh of the post for two weeks. During them the Plh rates the
// Kabid's staff (an acting placement outranks the definitive one while it
// lasts); the Kabid does not.
func TestPlhStandsInForAHolderAway(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, skps, waiting := raterEnv(t, s)
		ctx := context.Background()
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Kadinkes.ID, PositionID: e.o.PosKabid.ID,
			Kind: model.PlacementPlh, Start: "2026-03-02", End: "2026-03-13", Decree: "800/14/BKPSDM/2026"}); err != nil {
			t.Fatal(err)
		}
		plh := e.login(t, storetest.NIPKadinkes, "rahasia-kadinkes")
		d, err := e.a.Employee(ctx, e.admin, e.o.Staff1.ID)
		if err != nil || d.Rater == nil || d.Rater.ID != e.o.Kadinkes.ID {
			t.Fatalf("during the Plh's term the employee page names %+v, %v", d.Rater, err)
		}
		if _, err := e.a.ApproveSKP(ctx, who["kabid"], skps["staff1"].ID, skps["staff1"].Version); !errors.Is(err, model.ErrForbidden) && !app.IsNotFound(err) {
			t.Errorf("the Kabid away approves: %v", err)
		}
		if _, err := e.a.ReviewProgress(ctx, plh, waiting.ID, waiting.Version, true, ""); err != nil {
			t.Errorf("the Plh reviews the staff's progress: %v", err)
		}
		approved, err := e.a.ApproveSKP(ctx, plh, skps["staff1"].ID, skps["staff1"].Version)
		if err != nil {
			t.Fatalf("the Plh approves: %v", err)
		}
		if approved.Rater.EmployeeID != e.o.Kadinkes.ID || approved.Rater.Position != model.ActingTitle(model.PlacementPlh, e.o.PosKabid.Name) {
			t.Errorf("approved with rater %+v", approved.Rater)
		}
		// After the term, the Kabid rates again.
		e.clock.add(14 * 24 * time.Hour)
		if d, err := e.a.Employee(ctx, e.admin, e.o.Staff1.ID); err != nil || d.Rater == nil || d.Rater.ID != e.o.Kabid.ID {
			t.Errorf("after the term the employee page names %+v, %v", d.Rater, err)
		}
	})
}
