package api_test

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestAssessmentJourney rates, calibrates, sends and acknowledges an
// assessment over HTTP, refuses a predikat sent by hand, answers the
// rules and the curve, and checks every answer against the OpenAPI
// document.
func TestAssessmentJourney(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		check := checkStatus(t, e)
		// The state: Staff1's approved SKP, January closed, the Dinas'
		// capaian set by the Wali Kota.
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		in := e.o.Instansi.ID
		admin := model.Actor{UserID: "x", InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		year := a.Today(ctx, in).Time().Year()
		periods, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5)
		if err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: "y", EmployeeID: e.o.Staff1.ID, InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		apptest.ApprovedSKP(t, a, s, staffActor, e.o.Staff1.ID, year)
		jan := periods[0]
		for _, st := range []model.PeriodStatus{model.PeriodOpen, model.PeriodClosed} {
			jan.Status = st
			if err := a.MovePeriod(ctx, admin, jan, ""); err != nil {
				t.Fatal(err)
			}
		}
		wali := model.Actor{UserID: "w", EmployeeID: e.o.WaliKota.ID, InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleLeader}}}
		if _, err := a.SetUnitPerformance(ctx, wali, e.o.Kominfo.ID, jan.ID, app.UnitPerformanceRequest{Capaian: model.CapaianIstimewa, Basis: "PK Januari"}); err != nil {
			t.Fatal(err)
		}

		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")
		adminTok := e.login(t, "admin", "rahasia-admin")

		// The rules answer the matrix; a rating that is none is a 422.
		r := check("GET", "/api/v1/rules/predikat", e.get(t, "/api/v1/rules/predikat?hasil_kerja=di_atas&perilaku_kerja=di_bawah", kabid), 200)
		if r["predikat"] != "kurang" || r["regime"] != string(model.CurrentRegime) {
			t.Errorf("rules = %v", r)
		}
		check("GET", "/api/v1/rules/predikat", e.get(t, "/api/v1/rules/predikat?hasil_kerja=istimewa&perilaku_kerja=sesuai", kabid), 422)

		// The filters answer alike: a value that is no id (or no flag, or
		// no assessment status) is a 422 naming it; a well-formed id of
		// nothing is a 404.
		for q, want := range map[string]int{"period=" + unknownID: 404, "unit=" + unknownID: 404, "employee=" + unknownID: 404,
			"period=bogus": 422, "unit=bogus": 422, "employee=bogus": 422, "period=b%21d": 422,
			"unit=b%21d": 422, "employee=b%21d": 422, "mine=yes": 422, "status=approved": 422} {
			r := e.get(t, "/api/v1/assessments?"+q, adminTok)
			p := problem(t, r, want)
			if errs, _ := p["errors"].(map[string]any); want == 422 && errs[q[:strings.Index(q, "=")]] == nil {
				t.Errorf("%s: the 422 does not name the parameter: %v", q, p)
			}
			check("GET", "/api/v1/assessments", r, want)
		}
		docs := e.get(t, "/api/v1/openapi.json", "").json(t)
		for _, p := range docs["paths"].(map[string]any)["/api/v1/assessments"].(map[string]any)["get"].(map[string]any)["parameters"].([]any) {
			if pm := p.(map[string]any); pm["name"] == "status" && !strings.Contains(pm["description"].(string), "rated") {
				t.Errorf("the status filter is documented as %q", pm["description"])
			}
		}
		check("GET", "/api/v1/assessments", e.get(t, "/api/v1/assessments?mine=true&period="+url.QueryEscape(jan.ID), kabid), 200)
		list := check("GET", "/api/v1/assessments", e.get(t, "/api/v1/assessments?mine=1&period="+url.QueryEscape(jan.ID), kabid), 200)
		items, _ := list["items"].([]any)
		if len(items) != 1 {
			t.Fatalf("the rater's list = %s", list)
		}
		item := items[0].(map[string]any)
		id := item["id"].(string)
		if item["status"] != "open" || item["predikat"] != nil || item["can"].(map[string]any)["rate"] != true {
			t.Errorf("listed = %v", item)
		}
		path := "/api/v1/assessments/" + id
		detail := check("GET", "/api/v1/assessments/{id}", e.get(t, path, kabid), 200)
		if detail["capaian"] != "istimewa" || len(detail["behaviours"].([]any)) != 7 || detail["suggestion"] == nil {
			t.Errorf("detail = %v", detail)
		}
		// Not for a nurse of another OPD.
		check("GET", "/api/v1/assessments/{id}", e.get(t, path, nurse), 404)

		// A predikat cannot be sent: it follows from the ratings.
		version := detail["version"]
		r = check("PUT", "/api/v1/assessments/{id}", e.put(t, path, kabid, map[string]any{"version": version, "hasil_kerja": "di_atas",
			"perilaku_kerja": "di_atas", "predikat": "sangat_baik"}), 422)
		if errs, _ := r["errors"].(map[string]any); errs["predikat"] == nil {
			t.Errorf("a predikat sent: %v", r)
		}
		check("PUT", "/api/v1/assessments/{id}", e.put(t, path, kabid, map[string]any{"hasil_kerja": "di_atas", "perilaku_kerja": "di_atas"}), 422)
		check("PUT", "/api/v1/assessments/{id}", e.put(t, path, staff, map[string]any{"version": version, "hasil_kerja": "di_atas", "perilaku_kerja": "di_atas"}), 403)
		rated := check("PUT", "/api/v1/assessments/{id}", e.put(t, path, kabid, map[string]any{"version": version, "hasil_kerja": "di_atas",
			"perilaku_kerja": "sesuai", "note": "Pertahankan", "feedback": map[string]any{"behaviours": map[string]string{"kolaboratif": "Aktif membantu"}}}), 200)
		if rated["predikat"] != "baik" || rated["status"] != "rated" {
			t.Fatalf("rated = %v", rated)
		}
		// A stale version is a conflict.
		check("PUT", "/api/v1/assessments/{id}", e.put(t, path, kabid, map[string]any{"version": version, "hasil_kerja": "sesuai", "perilaku_kerja": "sesuai"}), 409)

		// BKPSDM reads the curve and moves the rating with a reason.
		curve := check("GET", "/api/v1/units/{id}/curve", e.get(t, "/api/v1/units/"+e.o.Kominfo.ID+"/curve?period="+url.QueryEscape(jan.ID), adminTok), 200)
		if curve["capaian"] != "istimewa" || curve["counts"].(map[string]any)["baik"] != float64(1) || curve["small"] != true {
			t.Errorf("curve = %v", curve)
		}
		if raters, _ := curve["raters"].([]any); len(raters) == 0 || curve["rater_count"] != float64(len(raters)) || curve["next_cursor"] != nil {
			t.Errorf("the curve's raters = %v of %v, next %v", raters, curve["rater_count"], curve["next_cursor"])
		}
		// The raters page like every list: after the last, a cursor is refused.
		n := int(curve["rater_count"].(float64))
		check("GET", "/api/v1/units/{id}/curve", e.get(t, "/api/v1/units/"+e.o.Kominfo.ID+"/curve?limit=1&cursor=@"+fmt.Sprint(n+1)+"&period="+url.QueryEscape(jan.ID), adminTok), 422)
		check("GET", "/api/v1/units/{id}/curve", e.get(t, "/api/v1/units/"+e.o.Kominfo.ID+"/curve?period="+url.QueryEscape(jan.ID), staff), 403)
		// The rater sends it; BKPSDM then moves it with a reason; the
		// employee acknowledges.
		final := check("POST", "/api/v1/assessments/{id}/finalize", e.post(t, path+"/finalize", kabid, map[string]any{"version": rated["version"]}), 200)
		if final["status"] != "final" || final["finalized_at"] == nil {
			t.Errorf("final = %v", final)
		}
		moved := check("POST", "/api/v1/assessments/{id}/calibrate", e.post(t, path+"/calibrate", adminTok, map[string]any{"version": final["version"],
			"hasil_kerja": "di_atas", "perilaku_kerja": "di_atas", "reason": "Bukti dukung menunjukkan kolaborasi lintas bidang"}), 200)
		if moved["predikat"] != "sangat_baik" || len(moved["moves"].([]any)) != 1 {
			t.Fatalf("moved = %v", moved)
		}
		if by := moved["moves"].([]any)[0].(map[string]any)["by"].(map[string]any); by["name"] == "" || by["id"] == "" {
			t.Errorf("the move names no one: %v", by)
		}
		// Once sent, the rater's change is a conflict that says why.
		conflictSays(t, e.put(t, path, kabid, map[string]any{"version": moved["version"], "hasil_kerja": "sesuai", "perilaku_kerja": "sesuai"}),
			"conflict.assessment.sent")
		check("POST", "/api/v1/assessments/{id}/acknowledge", e.post(t, path+"/acknowledge", kabid, nil), 403)
		ack := check("POST", "/api/v1/assessments/{id}/acknowledge", e.post(t, path+"/acknowledge", staff, nil), 200)
		if ack["acknowledged_at"] == nil {
			t.Errorf("acknowledged = %v", ack)
		}
		conflictSays(t, e.post(t, path+"/acknowledge", staff, nil), "conflict.assessment.acknowledged")
		// How the result was reached, as the employee reads it: from the
		// sending, without the rater's drafts before it.
		story := check("GET", "/api/v1/assessments/{id}", e.get(t, path, staff), 200)
		var steps []string
		for _, h := range story["history"].([]any) {
			steps = append(steps, h.(map[string]any)["action"].(string))
		}
		if fmt.Sprint(steps) != "[finalize move acknowledge]" {
			t.Errorf("history = %v", steps)
		}
		mine := check("GET", "/api/v1/assessments", e.get(t, "/api/v1/assessments", staff), 200)
		if its, _ := mine["items"].([]any); len(its) != 1 || its[0].(map[string]any)["predikat"] != "sangat_baik" {
			t.Errorf("the employee's own = %v", mine)
		}
		// The OPD's period is finalised by BKPSDM (a small OPD only warns).
		fin := check("POST", "/api/v1/units/{id}/curve/finalize", e.post(t, "/api/v1/units/"+e.o.Kominfo.ID+"/curve/finalize", adminTok,
			map[string]any{"period_id": jan.ID}), 200)
		if fin["status"] != "final" {
			t.Errorf("finalised curve = %v", fin)
		}
		conflictSays(t, e.post(t, "/api/v1/units/"+e.o.Kominfo.ID+"/curve/finalize", adminTok, map[string]any{"period_id": jan.ID}),
			"conflict.calibration.final")
		conflictSays(t, e.post(t, path+"/calibrate", adminTok, map[string]any{"version": ack["version"], "hasil_kerja": "sesuai",
			"perilaku_kerja": "sesuai", "reason": "Lagi"}), "conflict.calibration.final")
		check("POST", "/api/v1/units/{id}/curve/unlock", e.post(t, "/api/v1/units/"+e.o.Kominfo.ID+"/curve/unlock", adminTok,
			map[string]any{"period_id": jan.ID}), 422)

		// The reconciliation reports, in e-Kinerja BKN's layout.
		rep := e.get(t, fmt.Sprintf("/api/v1/reports/penilaian-skp.xlsx?year=%d", year), adminTok)
		if rep.status != 200 || rep.header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
			t.Fatalf("penilaian report: %d %s", rep.status, rep.header)
		}
		book, err := excelize.OpenReader(bytes.NewReader(rep.body))
		if err != nil {
			t.Fatal(err)
		}
		if got := book.GetSheetList(); len(got) != 13 || got[0] != "jan" || got[12] != "tahunan" {
			t.Errorf("sheets = %v", got)
		}
		janRows, _ := book.GetRows("jan")
		febRows, _ := book.GetRows("feb")
		if len(janRows) != 2 || janRows[0][10] != "hasil_akhir" || janRows[1][1] != storetest.NIPStaff1 || janRows[1][10] != "SANGAT BAIK" ||
			len(febRows) != 2 || febRows[1][10] != "-" {
			t.Errorf("jan = %q, feb = %q", janRows, febRows)
		}
		rep = e.get(t, fmt.Sprintf("/api/v1/reports/laporan-skp.xlsx?year=%d", year), adminTok)
		book, err = excelize.OpenReader(bytes.NewReader(rep.body))
		if err != nil {
			t.Fatal(err)
		}
		skpRows, _ := book.GetRows("laporan_skp")
		if len(skpRows) != 2 || skpRows[0][5] != "skp_status" || skpRows[1][5] != "persetujuan" || skpRows[1][6] != e.o.Kominfo.Name {
			t.Errorf("laporan skp = %q", skpRows)
		}
		problem(t, e.get(t, fmt.Sprintf("/api/v1/reports/laporan-skp.xlsx?year=%d", year), staff), 403)
		problem(t, e.get(t, "/api/v1/reports/tpp.xlsx", adminTok), 404)
	})
}
