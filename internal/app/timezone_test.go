package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// at moves the test clock to the instant t.
func (e env) at(t time.Time) { e.clock.add(t.Sub(e.clock.now())) }

// zoned puts the instansi of the fixture on zone's clock.
func (e env) zoned(t *testing.T, zone model.TimeZone) {
	t.Helper()
	if err := e.a.SetTimeZone(context.Background(), e.admin, string(zone)); err != nil {
		t.Fatalf("set the time zone %s: %v", zone, err)
	}
}

// In an instansi in WIT, an entry sent at 01:15 local time for that same
// day is today's, not a day still to come (at that instant it is still
// the day before in WIB).
func TestEntryAtQuarterPastOneInWITIsToday(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, in := who["staff1"], e.o.Instansi.ID
		wit := model.ZoneWIT.Location()
		e.at(time.Date(2026, 3, 2, 1, 15, 0, 0, wit)) // Monday 01:15 WIT, Sunday 23:15 WIB
		entry := model.Progress{WorkDate: "2026-03-02", Description: "Apel pagi dan rapat koordinasi", Minutes: 60}

		var v *model.ValidationError
		if _, err := e.a.SubmitProgress(ctx, staff, entry); !errors.As(err, &v) || v.Fields["date"] == "" {
			t.Fatalf("in WIB it is still Sunday, Monday's entry is to come: %v", err)
		}
		e.zoned(t, model.ZoneWIT)
		if got := e.a.Today(ctx, in); got != "2026-03-02" {
			t.Errorf("today in WIT = %s, want 2026-03-02", got)
		}
		p, err := e.a.SubmitProgress(ctx, staff, entry)
		if err != nil {
			t.Fatalf("Monday's entry at 01:15 WIT: %v", err)
		}
		if p.WorkDate != "2026-03-02" || p.Late {
			t.Errorf("entry = %+v", p)
		}
		if err := e.a.CheckProgress(ctx, staff, entry, nil); err != nil {
			t.Errorf("the form's check refuses what the action takes: %v", err)
		}
		tomorrow := entry
		tomorrow.WorkDate = "2026-03-03"
		if _, err := e.a.SubmitProgress(ctx, staff, tomorrow); !errors.As(err, &v) || v.Fields["date"] == "" {
			t.Errorf("Tuesday's entry on Monday in WIT: %v", err)
		}
		day, err := e.a.ProgressDayOf(ctx, staff, "")
		if err != nil || day.Today != "2026-03-02" || day.Date != "2026-03-02" {
			t.Errorf("the progress page's day = %s (today %s), %v", day.Date, day.Today, err)
		}
	})
}

// An entry is late after the end of the next working day on the
// instansi's clock: Thursday's work sent at 23:59 Friday WITA is on time,
// sent at 00:30 Saturday WITA (23:30 Friday WIB) it is late.
func TestLateEntryOnTheEdgeInWITA(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff := who["staff1"]
		e.zoned(t, model.ZoneWITA)
		wita := model.ZoneWITA.Location()
		entry := model.Progress{WorkDate: "2026-02-26", Description: "Verifikasi berkas kenaikan pangkat", Minutes: 120}

		e.at(time.Date(2026, 2, 27, 23, 59, 0, 0, wita))
		onTime, err := e.a.SubmitProgress(ctx, staff, entry)
		if err != nil || onTime.Late {
			t.Fatalf("sent Friday 23:59 WITA: %+v, %v", onTime, err)
		}
		e.at(time.Date(2026, 2, 28, 0, 30, 0, 0, wita))
		if model.ProgressLate(entry.WorkDate, e.clock.now(), 5, model.ZoneWIB) {
			t.Fatal("the same instant is not late in WIB: the test proves nothing")
		}
		entry.Description = "Verifikasi berkas kenaikan pangkat (lanjutan)"
		late, err := e.a.SubmitProgress(ctx, staff, entry)
		if err != nil || !late.Late {
			t.Fatalf("sent Saturday 00:30 WITA: %+v, %v", late, err)
		}
	})
}

// A period's report deadline passes at the end of its day on the
// instansi's clock: at 00:30 WIT on 6 February, January's deadline of 5
// February has passed in WIT, while in WIB it is still 22:30 on the 5th.
func TestPeriodDeadlineInWIT(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		if _, err := e.a.OpenYear(ctx, e.admin, 2026, model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		e.at(time.Date(2026, 2, 6, 0, 30, 0, 0, model.ZoneWIT.Location()))
		january := func() (passed bool, deadline model.Date) {
			t.Helper()
			v, err := e.a.YearView(ctx, e.admin, 2026)
			if err != nil || len(v.Periods) != 13 {
				t.Fatalf("year view: %d periods, %v", len(v.Periods), err)
			}
			return v.Periods[0].DeadlinePassed, v.Periods[0].ReportDeadline
		}
		if passed, due := january(); passed || due != "2026-02-05" {
			t.Fatalf("in WIB at 22:30 on the 5th, January (due %s) passed = %v", due, passed)
		}
		e.zoned(t, model.ZoneWIT)
		if passed, _ := january(); !passed {
			t.Error("in WIT at 00:30 on the 6th, January's deadline has not passed")
		}
		if v, _ := e.a.YearView(ctx, e.admin, 2026); v.Periods[1].DeadlinePassed {
			t.Error("February's deadline passed in early February")
		}
	})
}

// The time zone is set by BKPSDM only, to one of Indonesia's three
// zones, and the change is audited with what it was before.
func TestTimeZoneSettingIsAuditedAndValidated(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		st, err := e.a.InstansiSettings(ctx, staff)
		if err != nil || st.TimeZone != model.ZoneWIB || st.TimeZone.Abbrev() != "WIB" || len(st.Zones) != 3 || st.Can.Edit {
			t.Fatalf("a new instansi's settings = %+v, %v", st, err)
		}
		if err := e.a.SetTimeZone(ctx, staff, "Asia/Makassar"); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an ASN set the time zone: %v", err)
		}
		for _, bad := range []string{"", "WITA", "Europe/Paris", "asia/makassar", "Asia/Pontianak"} {
			var v *model.ValidationError
			if err := e.a.SetTimeZone(ctx, e.admin, bad); !errors.As(err, &v) || v.Fields["time_zone"] != "invalid.timezone" {
				t.Errorf("time zone %q: %v", bad, err)
			}
		}
		if err := e.a.SetTimeZone(ctx, e.admin, "Asia/Makassar"); err != nil {
			t.Fatal(err)
		}
		if st, _ := e.a.InstansiSettings(ctx, staff); st.TimeZone != model.ZoneWITA || st.TimeZone.Abbrev() != "WITA" {
			t.Errorf("the zone is not read back: %+v", st)
		}
		if now := e.a.NowIn(ctx, e.o.Instansi.ID); now.Location().String() != "WITA" || !now.Equal(e.clock.now()) {
			t.Errorf("now in the instansi = %v", now)
		}
		entries, err := e.a.Audit(ctx, e.admin, model.AuditFilter{EntityType: "instansi", Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var found int
		for _, en := range entries {
			if en.Action == "instansi.time_zone" {
				found++
				if en.EntityID != e.o.Instansi.ID || !strings.Contains(en.Before, "Asia/Jakarta") || !strings.Contains(en.After, "Asia/Makassar") || en.ActorID != e.admin.UserID {
					t.Errorf("audit entry = %+v", en)
				}
			}
		}
		if found != 1 {
			t.Errorf("%d audit entries of the time zone, want 1 (refusals write none)", found)
		}
	})
}

// A coaching review falls due when its day begins on the instansi's
// clock: at 00:30 WIT on Tuesday a review set for Tuesday is reminded of,
// while an instansi in WIB (22:30 on Monday) waits.
func TestCoachingReviewDueInWIT(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		session := model.CoachingSession{EmployeeID: e.o.Staff1.ID, Kind: model.CoachingCoaching, HeldOn: "2026-03-02",
			Topic: "Ketepatan laporan", Actions: "Laporan mingguan setiap Jumat", NextReview: "2026-03-03"}
		if _, err := e.a.RecordCoaching(ctx, who["kabid"], session); err != nil {
			t.Fatal(err)
		}
		e.at(time.Date(2026, 3, 3, 0, 30, 0, 0, model.ZoneWIT.Location()))
		if n, err := e.a.RemindCoachingReviews(ctx); err != nil || n != 0 {
			t.Fatalf("in WIB it is Monday 22:30: reminded %d, %v", n, err)
		}
		e.zoned(t, model.ZoneWIT)
		if n, err := e.a.RemindCoachingReviews(ctx); err != nil || n != 1 {
			t.Fatalf("in WIT it is Tuesday 00:30: reminded %d, %v", n, err)
		}
	})
}
