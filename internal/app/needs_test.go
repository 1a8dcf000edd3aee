package app_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// needsEnv is planningEnv with an SKP for Staff1 and Staff2 (one RHK
// each) and admins of the two OPDs.
func needsEnv(t *testing.T, s *store.Store) (env, map[string]model.Actor, map[string]string) {
	t.Helper()
	e, who := planningEnv(t, s)
	ctx := context.Background()
	sys := model.SystemActor(e.o.Instansi.ID, "test")
	for _, n := range []app.NewUser{
		{Username: "opd-kominfo", Password: "rahasia-opd1", Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Kominfo.ID}}},
		{Username: "opd-dinkes", Password: "rahasia-opd2", Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Dinkes.ID}}},
		{Username: "pimpinan", Password: "rahasia-lead", Roles: []model.RoleGrant{{Role: model.RoleLeader}}},
	} {
		if _, err := e.a.CreateUser(ctx, sys, n); err != nil {
			t.Fatal(err)
		}
	}
	who["opd-kominfo"] = e.login(t, "opd-kominfo", "rahasia-opd1")
	who["opd-dinkes"] = e.login(t, "opd-dinkes", "rahasia-opd2")
	who["leader"] = e.login(t, "pimpinan", "rahasia-lead")
	rhk := map[string]string{}
	for _, name := range []string{"staff1", "staff2"} {
		skp, err := e.a.CreateSKP(ctx, who[name], who[name].EmployeeID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		r, err := e.a.SaveRHK(ctx, who[name], skp.Version, model.RHK{SKPID: skp.ID, Kind: model.RHKUtama,
			Description: "Tersedianya aplikasi layanan perizinan daring"})
		if err != nil {
			t.Fatal(err)
		}
		rhk[name] = r.ID
	}
	return e, who, rhk
}

func TestNeedWorkflow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, rhk := needsEnv(t, s)
		ctx := context.Background()
		var v *model.ValidationError

		// Staff1 records a training need on their own RHK; it waits for the Kabid.
		n, err := e.a.RecordNeed(ctx, who["staff1"], model.Need{Kind: model.NeedTraining, Title: " Pelatihan SPBE ",
			Description: "Belum pernah mengikuti pelatihan arsitektur SPBE", RHKID: rhk["staff1"]})
		if err != nil {
			t.Fatal(err)
		}
		if n.Status != model.NeedOpen || n.Category != model.NeedCategoryNeed || n.EmployeeID != e.o.Staff1.ID || n.OPDID != e.o.Kominfo.ID ||
			n.UnitID != e.o.Aplikasi.ID || n.Year != 2026 || n.Version != 1 || n.Title != "Pelatihan SPBE" ||
			n.RHKText != "Tersedianya aplikasi layanan perizinan daring" || n.EmployeeName != "Andi Pratama" || n.ReporterName != "Andi Pratama" {
			t.Fatalf("recorded = %+v", n)
		}
		notes, _ := s.Notifications(ctx, e.o.Kabid.ID, 10)
		if len(notes) != 1 || notes[0].Kind != "need.recorded" || notes[0].Link != "/kebutuhan/"+n.ID {
			t.Errorf("the Kabid's notifications = %+v", notes)
		}
		// Another's RHK, another's work, a kind that does not exist.
		if _, err := e.a.RecordNeed(ctx, who["staff1"], model.Need{Kind: model.NeedTraining, Title: "X", RHKID: rhk["staff2"]}); !errors.As(err, &v) || v.Fields["rhk_id"] == "" {
			t.Errorf("a need on a colleague's RHK: %v", err)
		}
		if _, err := e.a.RecordNeed(ctx, who["staff1"], model.Need{EmployeeID: e.o.Staff2.ID, Kind: model.NeedTraining, Title: "X"}); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a colleague recorded a need for Staff2: %v", err)
		}
		if _, err := e.a.RecordNeed(ctx, who["staff1"], model.Need{Kind: "laptop", Title: ""}); !errors.As(err, &v) || v.Fields["kind"] == "" || v.Fields["title"] == "" {
			t.Errorf("an invalid need: %v", err)
		}

		// Who may read it: Staff1, the Kabid and the Kadis above, Kominfo's
		// admin, BKPSDM; not a colleague, nor another OPD.
		for _, name := range []string{"staff2", "nurse", "opd-dinkes"} {
			if _, err := e.a.Need(ctx, who[name], n.ID); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s read Staff1's need: %v", name, err)
			}
		}
		for _, name := range []string{"staff1", "kabid", "kadis", "opd-kominfo", "leader"} {
			if _, err := e.a.Need(ctx, who[name], n.ID); err != nil {
				t.Errorf("%s cannot read Staff1's need: %v", name, err)
			}
		}
		if got, _ := e.a.Need(ctx, who["kabid"], n.ID); !got.Can.Confirm || !got.Can.Close || got.Can.Address {
			t.Errorf("the Kabid's rights on an open need = %+v", got.Can)
		}
		if got, _ := e.a.Need(ctx, e.admin, n.ID); got.Can.Any() {
			t.Errorf("the admin's rights on an open need = %+v", got.Can)
		}

		// Only those above confirm; a stale version is refused.
		if _, err := e.a.ConfirmNeed(ctx, who["staff1"], n.ID, n.Version); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("Staff1 confirmed their own need: %v", err)
		}
		if _, err := e.a.ConfirmNeed(ctx, who["kabid"], n.ID, n.Version+1); !errors.Is(err, model.ErrConflict) {
			t.Errorf("a stale confirmation: %v", err)
		}
		if _, err := e.a.AddressNeed(ctx, e.admin, n.ID, n.Version, "Diikutkan bimtek"); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("an open need was addressed: %v", err)
		}
		n, err = e.a.ConfirmNeed(ctx, who["kabid"], n.ID, n.Version)
		if err != nil || n.Status != model.NeedConfirmed || n.Version != 2 || n.ConfirmerName != "Siti Rahmawati" || n.ConfirmedAt.IsZero() {
			t.Fatalf("confirmed = %+v, %v", n, err)
		}
		if _, err := e.a.ConfirmNeed(ctx, who["kadis"], n.ID, n.Version); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("confirmed twice: %v", err)
		}
		notes, _ = s.Notifications(ctx, e.o.Staff1.ID, 10)
		if len(notes) != 1 || notes[0].Kind != "need.confirm" {
			t.Errorf("Staff1's notifications = %+v", notes)
		}

		// Addressing: not the supervisor, not another OPD's admin, not without words.
		for _, name := range []string{"kabid", "staff1"} {
			if _, err := e.a.AddressNeed(ctx, who[name], n.ID, n.Version, "Sudah"); !errors.Is(err, model.ErrForbidden) {
				t.Errorf("%s addressed: %v", name, err)
			}
		}
		if _, err := e.a.AddressNeed(ctx, who["opd-dinkes"], n.ID, n.Version, "Sudah"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("another OPD's admin addressed: %v", err)
		}
		if _, err := e.a.AddressNeed(ctx, who["opd-kominfo"], n.ID, n.Version, " "); !errors.As(err, &v) || v.Fields["action"] == "" {
			t.Errorf("addressed without an action: %v", err)
		}
		n, err = e.a.AddressNeed(ctx, who["opd-kominfo"], n.ID, n.Version, "Didaftarkan pada bimtek SPBE Kominfo, Mei 2026")
		if err != nil || n.Status != model.NeedAddressed || n.ActionNote != "Didaftarkan pada bimtek SPBE Kominfo, Mei 2026" || n.AddresserName != "opd-kominfo" {
			t.Fatalf("addressed = %+v, %v", n, err)
		}
		notes, _ = s.Notifications(ctx, e.o.Kabid.ID, 10)
		if len(notes) != 2 || notes[0].Kind != "need.address" {
			t.Errorf("the Kabid was not told what was done: %+v", notes)
		}
		if _, err := e.a.CloseNeed(ctx, who["kabid"], n.ID, n.Version, "Tidak perlu lagi"); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("an addressed need was closed: %v", err)
		}

		// A supervisor records for their line: confirmed at once, the employee told.
		m, err := e.a.RecordNeed(ctx, who["kabid"], model.Need{EmployeeID: e.o.Staff2.ID, Kind: model.NeedEquipment,
			Title: "Laptop pengembangan rusak", RHKID: rhk["staff2"]})
		if err != nil || m.Status != model.NeedConfirmed || m.Category != model.NeedCategoryConstraint || m.ConfirmerName != "Siti Rahmawati" {
			t.Fatalf("recorded by the Kabid = %+v, %v", m, err)
		}
		notes, _ = s.Notifications(ctx, e.o.Staff2.ID, 10)
		if len(notes) != 1 || notes[0].Kind != "need.recorded" {
			t.Errorf("Staff2's notifications = %+v", notes)
		}
		if _, err := e.a.CloseNeed(ctx, who["kabid"], m.ID, m.Version, ""); !errors.As(err, &v) || v.Fields["note"] == "" {
			t.Errorf("closed without a reason: %v", err)
		}
		m, err = e.a.CloseNeed(ctx, who["kadis"], m.ID, m.Version, "Diganti dari inventaris dinas")
		if err != nil || m.Status != model.NeedClosed || m.ClosedNote != "Diganti dari inventaris dinas" || m.CloserName != "Budi Santoso" {
			t.Fatalf("closed = %+v, %v", m, err)
		}

		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "need", Limit: 50})
		actions := map[string]int{}
		for _, en := range entries {
			actions[en.Action]++
		}
		if actions["need.create"] != 2 || actions["need.confirm"] != 1 || actions["need.address"] != 1 || actions["need.close"] != 1 || len(entries) != 5 {
			t.Errorf("need audit = %v", actions)
		}
	})
}

func TestNeedListsAndSummary(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, _ := needsEnv(t, s)
		ctx := context.Background()
		record := func(actor model.Actor, employee string, kind model.NeedKind, title string) app.NeedView {
			t.Helper()
			n, err := e.a.RecordNeed(ctx, actor, model.Need{EmployeeID: employee, Kind: kind, Title: title})
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		training := record(who["staff1"], "", model.NeedTraining, "Pelatihan SPBE")
		record(who["staff2"], "", model.NeedTraining, "Pelatihan keamanan informasi")
		laptop := record(who["kabid"], e.o.Staff2.ID, model.NeedEquipment, "Laptop rusak")
		record(who["kadis"], "", model.NeedBudget, "Anggaran sosialisasi SPBE")
		record(who["nurse"], "", model.NeedFacility, "Ruang tindakan bocor")
		if _, err := e.a.CloseNeed(ctx, who["kabid"], training.ID, training.Version, "Sudah ada jadwal diklat dari BKPSDM"); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.AddressNeed(ctx, e.admin, laptop.ID, laptop.Version, "Diganti dari pengadaan perubahan"); err != nil {
			t.Fatal(err)
		}

		titles := func(actor model.Actor, q app.NeedQuery) []string {
			t.Helper()
			page, err := e.a.Needs(ctx, actor, q)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, n := range page.Items {
				out = append(out, n.Title)
			}
			slices.Sort(out)
			return out
		}
		cases := []struct {
			who  string
			q    app.NeedQuery
			want []string
		}{
			{"staff1", app.NeedQuery{}, []string{"Pelatihan SPBE"}},
			{"kabid", app.NeedQuery{}, []string{"Laptop rusak", "Pelatihan SPBE", "Pelatihan keamanan informasi"}},
			{"kadis", app.NeedQuery{Kind: model.NeedTraining}, []string{"Pelatihan SPBE", "Pelatihan keamanan informasi"}},
			{"nurse", app.NeedQuery{}, []string{"Ruang tindakan bocor"}},
			{"opd-dinkes", app.NeedQuery{}, []string{"Ruang tindakan bocor"}},
			{"opd-kominfo", app.NeedQuery{Category: model.NeedCategoryConstraint}, []string{"Anggaran sosialisasi SPBE", "Laptop rusak"}},
			{"leader", app.NeedQuery{Statuses: []model.NeedStatus{model.NeedOpen}}, []string{"Anggaran sosialisasi SPBE", "Pelatihan keamanan informasi", "Ruang tindakan bocor"}},
			{"leader", app.NeedQuery{UnitID: e.o.Aplikasi.ID, Year: 2026}, []string{"Laptop rusak", "Pelatihan SPBE", "Pelatihan keamanan informasi"}},
			{"leader", app.NeedQuery{Year: 2025}, nil},
		}
		for _, c := range cases {
			if got := titles(who[c.who], c.q); !slices.Equal(got, c.want) {
				t.Errorf("%s %+v sees %q, want %q", c.who, c.q, got, c.want)
			}
		}
		// Paging follows the cursor, newest first.
		first, err := e.a.Needs(ctx, e.admin, app.NeedQuery{Limit: 2})
		if err != nil || len(first.Items) != 2 || first.NextCursor == "" || first.Items[0].Title != "Ruang tindakan bocor" {
			t.Fatalf("first page = %+v, %v", first, err)
		}
		rest, err := e.a.Needs(ctx, e.admin, app.NeedQuery{Limit: 5, Cursor: first.NextCursor})
		if err != nil || len(rest.Items) != 3 || rest.NextCursor != "" || rest.Items[2].Title != "Pelatihan SPBE" {
			t.Errorf("second page = %+v, %v", rest, err)
		}
		var v *model.ValidationError
		if _, err := e.a.Needs(ctx, e.admin, app.NeedQuery{Kind: "laptop", UnitID: "nope"}); !errors.As(err, &v) || v.Fields["kind"] == "" || v.Fields["unit"] == "" {
			t.Errorf("bad filters: %v", err)
		}

		// The summary: every OPD for BKPSDM, counted by kind and status.
		sum, err := e.a.NeedSummary(ctx, e.admin, 2026, "", "")
		if err != nil {
			t.Fatal(err)
		}
		if len(sum.Lines) != 2 || sum.Lines[0].Unit.ID != e.o.Kominfo.ID || sum.Lines[1].Unit.ID != e.o.Dinkes.ID || len(sum.Kinds) != 8 {
			t.Fatalf("summary lines = %+v", sum.Lines)
		}
		kominfo := sum.Lines[0]
		if c := kominfo.Counts; c.Open != 2 || c.Confirmed != 0 || c.Addressed != 1 || c.Closed != 1 || c.Outstanding() != 2 || c.Total() != 4 {
			t.Errorf("Kominfo counts = %+v", c)
		}
		if c := kominfo.Kind(model.NeedTraining); c.Open != 1 || c.Closed != 1 || c.Of("outstanding") != 1 || c.Of("all") != 2 {
			t.Errorf("Kominfo training = %+v", c)
		}
		if c := kominfo.Kind(model.NeedEquipment); c.Addressed != 1 || c.Of("addressed") != 1 {
			t.Errorf("Kominfo equipment = %+v", c)
		}
		if sum.Total.Counts.Total() != 5 || sum.Total.Kind(model.NeedFacility).Open != 1 {
			t.Errorf("summary total = %+v", sum.Total)
		}
		// By category; an OPD admin sees the units of their own OPD only.
		sum, err = e.a.NeedSummary(ctx, e.admin, 2026, "", model.NeedCategoryNeed)
		if err != nil || len(sum.Kinds) != 3 || len(sum.Lines) != 1 || sum.Total.Counts.Total() != 2 {
			t.Errorf("needs only = %+v, %v", sum, err)
		}
		sum, err = e.a.NeedSummary(ctx, who["opd-kominfo"], 2026, "", "")
		if err != nil || sum.OPD == nil || sum.OPD.ID != e.o.Kominfo.ID || len(sum.Lines) != 2 || sum.Lines[0].Unit.ID != e.o.Aplikasi.ID ||
			sum.Lines[0].Counts.Total() != 3 || sum.Lines[1].Unit.ID != e.o.Kominfo.ID {
			t.Errorf("Kominfo's own summary = %+v, %v", sum, err)
		}
		if _, err := e.a.NeedSummary(ctx, who["opd-kominfo"], 2026, e.o.Dinkes.ID, ""); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an OPD admin read another OPD's summary: %v", err)
		}
		if _, err := e.a.NeedSummary(ctx, who["kabid"], 2026, "", ""); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a supervisor read the summary: %v", err)
		}
		if _, err := e.a.NeedSummary(ctx, e.admin, 2026, e.o.Aplikasi.ID, ""); !errors.As(err, &v) || v.Fields["opd"] == "" {
			t.Errorf("a bidang as an OPD: %v", err)
		}
		if sum, err := e.a.NeedSummary(ctx, e.admin, 2025, "", ""); err != nil || len(sum.Lines) != 0 {
			t.Errorf("2025 = %+v, %v", sum, err)
		}
	})
}

// TestNeedsAccess: what the needs pages offer follows the actor's reach.
func TestNeedsAccess(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, _ := needsEnv(t, s)
		ctx := context.Background()
		access := func(name string) app.NeedsAccess {
			t.Helper()
			got, err := e.a.NeedsAccess(ctx, who[name])
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		if got := access("staff1"); got.Can != (app.NeedsRights{Record: true}) || len(got.Team) != 0 || len(got.OPDs) != 0 {
			t.Errorf("an ASN is offered %+v", got)
		}
		if got := access("kabid"); !got.Can.Record || !got.Can.RecordLine || got.Can.Summary || len(got.Team) != 2 {
			t.Errorf("a supervisor is offered %+v", got.Can)
		}
		if got := access("opd-kominfo"); got.Can != (app.NeedsRights{Summary: true}) || len(got.OPDs) != 1 || got.OPDs[0].ID != e.o.Kominfo.ID {
			t.Errorf("an OPD admin is offered %+v, OPDs %+v", got.Can, got.OPDs)
		}
		got := access("leader")
		if !got.Can.Summary || !got.Can.AllOPDs || len(got.OPDs) < 2 {
			t.Errorf("a leader is offered %+v, OPDs %+v", got.Can, got.OPDs)
		}
		// The summary refuses whom the access does not offer it.
		if _, err := e.a.NeedSummary(ctx, who["kabid"], 2026, "", ""); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a supervisor's summary: %v", err)
		}
	})
}

// The supervisor's worklist pages through the whole line, outstanding
// first, with nothing left out or shown twice.
func TestLineNeedsPageThroughEveryNeed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, _ := needsEnv(t, s)
		ctx := context.Background()
		var confirmed []string
		for i := range 7 {
			n, err := e.a.RecordNeed(ctx, who["staff1"], model.Need{Kind: model.NeedTraining, Title: fmt.Sprintf("Pelatihan %d", i)})
			if err != nil {
				t.Fatal(err)
			}
			if i%3 == 0 {
				c, err := e.a.ConfirmNeed(ctx, who["kabid"], n.ID, n.Version)
				if err != nil {
					t.Fatal(err)
				}
				confirmed = append(confirmed, c.ID)
			}
		}
		var seen []NeedRank
		cursor := ""
		for range 10 {
			page, err := e.a.LineNeeds(ctx, who["kabid"], 0, 2, cursor)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range page.Items {
				seen = append(seen, NeedRank{n.ID, n.Status})
			}
			if page.Total != 7 {
				t.Errorf("a page of the worklist gives a total of %d, want 7", page.Total)
			}
			if cursor = page.NextCursor; cursor == "" {
				break
			}
		}
		// The list of needs pages the same way, each page with the total
		// of the filter.
		for _, q := range []app.NeedQuery{{Limit: 3}, {Limit: 3, Statuses: []model.NeedStatus{model.NeedConfirmed}}} {
			var n int
			var totals []int
			for {
				page, err := e.a.Needs(ctx, e.admin, q)
				if err != nil {
					t.Fatal(err)
				}
				n, totals = n+len(page.Items), append(totals, page.Total)
				if q.Cursor = page.NextCursor; q.Cursor == "" {
					break
				}
			}
			if q.Statuses == nil && (n < 7 || len(totals) < 3) {
				t.Errorf("BKPSDM pages through %d needs in %d pages: the test proves nothing", n, len(totals))
			}
			for _, total := range totals {
				if total != n {
					t.Errorf("statuses %v: the pages give totals %v, they hold %d", q.Statuses, totals, n)
					break
				}
			}
		}
		if len(seen) != 7 {
			t.Fatalf("paged through %d needs, want 7: %v", len(seen), seen)
		}
		ids := map[string]bool{}
		for i, n := range seen {
			ids[n.ID] = true
			if open := i < 7-len(confirmed); open != (n.Status == model.NeedOpen) {
				t.Errorf("need %d of the worklist is %s: %v", i, n.Status, seen)
			}
		}
		if len(ids) != 7 {
			t.Errorf("a need shown twice: %v", seen)
		}
		var v *model.ValidationError
		if _, err := e.a.LineNeeds(ctx, who["kabid"], 0, 2, "not-a-need"); !errors.As(err, &v) || v.Fields["cursor"] == "" {
			t.Errorf("a made-up cursor: %v", err)
		}
	})
}

// NeedRank is a need's id and status, as a worklist orders them.
type NeedRank struct {
	ID     string
	Status model.NeedStatus
}
