package api_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestOneDayHoldsAtMost24Hours: the entries of one person on one day hold
// 24 hours at most, on a new entry and on a returned one fixed; the
// refusal says how much the day already holds. "2 jam 90 menit" is
// refused as "1:90" is.
func TestOneDayHoldsAtMost24Hours(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		today := a.Today(ctx, e.o.Instansi.ID)
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		if _, err := a.OpenYear(ctx, admin, today.Time().Year(), model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		entry := func(minutes string) map[string]any {
			return map[string]any{"date": today, "description": "Rapat koordinasi", "minutes": minutes}
		}
		refusedMinutes := func(r response, code, says string) {
			t.Helper()
			pr := problem(t, r, 422)
			codes, _ := pr["codes"].(map[string]any)
			errs, _ := pr["errors"].(map[string]any)
			msg, _ := errs["minutes"].(string)
			if codes["minutes"] != code || !strings.Contains(msg, says) {
				t.Errorf("minutes refused with %v %q; want %s saying %q", codes["minutes"], msg, code, says)
			}
		}
		if r := e.post(t, "/api/v1/progress", staff, entry("1:30")); r.status != 201 {
			t.Fatalf("1:30: %d %s", r.status, r.body)
		}
		refusedMinutes(e.post(t, "/api/v1/progress", staff, entry("24:00")), "invalid.progress.minutes.day", "1 jam 30 menit")
		refusedMinutes(e.post(t, "/api/v1/progress", staff, entry("2 jam 90 menit")), "progress.err.minutes", "kurang dari 60")
		last := e.post(t, "/api/v1/progress", staff, entry("22:30"))
		if last.status != 201 {
			t.Fatalf("22:30 bringing the day to 24 hours: %d %s", last.status, last.body)
		}
		refusedMinutes(e.post(t, "/api/v1/progress", staff, entry("1")), "invalid.progress.minutes.day", "24 jam 0 menit")

		// The 22:30 entry returned and fixed: its own time is not counted
		// twice, the others' are.
		id := last.json(t)["id"].(string)
		ret := e.post(t, "/api/v1/progress/"+id+"/return", kabid, map[string]any{"note": "Terlalu lama", "version": 1})
		if ret.status != 200 {
			t.Fatalf("return: %d %s", ret.status, ret.body)
		}
		fix := entry("22:31")
		fix["version"] = ret.json(t)["version"]
		refusedMinutes(e.put(t, "/api/v1/progress/"+id, staff, fix), "invalid.progress.minutes.day", "1 jam 30 menit")
		fix["minutes"] = "20:00"
		if r := e.put(t, "/api/v1/progress/"+id, staff, fix); r.status != 200 {
			t.Errorf("a fix within the day: %d %s", r.status, r.body)
		}
		if r := e.post(t, "/api/v1/progress", staff, entry("2:30")); r.status != 201 {
			t.Errorf("2:30 after the fix left 2:30 of the day: %d %s", r.status, r.body)
		}

		// Entries sent at once for a day (another person's): the check and the write are one
		// transaction, so no two of them pass on the same total.
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")
		var wg sync.WaitGroup
		statuses := make([]int, 4)
		for i := range statuses {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i] = e.post(t, "/api/v1/progress", nurse, map[string]any{"date": today, "description": "Piket", "minutes": "13:00"}).status
			}()
		}
		wg.Wait()
		slices.Sort(statuses)
		if !slices.Equal(statuses, []int{201, 422, 422, 422}) {
			t.Errorf("four entries of 13 hours sent at once: %v, want one 201 and three 422", statuses)
		}
	})
}
