package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/demo"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestDemoCoaching: supervisors coached members of their team; some
// sessions are answered and evaluated, some wait, some reviews are due
// soon; the demo staff account has feedback to give.
func TestDemoCoaching(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a, sum := generate(t, s, 600, 3)
		today := a.Today(ctx, sum.InstansiID)
		soon := model.Date(today.Time().AddDate(0, 0, 10).Format(time.DateOnly))
		chart, err := a.OrgChart(ctx, sum.InstansiID)
		if err != nil {
			t.Fatal(err)
		}
		var all []model.CoachingSession
		for f := (store.CoachingFilter{InstansiID: sum.InstansiID, Limit: 200}); ; {
			page, err := s.CoachingSessions(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, page...)
			if len(page) < 200 {
				break
			}
			f.Before = page[len(page)-1].ID
		}
		kinds := map[model.CoachingKind]bool{}
		var answered, waiting, evaluated, dueSoon int
		for _, c := range all {
			kinds[c.Kind] = true
			if err := c.Validate(today); err != nil {
				t.Errorf("session %s: %v", c.ID, err)
			}
			if !chart.InLine(c.CoachID, c.EmployeeID) {
				t.Errorf("session %s: the coach is not above the ASN in the line", c.ID)
			}
			if c.Feedback != nil {
				answered++
				if c.Feedback.Validate() != nil {
					t.Errorf("session %s: feedback %v", c.ID, c.Feedback)
				}
			} else {
				waiting++
			}
			if c.Competence != nil {
				evaluated++
				if model.ValidateCompetence(c.Competence) != nil {
					t.Errorf("session %s: competence %v", c.ID, c.Competence)
				}
			}
			if c.NextReview > today && c.NextReview <= soon {
				dueSoon++
			}
		}
		if len(all) < 15 || len(kinds) < 3 || answered == 0 || waiting == 0 || evaluated == 0 || dueSoon == 0 {
			t.Errorf("%d sessions of %d kinds: %d answered, %d waiting, %d evaluated, %d due soon", len(all), len(kinds), answered, waiting, evaluated, dueSoon)
		}

		// The demo staff account finds a session to answer.
		var staffNIP string
		for _, acc := range sum.Accounts {
			if acc.Role == "Staf (ASN)" {
				staffNIP = acc.Username
			}
		}
		res, err := a.Login(ctx, app.LoginRequest{Username: staffNIP, Password: demo.Password})
		if err != nil {
			t.Fatalf("sign in as the demo staff %q: %v", staffNIP, err)
		}
		mine, _, err := a.CoachingSessions(ctx, res.Actor, app.CoachingQuery{})
		if err != nil || len(mine) != 2 || mine[0].Feedback != nil || mine[0].NextReview <= today || mine[1].Feedback == nil || mine[1].Competence == nil {
			t.Errorf("the demo staff's sessions = %+v, %v", mine, err)
		}
	})
}
