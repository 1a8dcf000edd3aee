package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestProgressReportAndReview(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid := who["staff1"], who["kabid"]
		// The clock says Monday 2 March 2026, 08:00 WIB.
		// Progress serves the RHK of an approved SKP.
		skp := approvedStaffSKP(t, e, s, staff)
		rhk := skp.RHK[0]
		entry := model.Progress{WorkDate: "2026-03-02", RHKID: rhk.ID, Description: "Menyusun draf laporan", OutputAmount: 100, OutputUnit: "draf", Minutes: 90}
		p, err := e.a.SubmitProgress(ctx, staff, entry)
		if err != nil {
			t.Fatal(err)
		}
		if p.Status != model.ProgressSubmitted || p.RaterID != e.o.Kabid.ID || p.SKPID != skp.ID || p.Late {
			t.Fatalf("entry = %+v", p)
		}
		if evs, _ := s.Events(ctx, e.o.Kabid.ID, 0, 10); len(evs) != 2 || evs[0].Type != "progress.submitted" || evs[1].Type != "notification" {
			t.Errorf("the supervisor's events = %+v", evs)
		}

		// Bad input changes nothing.
		var v *model.ValidationError
		future := entry
		future.WorkDate = "2026-03-03"
		if _, err := e.a.SubmitProgress(ctx, staff, future); !errors.As(err, &v) || v.Fields["date"] == "" {
			t.Errorf("a day to come: %v", err)
		}
		foreign := entry
		foreign.RHKID = "not-my-rhk"
		if _, err := e.a.SubmitProgress(ctx, staff, foreign); !errors.As(err, &v) || v.Fields["rhk_id"] == "" {
			t.Errorf("another's RHK: %v", err)
		}
		// Thursday's work sent on Monday is late for a five-day unit.
		old := entry
		old.WorkDate, old.RHKID = "2026-02-26", ""
		late, err := e.a.SubmitProgress(ctx, staff, old)
		if err != nil || !late.Late {
			t.Fatalf("late entry = %+v, %v", late, err)
		}

		// Who may see and review.
		if _, err := e.a.ProgressEntry(ctx, who["staff2"], p.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague read the entry: %v", err)
		}
		if _, err := e.a.ProgressEntry(ctx, who["nurse"], p.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("someone of another OPD read the entry: %v", err)
		}
		if _, err := e.a.ReviewProgress(ctx, staff, p.ID, p.Version, true, ""); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the author approved their own entry: %v", err)
		}
		if _, err := e.a.ProgressList(ctx, who["staff2"], app.ProgressQuery{EmployeeID: e.o.Staff1.ID}); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague listed the entries: %v", err)
		}

		// The read model says what each may do, by the rules the actions
		// enforce: the supervisor may approve or return a waiting entry,
		// the author may not, and nobody edits an entry that waits.
		rights := func(actor model.Actor, id string) app.ProgressRights {
			t.Helper()
			v, err := e.a.ProgressOne(ctx, actor, id)
			if err != nil {
				t.Fatal(err)
			}
			return v.Can
		}
		if got := rights(kabid, p.ID); got != (app.ProgressRights{Approve: true, Return: true}) {
			t.Errorf("the supervisor's rights on a waiting entry = %+v", got)
		}
		if got := rights(staff, p.ID); got != (app.ProgressRights{}) {
			t.Errorf("the author's rights on a waiting entry = %+v", got)
		}
		if v, _ := e.a.ProgressOne(ctx, kabid, p.ID); v.RHKText != rhk.Description || v.Author == "" || !v.Thread.Can.Post {
			t.Errorf("the entry's view = %+v", v)
		}

		// Returned with a note, fixed, sent again.
		if _, err := e.a.ReviewProgress(ctx, kabid, p.ID, p.Version, false, " "); !errors.As(err, &v) || v.Fields["note"] == "" {
			t.Errorf("a return without a note: %v", err)
		}
		returned, err := e.a.ReviewProgress(ctx, kabid, p.ID, p.Version, false, "Lampirkan draf laporannya")
		if err != nil || returned.Status != model.ProgressReturned || returned.ReviewNote != "Lampirkan draf laporannya" {
			t.Fatalf("return = %+v, %v", returned, err)
		}
		if _, err := e.a.ReviewProgress(ctx, kabid, p.ID, returned.Version, true, ""); !errors.Is(err, model.ErrConflict) {
			t.Errorf("approving a returned entry: %v", err)
		}
		if evs, _ := s.Events(ctx, e.o.Staff1.ID, 0, 10); len(evs) != 2 || evs[0].Type != "progress.reviewed" {
			t.Errorf("the author's events = %+v", evs)
		}
		if got := rights(staff, p.ID); got != (app.ProgressRights{Edit: true}) {
			t.Errorf("the author's rights on a returned entry = %+v", got)
		}
		if got := rights(kabid, p.ID); got != (app.ProgressRights{}) {
			t.Errorf("the supervisor's rights on a returned entry = %+v", got)
		}
		fixed := entry
		fixed.ID, fixed.Description = p.ID, "Menyusun draf laporan (terlampir)"
		if _, err := e.a.ResubmitProgress(ctx, staff, p.Version, fixed, nil); !errors.Is(err, model.ErrConflict) {
			t.Errorf("a stale resubmission: %v", err)
		}
		again, err := e.a.ResubmitProgress(ctx, staff, returned.Version, fixed, nil)
		if err != nil || again.Status != model.ProgressSubmitted || again.Description != fixed.Description {
			t.Fatalf("resubmit = %+v, %v", again, err)
		}
		// Sent again, it is no longer the author's to fix: the refusal
		// says so, naming the entry's day.
		var st *model.StateError
		if _, err := e.a.ResubmitProgress(ctx, staff, again.Version, fixed, nil); !errors.As(err, &st) || st.Message.Key != "conflict.progress.notreturned" {
			t.Errorf("fixing an entry not returned: %v", err)
		}

		// The desk lists what waits, oldest first, with the rights of each.
		desk, err := e.a.SupervisorDesk(ctx, kabid, app.DeskQuery{})
		if err != nil || len(desk.Waiting) != 2 || desk.Waiting[0].ID != late.ID || !desk.Waiting[0].Can.Approve || desk.Waiting[0].Author == "" {
			t.Errorf("the desk's waiting entries = %+v, %v", desk.Waiting, err)
		}
		var rhkOnDesk bool
		for _, person := range desk.People {
			for _, r := range person.RHK {
				rhkOnDesk = rhkOnDesk || r.RHK.ID == rhk.ID && r.Entries == 1 && r.Minutes == 90
			}
		}
		if !rhkOnDesk {
			t.Errorf("the desk's people = %+v", desk.People)
		}
		// Monday is a working day on every desk, a team or none.
		for name, actor := range map[string]model.Actor{"the Kabid": kabid, "the ASN": staff, "the administrator": e.admin} {
			if d, err := e.a.SupervisorDesk(ctx, actor, app.DeskQuery{}); err != nil || !d.Workday || d.Today != "2026-03-02" {
				t.Errorf("the desk of %s: today %s, workday %v, %v", name, d.Today, d.Workday, err)
			}
		}

		// The desk approves several at once; a stranger's id is skipped.
		n, err := e.a.ApproveProgress(ctx, kabid, []string{again.ID, late.ID, "nothing"})
		if err != nil || n != 2 {
			t.Fatalf("approved %d, %v", n, err)
		}
		team, err := e.a.ProgressList(ctx, kabid, app.ProgressQuery{Team: true, Status: model.ProgressApproved})
		if err != nil || len(team) != 2 || team[0].WorkDate != "2026-03-02" {
			t.Errorf("the team's approved entries = %+v, %v", team, err)
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "progress", EntityID: p.ID})
		if len(entries) != 4 {
			t.Errorf("audit entries of the entry = %d, want 4 (create, return, resubmit, approve)", len(entries))
		}
	})
}

func TestParseOutput(t *testing.T) {
	for _, c := range []struct {
		in     string
		amount int64
		unit   string
		bad    bool
	}{
		{"3 dokumen", 300, "dokumen", false},
		{"1,5 jam", 150, "jam", false},
		{"1.5 jam", 150, "jam", false},
		{"3", 300, "", false},
		{"  2 laporan  ", 200, "laporan", false},
		{"draf SOP", 0, "draf SOP", false},
		{"", 0, "", false},
		// A number glued to other characters is not an amount: the text is
		// kept as typed.
		{"2dokumen", 0, "2dokumen", false},
		{"3x", 0, "3x", false},
		{"3x rapat koordinasi", 0, "3x rapat koordinasi", false},
		{"1e400 dokumen", 0, "1e400 dokumen", false},
		{"1e3", 0, "1e3", false},
		// Words are text, whatever they spell.
		{"NaN dokumen", 0, "NaN dokumen", false},
		{"Inf", 0, "Inf", false},
		{"- draf SOP", 0, "- draf SOP", false},
		{"3\tdokumen", 300, "dokumen", false},
		// A negative amount is refused.
		{"-5 dokumen", 0, "", true},
		{"-5", 0, "", true},
		{"- 5 dokumen", 0, "", true},
		{"\u22125 dokumen", 0, "", true},
		{"-1,5 jam", 0, "", true},
		{"1,555 dokumen", 0, "", true},
		{"3.000 dokumen", 0, "", true},
		{"1.2.3 dokumen", 0, "", true},
		{"99999999999999 dokumen", 0, "", true},
		{",,", 0, "", true},
	} {
		amount, unit, err := app.ParseOutput(c.in)
		var v *model.ValidationError
		switch {
		case c.bad && (!errors.As(err, &v) || v.Fields["output"] == ""):
			t.Errorf("ParseOutput(%q) = %d %q, %v; want a field error on output", c.in, amount, unit, err)
		case !c.bad && (err != nil || amount != c.amount || unit != c.unit):
			t.Errorf("ParseOutput(%q) = %d %q, %v; want %d %q", c.in, amount, unit, err, c.amount, c.unit)
		}
	}
	// A negative amount says so.
	for _, in := range []string{"-5 dokumen", "\u22125"} {
		var v *model.ValidationError
		if _, _, err := app.ParseOutput(in); !errors.As(err, &v) || v.Fields["output"] != "progress.err.output.negative" {
			t.Errorf("ParseOutput(%q) = %v; want progress.err.output.negative on output", in, err)
		}
	}
	// Text without a number is shown as typed, not as "0 draf SOP".
	amount, unit, _ := app.ParseOutput("draf SOP")
	if got := (model.Progress{OutputAmount: amount, OutputUnit: unit}).Output(); got != "draf SOP" {
		t.Errorf("output shown = %q", got)
	}
}

func TestParseMinutes(t *testing.T) {
	const format, tooLong = "progress.err.minutes", "progress.err.minutes.range"
	for _, c := range []struct {
		in   string
		want int
		err  string
	}{
		{"90", 90, ""},
		{"1:30", 90, ""},
		{"0:45", 45, ""},
		{" 2 jam ", 120, ""},
		{"2jam", 120, ""},
		{"1 jam 30 menit", 90, ""},
		{"1jam 30mnt", 90, ""},
		{"1,5 jam", 90, ""},
		{"45 menit", 45, ""},
		{"2 Jam", 120, ""},
		{"2 h", 120, ""},
		{"30 min", 30, ""},
		{"24:00", 1440, ""},
		{"1440", 1440, ""},
		{"0", 0, ""},
		{"", 0, format},
		{"satu jam", 0, format},
		{"1:5", 0, format},
		{"1:60", 0, format},
		{"-5", 0, format},
		{"1,5", 0, format},
		{"30 menit 1 jam", 0, format},
		{"2 jam 2 jam", 0, format},
		{"1,555 jam", 0, format},
		{"1:30:00", 0, format},
		{"0:61", 0, format},
		{"2 jam 90 menit", 0, format},
		{"2 jam 60 menit", 0, format},
		{"2 jam 59 menit", 179, ""},
		{"90 menit", 90, ""},
		{"24:01", 0, tooLong},
		{"1441", 0, tooLong},
		{"25 jam", 0, tooLong},
		{"307445734561825861:00", 0, tooLong},
		{"99999999999999999999999", 0, tooLong},
		{"9223372036854775807 menit", 0, tooLong},
	} {
		got, err := app.ParseMinutes(c.in)
		var v *model.ValidationError
		switch {
		case c.err != "" && (!errors.As(err, &v) || v.Fields["minutes"] != c.err):
			t.Errorf("ParseMinutes(%q) = %d, %v; want the field error %s", c.in, got, err, c.err)
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("ParseMinutes(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
}

// TestMinutesHintExamplesParse: the examples the time hint gives in each
// language are in that language and are read by ParseMinutes, so the
// hint never shows a form the parser refuses or words the reader does not
// use.
func TestMinutesHintExamplesParse(t *testing.T) {
	foreign := map[string][]string{"id": {"hour", "minute"}, "en": {"jam", "menit"}}
	for _, lang := range []string{"id", "en"} {
		hint := locale.T(lang, "progress.err.minutes")
		open := strings.LastIndex(hint, "(")
		if open < 0 || !strings.HasSuffix(hint, ")") {
			t.Fatalf("%s hint %q gives no examples in words", lang, hint)
		}
		for _, ex := range strings.Split(hint[open+1:len(hint)-1], ", ") {
			if _, err := app.ParseMinutes(ex); err != nil {
				t.Errorf("%s hint example %q: %v", lang, ex, err)
			}
			for _, w := range foreign[lang] {
				if strings.Contains(ex, w) {
					t.Errorf("%s hint example %q is not in the reader's language", lang, ex)
				}
			}
		}
	}
	for in, want := range map[string]int{"2 hours": 120, "1 hour 30 minutes": 90, "1 hour": 60, "45 minutes": 45} {
		if got, err := app.ParseMinutes(in); got != want || err != nil {
			t.Errorf("ParseMinutes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}
