package api_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// Progress sent through the API into a closed period is refused with the
// reason, as on the web; an RHK of a draft SKP is refused too.
func TestProgressAPIFollowsTheRulesOfTheYear(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		check := documented(t, e)
		clock := &apptest.Clock{}
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}, Now: clock.Now})
		today := a.Today(ctx, e.o.Instansi.ID)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		r := e.post(t, "/api/v1/years", admin, map[string]any{"year": today.Time().Year(), "period_kind": "monthly"})
		month := check("POST", "/api/v1/years", r)["items"].([]any)[today.Time().Month()-1].(map[string]any)["id"].(string)

		staffActor := model.Actor{UserID: "s", InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		skp, err := a.CreateSKP(ctx, staffActor, e.o.Staff1.ID, today.Time().Year(), model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		rhk, err := a.SaveRHK(ctx, staffActor, skp.Version, model.RHK{SKPID: skp.ID, Kind: model.RHKUtama, Description: "Tersusunnya laporan"})
		if err != nil {
			t.Fatal(err)
		}
		p := check("POST", "/api/v1/progress", problemOf(t, e.post(t, "/api/v1/progress", staff, map[string]any{"date": today, "rhk_id": rhk.ID,
			"description": "Menyusun laporan", "minutes": 30}), 422))
		if codes, _ := p["codes"].(map[string]any); codes["rhk_id"] != "invalid.progress.rhk.unapproved" {
			t.Errorf("an RHK of a draft SKP: %v", p)
		}

		o := check("GET", "/api/v1/progress/options", e.get(t, "/api/v1/progress/options?date="+string(today), staff))
		if rhks, _ := o["rhk"].([]any); len(rhks) != 0 || o["unapproved"] != true || o["no_skp"] != false || o["skp_id"] != skp.ID || o["refused"] != nil {
			t.Errorf("the options with a draft SKP: %v", o)
		}
		problem(t, e.get(t, "/api/v1/progress/options?date=kemarin", staff), 422)
		// A day still to come, or more than two months back, takes no
		// entry: the options say so with the key the entry is refused with.
		for key, day := range map[string]time.Time{"invalid.progress.date.future": today.Time().AddDate(0, 0, 1),
			"invalid.progress.date.old": today.Time().AddDate(0, 0, -70)} {
			d := day.Format(time.DateOnly)
			o := check("GET", "/api/v1/progress/options", e.get(t, "/api/v1/progress/options?date="+d, staff))
			if ref, _ := o["refused"].(map[string]any); ref["code"] != key || ref["message"] == "" || o["date"] != d {
				t.Errorf("the options on %s: %v, want %s", d, o, key)
			}
		}

		// The month is opened through the API, and closed on the morning
		// after its last day (as the administrator would; the clock is
		// moved there for the act only): today's entries are then judged
		// by the closed month.
		if r := e.do(t, "PATCH", "/api/v1/periods/"+month, admin, "application/json", []byte(`{"status":"open"}`)); r.status != 200 {
			t.Fatalf("open the month: %d %s", r.status, r.body)
		}
		bkpsdm := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		closing, err := a.Period(ctx, bkpsdm, month)
		if err != nil {
			t.Fatal(err)
		}
		closing.Status = model.PeriodClosed
		if err := clock.MovePeriod(ctx, a, bkpsdm, closing, ""); err != nil {
			t.Fatalf("close the month: %v", err)
		}
		p = check("POST", "/api/v1/progress", problemOf(t, e.post(t, "/api/v1/progress", staff, map[string]any{"date": today,
			"description": "Rapat", "minutes": 30}), 422))
		codes, _ := p["codes"].(map[string]any)
		errs, _ := p["errors"].(map[string]any)
		if msg, _ := errs["date"].(string); codes["date"] != "invalid.report.period.closed" || !strings.Contains(msg, "sudah ditutup (batas pelaporan") {
			t.Errorf("progress in a closed period: %v", p)
		}
		o = check("GET", "/api/v1/progress/options", e.get(t, "/api/v1/progress/options", staff))
		if ref, _ := o["refused"].(map[string]any); ref["code"] != "invalid.report.period.closed" || !strings.Contains(fmt.Sprint(ref["message"]), "sudah ditutup") {
			t.Errorf("the options of a closed day: %v", o)
		}
	})
}
