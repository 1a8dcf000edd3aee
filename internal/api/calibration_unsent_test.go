package api_test

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The OPD head's own rating, given and not sent, is out of every number
// of their curve alike: it counts as not yet rated, so the assessments,
// the open, the rated, the sent, the chart and the spread per rater add
// up for them as for BKPSDM, who sees it.
func TestCurveNumbersAddUpWithoutTheHeadsOwnDraft(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		_, jan, _ := apptest.RatedJanuaryResult(t, s, e.o, "") // the staff's draft (Baik)
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: storetest.NIPKadis, Password: "rahasia-kadis"}); err != nil {
			t.Fatal(err)
		}
		actor := func(user, pw string) model.Actor {
			t.Helper()
			res, err := a.Login(ctx, app.LoginRequest{Username: user, Password: pw, Kind: "api", IP: "198.51.100.7"})
			if err != nil {
				t.Fatal(err)
			}
			act, err := a.Authenticate(ctx, res.Token, "198.51.100.7")
			if err != nil {
				t.Fatal(err)
			}
			return act
		}
		admin, wali := actor("admin", "rahasia-admin"), actor("walikota", "rahasia-wali")
		kadisSKP := apptest.ApprovedSKP(t, a, s, actor(storetest.NIPKadis, "rahasia-kadis"), e.o.Kadis.ID, 2026)
		// January closed again: the Kadis' SKP gets its assessment.
		p, err := a.Period(ctx, admin, jan)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range []model.PeriodStatus{model.PeriodOpen, model.PeriodClosed} {
			p.Status = st
			if err := a.MovePeriod(ctx, admin, p, "SKP kepala dinas menyusul"); err != nil {
				t.Fatalf("move January to %s: %v", st, err)
			}
			if p, err = a.Period(ctx, admin, jan); err != nil {
				t.Fatal(err)
			}
		}
		page, err := a.Assessments(ctx, wali, app.AssessmentFilter{RatedByMe: true, PeriodID: jan})
		if err != nil {
			t.Fatal(err)
		}
		var own app.AssessmentItem
		for _, it := range page.Items {
			if it.SKPID == kadisSKP.ID {
				own = it
			}
		}
		if own.ID == "" {
			t.Fatalf("no assessment of the Kadis among %+v", page.Items)
		}
		// The Wali Kota rates the Kadis and does not send it.
		waliTok, kadisTok, adminTok := e.login(t, "walikota", "rahasia-wali"), e.login(t, storetest.NIPKadis, "rahasia-kadis"), e.login(t, "admin", "rahasia-admin")
		if r := e.put(t, "/api/v1/assessments/"+own.ID, waliTok, map[string]any{"perilaku_kerja": "di_atas", "version": own.Version}); r.status != 200 {
			t.Fatalf("rate the Kadis: %d %s", r.status, r.body)
		}
		// Their own assessment, alone and in the OPD's list, reads as not
		// yet rated, and the status filter selects it as it reads.
		r := e.get(t, "/api/v1/assessments/"+own.ID, kadisTok)
		if leaks := append(ratingFields(r.json(t)), draftFields(r.json(t))...); r.status != 200 || len(leaks) > 0 {
			t.Errorf("the Kadis' own assessment: %d, carries %v", r.status, leaks)
		}
		list := "/api/v1/assessments?unit=" + url.QueryEscape(e.o.Kominfo.ID) + "&period=" + url.QueryEscape(jan)
		for name, tc := range map[string]struct {
			token, query string
			own, others  bool // the Kadis' row, the staff's draft
		}{
			"the Kadis' rated": {kadisTok, "&status=rated", false, true},
			"the Kadis' open":  {kadisTok, "&status=open", true, false},
			"the Kadis' all":   {kadisTok, "", true, true},
			"BKPSDM's rated":   {adminTok, "&status=rated", true, true},
			"BKPSDM's open":    {adminTok, "&status=open", false, false},
		} {
			r := e.get(t, list+tc.query, tc.token)
			if r.status != 200 {
				t.Fatalf("%s: %d %s", name, r.status, r.body)
			}
			var own2, others bool
			for _, x := range r.json(t)["items"].([]any) {
				x := x.(map[string]any)
				if x["id"] == own.ID {
					own2 = true
					if leaks := append(ratingFields(x), draftFields(x)...); tc.token == kadisTok && len(leaks) > 0 {
						t.Errorf("%s: the Kadis' row carries %v", name, leaks)
					}
				} else {
					others = true
				}
			}
			if own2 != tc.own || others != tc.others {
				t.Errorf("%s: own row %v, the staff's %v; want %v, %v", name, own2, others, tc.own, tc.others)
			}
		}

		for name, tc := range map[string]struct {
			token             string
			open, rated, sums int
		}{"the Kadis": {kadisTok, 1, 1, 1}, "BKPSDM": {adminTok, 0, 2, 2}} {
			r := e.get(t, "/api/v1/units/"+e.o.Kominfo.ID+"/curve?period="+url.QueryEscape(jan), tc.token)
			if r.status != 200 {
				t.Fatalf("%s's curve: %d %s", name, r.status, r.body)
			}
			c := r.json(t)
			num := func(k string) int { return int(c[k].(float64)) }
			sum := func(m any) int {
				n := 0
				for _, v := range m.(map[string]any) {
					n += int(v.(float64))
				}
				return n
			}
			raters := 0
			for _, x := range c["raters"].([]any) {
				raters += int(x.(map[string]any)["total"].(float64))
			}
			sent := sum(c["final_counts"])
			got := fmt.Sprintf("total %d open %d rated %d sent %d chart %d raters %d", num("total"), num("open"), num("rated"), sent, sum(c["counts"]), raters)
			want := fmt.Sprintf("total 2 open %d rated %d sent 0 chart %d raters %d", tc.open, tc.rated, tc.sums, tc.sums)
			if got != want || num("open")+num("rated")+sent != num("total") || sum(c["counts"]) != num("rated")+sent {
				t.Errorf("%s's curve: %s, want %s", name, got, want)
			}
			// Finalising would be refused (results not sent): the curve
			// does not offer it, and says why in the words of the refusal.
			can, _ := c["can"].(map[string]any)
			why, _ := c["finalize_refused"].(string)
			if can["finalize"] != false || can["override"] != false || why == "" {
				t.Errorf("%s's curve offers finalising: can %v, finalize_refused %q", name, can, why)
			}
			fin := problem(t, e.post(t, "/api/v1/units/"+e.o.Kominfo.ID+"/curve/finalize", tc.token, map[string]any{"period_id": jan, "override_reason": "uji"}), 409)
			if fin["detail"] != why {
				t.Errorf("%s: finalising refused with %q, the curve said %q", name, fin["detail"], why)
			}
		}
	})
}
