package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestFollowUpPages: on a final annual Butuh Perbaikan, the Kepala Bidang
// records an improvement plan on the result page, BKPSDM finds it on the
// board and closes it with its outcome; the employee cannot record one.
func TestFollowUpPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		clock := &apptest.Clock{}
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}, Now: clock.Now})
		in := e.o.Instansi.ID
		year := a.Today(ctx, in).Time().Year()
		admin := model.Actor{UserID: "x", InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		periods, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5)
		if err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: "y", EmployeeID: e.o.Staff1.ID, InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		apptest.ApprovedSKP(t, a, s, staffActor, e.o.Staff1.ID, year)
		annual := periods[len(periods)-1]
		for _, st := range []model.PeriodStatus{model.PeriodOpen, model.PeriodClosed} {
			annual.Status = st
			if err := clock.MovePeriod(ctx, a, admin, annual, ""); err != nil {
				t.Fatal(err)
			}
		}
		wali := model.Actor{UserID: "w", EmployeeID: e.o.WaliKota.ID, InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleLeader}}}
		if _, err := a.SetUnitPerformance(ctx, wali, e.o.Kominfo.ID, annual.ID, app.UnitPerformanceRequest{Capaian: model.CapaianButuhPerbaikan, Basis: "PK 60%"}); err != nil {
			t.Fatal(err)
		}
		kabidActor := model.Actor{UserID: "k", EmployeeID: e.o.Kabid.ID, InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleSupervisor}}}
		page, err := a.Assessments(ctx, kabidActor, app.AssessmentFilter{RatedByMe: true, PeriodID: annual.ID})
		if err != nil || len(page.Items) != 1 {
			t.Fatalf("assessments = %d, %v", len(page.Items), err)
		}
		it := page.Items[0]
		rated, err := a.RateAssessment(ctx, kabidActor, it.ID, app.RateInput{HasilKerja: model.RatingDiBawah, PerilakuKerja: model.RatingSesuai, Version: it.Version})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.FinalizeAssessment(ctx, kabidActor, it.ID, rated.Version); err != nil {
			t.Fatal(err)
		}

		kabid, staff, bkpsdm := e.browser(t), e.browser(t), e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		bkpsdm.signIn("admin", "rahasia-admin")
		path := "/penilaian/" + it.ID
		if _, body := kabid.get(path); !strings.Contains(body, `action="`+path+`/tindak-lanjut"`) {
			t.Fatalf("the rater has no follow-up form: %.300s", body)
		}
		if _, body := staff.get(path); strings.Contains(body, `action="`+path+`/tindak-lanjut"`) {
			t.Error("the employee is offered the follow-up form")
		}
		form := url.Values{"kind": {"improvement_plan"}, "title": {""}, "plan": {"Pendampingan bulanan"}}
		if resp, body := kabid.post(path+"/tindak-lanjut", form); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Isi judulnya") {
			t.Fatalf("a plan without a title: %d %.300s", resp.StatusCode, body)
		}
		form.Set("title", "Rencana perbaikan")
		if resp, _ := kabid.post(path+"/tindak-lanjut", form); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("record the plan: %d", resp.StatusCode)
		}
		// One plan per result: the form offers it no more, and a second
		// sent from a page read before is refused naming the first.
		if _, body := kabid.get(path); strings.Contains(body, `<option value="improvement_plan"`) || !strings.Contains(body, `<option value="training"`) {
			t.Errorf("the form after the plan: %.300s", body)
		}
		if resp, body := kabid.post(path+"/tindak-lanjut", form); resp.StatusCode != http.StatusConflict ||
			!strings.Contains(body, "sudah memiliki rencana perbaikan: Rencana perbaikan") {
			t.Errorf("a second plan: %d %.300s", resp.StatusCode, body)
		}
		if resp, _ := staff.post(path+"/tindak-lanjut", form); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the employee records a follow-up: %d", resp.StatusCode)
		}
		list, err := s.FollowUps(ctx, store.FollowUpFilter{InstansiID: in})
		if err != nil || len(list) != 1 || list[0].ReviewDue == "" {
			t.Fatalf("follow-ups = %+v, %v", list, err)
		}
		fu := list[0]
		_, body := bkpsdm.get("/tindak-lanjut?tahun=" + strconv.Itoa(year))
		if !strings.Contains(body, "Rencana perbaikan") || !strings.Contains(body, `action="/tindak-lanjut/`+fu.ID+`"`) {
			t.Fatalf("the board: %.600s", body)
		}
		// Another year's board lists none of this year's follow-ups.
		if resp, body := bkpsdm.get("/tindak-lanjut?tahun=" + strconv.Itoa(year+4)); resp.StatusCode != http.StatusOK ||
			strings.Contains(body, "Rencana perbaikan") || strings.Contains(body, `action="/tindak-lanjut/`+fu.ID+`"`) {
			t.Errorf("the board of %d lists %d's follow-up: %d", year+4, year, resp.StatusCode)
		}
		done := url.Values{"version": {strconv.Itoa(fu.Version)}, "status": {"done"}, "outcome": {""}, "back": {"/tindak-lanjut"}}
		if resp, _ := bkpsdm.post("/tindak-lanjut/"+fu.ID, done); resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("done without an outcome: %d", resp.StatusCode)
		}
		done.Set("outcome", "Kinerja membaik pada triwulan berikutnya")
		if resp, _ := bkpsdm.post("/tindak-lanjut/"+fu.ID, done); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/tindak-lanjut" {
			t.Errorf("done: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		if got, _ := s.FollowUp(ctx, fu.ID); got.Status != model.FollowUpDone {
			t.Errorf("status = %s", got.Status)
		}
		if resp, _ := staff.get("/tindak-lanjut"); resp.StatusCode == http.StatusOK {
			t.Error("the employee reads the board")
		}
	})
}
