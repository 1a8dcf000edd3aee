package api_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The follow-up board is a year's: its open follow-ups, results with
// angka kredit and missing plans are all of that year's annual results,
// so another year's board lists none of 2026's.
func TestFollowUpBoardFollowsTheYear(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, o, as := apptest.ReceivedAnnualResult(t, s)
		ts := httptest.NewServer(server.New(a))
		t.Cleanup(ts.Close)
		e := env{url: ts.URL, o: o, s: s}
		bkpsdm := model.Actor{UserID: "x", InstansiID: o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		fu, err := a.CreateFollowUp(context.Background(), bkpsdm, as.ID, app.FollowUpInput{Kind: model.FollowUpTraining, Title: "Bimtek pelaporan kinerja"})
		if err != nil {
			t.Fatal(err)
		}
		admin := e.login(t, "admin", "rahasia-admin")
		for year, want := range map[string]int{"2026": 1, "2025": 0, "2030": 0} {
			r := e.get(t, "/api/v1/follow-ups?year="+year, admin)
			if r.status != 200 {
				t.Fatalf("%s: %d %s", year, r.status, r.body)
			}
			b := r.json(t)
			open, _ := b["open"].([]any)
			if b["open_count"] != float64(want) || len(open) != want || (want == 1 && open[0].(map[string]any)["id"] != fu.ID) {
				t.Errorf("the board of %s: open_count %v, open %v; want %d", year, b["open_count"], open, want)
			}
			if want == 0 && (b["credit_count"] != float64(0) || b["plans_missing_count"] != float64(0) || b["overdue"] != float64(0)) {
				t.Errorf("the board of %s counts 2026's results: %v credits, %v plans missing, %v overdue", year, b["credit_count"], b["plans_missing_count"], b["overdue"])
			}
		}
	})
}
