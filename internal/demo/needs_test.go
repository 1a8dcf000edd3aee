package demo_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/demo"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestDemoNeeds: the demo city has a few dozen needs and constraints
// across its OPDs, of every kind and in every status, and the demo staff
// account has one waiting for its Kepala Bidang.
func TestDemoNeeds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a, sum := generate(t, s, 600, 5)
		year := a.Today(ctx, sum.InstansiID).Time().Year()
		page, err := s.Needs(ctx, store.NeedFilter{InstansiID: sum.InstansiID, Year: year, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Items) < 35 {
			t.Fatalf("%d demo needs, want a few dozen", len(page.Items))
		}
		kinds, statuses, opds := map[model.NeedKind]int{}, map[model.NeedStatus]int{}, map[string]bool{}
		withRHK := 0
		for _, n := range page.Items {
			kinds[n.Kind]++
			statuses[n.Status]++
			opds[n.OPDID] = true
			if n.RHKID != "" {
				withRHK++
			}
			if n.ReporterName == "" || n.EmployeeName == "" || n.UnitName == "" {
				t.Errorf("need %q lacks who recorded it or whose it is: %+v", n.Title, n)
			}
			switch n.Status {
			case model.NeedAddressed:
				if n.ActionNote == "" || n.AddresserName == "" || n.ConfirmerName == "" {
					t.Errorf("addressed need %q without what was done or by whom", n.Title)
				}
			case model.NeedClosed:
				if n.ClosedNote == "" || n.CloserName == "" {
					t.Errorf("closed need %q without why", n.Title)
				}
			}
		}
		for _, k := range model.NeedKinds {
			if kinds[k] == 0 {
				t.Errorf("no demo need of kind %s", k)
			}
		}
		if statuses[model.NeedOpen] < 5 || statuses[model.NeedConfirmed] < 5 || statuses[model.NeedAddressed] < 5 || statuses[model.NeedClosed] < 2 {
			t.Errorf("demo statuses = %v", statuses)
		}
		if len(opds) < 15 || withRHK == 0 {
			t.Errorf("needs in %d OPDs, %d with an RHK", len(opds), withRHK)
		}

		// The demo Kepala Bidang has the staff account's need to confirm.
		accounts, err := demoAccounts(ctx, s, a)
		if err != nil {
			t.Fatal(err)
		}
		kabid := signInDemo(t, a, accounts["Kepala bidang (atasan langsung)"])
		staff := signInDemo(t, a, accounts["Staf (ASN)"])
		worklist, err := a.LineNeeds(ctx, kabid, year, 50, "")
		line := worklist.Items
		if err != nil || len(line) < 2 || line[0].Status != model.NeedOpen || line[0].EmployeeID != staff.EmployeeID {
			t.Fatalf("the demo Kabid's worklist = %+v, %v", line, err)
		}
		if n, err := a.Need(ctx, kabid, line[0].ID); err != nil || !n.Can.Confirm {
			t.Errorf("the demo Kabid cannot confirm the staff's need: %+v, %v", n.Can, err)
		}
		notes, _ := s.Notifications(ctx, kabid.EmployeeID, 50)
		told := false
		for _, n := range notes {
			told = told || (n.Kind == "need.recorded" && n.Link == "/kebutuhan/"+line[0].ID)
		}
		if !told {
			t.Error("the demo Kabid was not told of the staff's need")
		}

		// BKPSDM's summary counts them by OPD.
		admin := signInDemo(t, a, "admin")
		summary, err := a.NeedSummary(ctx, admin, year, "", "")
		if err != nil || summary.Total.Counts.Total() != len(page.Items) || len(summary.Lines) != len(opds) {
			t.Errorf("summary = %d needs in %d lines, %v", summary.Total.Counts.Total(), len(summary.Lines), err)
		}
	})
}

func demoAccounts(ctx context.Context, s *store.Store, a *app.App) (map[string]string, error) {
	list, err := demo.Accounts(ctx, s, a)
	out := map[string]string{}
	for _, acc := range list {
		out[acc.Role] = acc.Username
	}
	return out, err
}

func signInDemo(t *testing.T, a *app.App, username string) model.Actor {
	t.Helper()
	res, err := a.Login(context.Background(), app.LoginRequest{Username: username, Password: "sawahlunto", Kind: "web", IP: "198.51.100.9"})
	if err != nil {
		t.Fatalf("sign in as %s: %v", username, err)
	}
	actor, err := a.Authenticate(context.Background(), res.Token, "198.51.100.9")
	if err != nil {
		t.Fatal(err)
	}
	return actor
}
