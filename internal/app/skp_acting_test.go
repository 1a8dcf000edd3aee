package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// actingEnv is the planning fixture with approved SKPs of the Kadis and
// of the Kabid (her definitive post, Kepala Bidang Aplikasi), an account
// for Staff3 (Pengadministrasi under the vacant Sekretaris post), and the
// Kabid placed as kind (Plt or Plh) of the Sekretaris from 1 February.
func actingEnv(t *testing.T, s *store.Store, kind model.PlacementKind) (env, map[string]model.Actor, model.SKP, model.SKP, model.Placement) {
	t.Helper()
	e, who := planningEnv(t, s)
	ctx := context.Background()
	if _, err := e.a.CreateUser(ctx, model.SystemActor(e.o.Instansi.ID, "test"), app.NewUser{EmployeeNIP: storetest.NIPStaff3, Password: "rahasia-staf3"}); err != nil {
		t.Fatal(err)
	}
	who["staff3"] = e.login(t, storetest.NIPStaff3, "rahasia-staf3")
	kadisSKP := approve(t, e, who["wali"], submittedSKP(t, e, who["kadis"], "", "Meningkatnya layanan pemerintahan berbasis elektronik"))
	homeSKP := approve(t, e, who["kadis"], submittedSKP(t, e, who["kabid"], kadisSKP.RHK[0].ID, "Tersedianya aplikasi layanan"))
	pl, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID, Kind: kind,
		Start: "2026-02-01", Decree: "821/7/BKPSDM/2026"})
	if err != nil {
		t.Fatal(err)
	}
	return e, who, kadisSKP, homeSKP, pl
}

// actingSKP starts, submits and has approved the Kabid's SKP of the
// Sekretaris post, with one RHK intervening the Kadis's.
func actingSKP(t *testing.T, e env, who map[string]model.Actor, kadisSKP model.SKP) model.SKP {
	t.Helper()
	ctx := context.Background()
	kabid := who["kabid"]
	s, err := e.a.CreateSKPOn(ctx, kabid, e.o.Kabid.ID, e.o.PosSekr.ID, 2026, model.ApproachKuantitatif)
	if err != nil {
		t.Fatalf("the Plt starts the SKP of the acting post: %v", err)
	}
	r, err := e.a.SaveRHK(ctx, kabid, s.Version, model.RHK{SKPID: s.ID, Kind: model.RHKUtama,
		Description: "Tertibnya administrasi kesekretariatan", ParentRHKID: kadisSKP.RHK[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.AddIndicator(ctx, kabid, s.Version+1, indicator(r.ID)); err != nil {
		t.Fatal(err)
	}
	if s, err = e.a.SubmitSKP(ctx, kabid, s.ID, s.Version+2); err != nil {
		t.Fatal(err)
	}
	return approve(t, e, who["kadis"], s)
}

// A Plt or Plh plans the acting post's results in an SKP of its own,
// rated by whoever rates that post; its staff intervene that SKP and
// name the Plt with the acting post; the Plt's own SKP and the staff of
// the home unit are untouched.
func TestActingPostHasItsOwnSKP(t *testing.T) {
	for _, kind := range []model.PlacementKind{model.PlacementPlt, model.PlacementPlh} {
		t.Run(string(kind), func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, s *store.Store) {
				e, who, kadisSKP, homeSKP, _ := actingEnv(t, s, kind)
				ctx := context.Background()
				title := model.ActingTitle(kind, "Sekretaris")

				// A second SKP of the definitive post is still refused.
				if _, err := e.a.CreateSKP(ctx, who["kabid"], e.o.Kabid.ID, 2026, model.ApproachKuantitatif); !errors.Is(err, model.ErrConflict) {
					t.Errorf("a second SKP of the definitive post: %v", err)
				}
				// The employee is offered both posts.
				posts, err := e.a.SKPPosts(ctx, who["kabid"], e.o.Kabid.ID, 2026)
				if err != nil || len(posts) != 2 || posts[0].PositionID != e.o.PosKabid.ID || posts[0].Plannable() ||
					posts[1].PositionID != e.o.PosSekr.ID || posts[1].Acting != kind || !posts[1].Plannable() || posts[1].Title != title {
					t.Fatalf("posts = %+v, %v", posts, err)
				}
				// An SKP on a post one does not hold is refused.
				var v *model.ValidationError
				if _, err := e.a.CreateSKPOn(ctx, who["kabid"], e.o.Kabid.ID, e.o.PosNurse.ID, 2026, model.ApproachKuantitatif); !errors.As(err, &v) || v.Fields["position_id"] == "" {
					t.Errorf("an SKP of a post not held: %v", err)
				}

				acting := actingSKP(t, e, who, kadisSKP)
				if acting.Acting != kind || acting.PositionID != e.o.PosSekr.ID || acting.PeriodStart != "2026-02-01" || acting.PeriodEnd != "2026-12-31" {
					t.Errorf("acting SKP = %s on %s, %s..%s", acting.Acting, acting.PositionID, acting.PeriodStart, acting.PeriodEnd)
				}
				if acting.Employee.Position != title || acting.Employee.Unit != "Sekretariat" || acting.Rater.Name != "Budi Santoso" ||
					acting.Rater.Position != "Kepala Dinas Komunikasi dan Informatika" || acting.UpperRater.Name != "Wali Kota Uji" {
					t.Errorf("acting snapshots = %+v / %+v / %+v", acting.Employee, acting.Rater, acting.UpperRater)
				}
				if _, err := e.a.CreateSKPOn(ctx, who["kabid"], e.o.Kabid.ID, e.o.PosSekr.ID, 2026, model.ApproachKuantitatif); !errors.Is(err, model.ErrConflict) {
					t.Errorf("a second SKP of the acting post: %v", err)
				}
				home, _ := s.SKP(ctx, homeSKP.ID)
				if home.Status != model.SKPApproved || home.Acting != "" || home.PeriodStart != "2026-01-01" || home.PeriodEnd != "2026-12-31" ||
					home.Employee.Position != "Kepala Bidang Aplikasi Informatika" {
					t.Errorf("the home SKP changed: %+v", home)
				}

				// Staff3, of the acting post, names the Plt with that post
				// and intervenes the acting SKP, not the home one.
				staff3 := who["staff3"]
				s3, err := e.a.CreateSKP(ctx, staff3, e.o.Staff3.ID, 2026, model.ApproachKuantitatif)
				if err != nil {
					t.Fatal(err)
				}
				if s3.Rater.Name != "Siti Rahmawati" || s3.Rater.Position != title || s3.Rater.Unit != "Sekretariat" ||
					s3.UpperRater.Name != "Budi Santoso" {
					t.Errorf("staff3 snapshots = %+v / %+v", s3.Rater, s3.UpperRater)
				}
				o, err := e.a.InterventionOptions(ctx, staff3, s3.ID)
				if err != nil || o.SupervisorSKPID != acting.ID || len(o.SupervisorRHK) != 1 || o.SupervisorRHK[0].ID != acting.RHK[0].ID {
					t.Fatalf("staff3 is offered %+v, %v; want the acting SKP %s", o, err, acting.ID)
				}
				if _, err := e.a.SaveRHK(ctx, staff3, s3.Version, model.RHK{SKPID: s3.ID, Kind: model.RHKUtama,
					Description: "Terarsipnya surat", ParentRHKID: homeSKP.RHK[0].ID}); !errors.As(err, &v) || v.Fields["parent_rhk_id"] == "" {
					t.Errorf("staff3 intervened the home SKP: %v", err)
				}
				r, err := e.a.SaveRHK(ctx, staff3, s3.Version, model.RHK{SKPID: s3.ID, Kind: model.RHKUtama,
					Description: "Terarsipnya surat masuk dan keluar", ParentRHKID: acting.RHK[0].ID})
				if err != nil {
					t.Fatalf("staff3 intervenes the acting SKP: %v", err)
				}
				if _, err := e.a.AddIndicator(ctx, staff3, s3.Version+1, indicator(r.ID)); err != nil {
					t.Fatal(err)
				}
				if s3, err = e.a.SubmitSKP(ctx, staff3, s3.ID, s3.Version+2); err != nil {
					t.Fatalf("staff3 submits: %v", err)
				}
				if s3, err = e.a.ApproveSKP(ctx, who["kabid"], s3.ID, s3.Version); err != nil || s3.Status != model.SKPApproved {
					t.Fatalf("the %s approves staff3's SKP: %+v, %v", kind, s3.Status, err)
				}

				// The staff of the home unit still intervene the home SKP.
				s1, err := e.a.CreateSKP(ctx, who["staff1"], e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
				if err != nil {
					t.Fatal(err)
				}
				if s1.Rater.Position != "Kepala Bidang Aplikasi Informatika" {
					t.Errorf("staff1 names the Kabid as %q", s1.Rater.Position)
				}
				o, err = e.a.InterventionOptions(ctx, who["staff1"], s1.ID)
				if err != nil || o.SupervisorSKPID != homeSKP.ID || len(o.SupervisorRHK) != 1 || o.SupervisorRHK[0].ID != homeSKP.RHK[0].ID {
					t.Errorf("staff1 is offered %+v, %v; want the home SKP %s", o, err, homeSKP.ID)
				}

				// The matrix of the Plt holds the RHK of both SKPs, staff3's
				// under the acting one.
				m, err := e.a.ResultMatrix(ctx, who["kabid"], 2026)
				if err != nil || m.SKP == nil || m.SKP.ID != homeSKP.ID || len(m.Rows) != 2 {
					t.Fatalf("matrix = %+v, %v", m, err)
				}
				if home, act := m.Rows[0], m.Rows[1]; home.Post != "" || home.SKP.ID != homeSKP.ID || act.Post != title ||
					act.SKP.ID != acting.ID || len(act.Links) != 1 || act.Links[0].SKPID != s3.ID {
					t.Errorf("matrix rows = %+v / %+v", home, act)
				}

				// The Plt's own work stays on the home SKP: progress, the
				// home page and the supervisor's desk.
				work, err := e.a.WorkRHK(ctx, who["kabid"], "2026-03-02")
				if err != nil || work.ID != homeSKP.ID {
					t.Errorf("the Plt's work is on %s, %v; want the home SKP", work.ID, err)
				}
				if h, err := e.a.Home(ctx, who["kabid"]); err != nil || h.MySKP == nil || h.MySKP.ID != homeSKP.ID {
					t.Errorf("the home page shows %+v, %v; want the home SKP", h.MySKP, err)
				}
				d, err := e.a.SupervisorDesk(ctx, who["kadis"], app.DeskQuery{})
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for _, p := range d.People {
					if p.Employee.ID == e.o.Kabid.ID {
						found = true
						if len(p.RHK) != 1 || p.RHK[0].RHK.ID != homeSKP.RHK[0].ID {
							t.Errorf("the desk shows the Kabid's RHK %+v; want the home SKP's", p.RHK)
						}
					}
				}
				if !found {
					t.Error("the Kabid is not on the Kadis's desk")
				}
			})
		})
	}
}

// When the placement ends, the SKP of the acting post ends with it: an
// end ahead of time moves its last day and it stays open, planned and
// filled in until that day has passed; then it closes and the employee
// is told; the home SKP stays open. The post is then no longer
// plannable, and its period never ends before it starts.
func TestActingSKPClosesWhenThePlacementEnds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, kadisSKP, homeSKP, pl := actingEnv(t, s, model.PlacementPlt)
		ctx := context.Background()
		acting := actingSKP(t, e, who, kadisSKP)
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Kabid.ID, pl.ID, "2026-05-31"); err != nil {
			t.Fatal(err)
		}
		for _, day := range []string{"", "2026-05-31"} {
			if day != "" {
				setDay(t, e, day)
			}
			if n, err := e.a.ApplyEndedPlacements(ctx); err != nil || n != 0 {
				t.Fatalf("on %q closed for %d placements: %v", day, n, err)
			}
			open, _ := s.SKP(ctx, acting.ID)
			if open.Status != model.SKPApproved || open.PeriodEnd != "2026-05-31" {
				t.Errorf("on %q, before its end the acting SKP is %s until %s", day, open.Status, open.PeriodEnd)
			}
			posts, err := e.a.SKPPosts(ctx, who["kabid"], e.o.Kabid.ID, 2026)
			if err != nil || len(posts) != 2 || posts[1].Open == nil || posts[1].Open.ID != acting.ID || posts[1].Start > posts[1].End {
				t.Errorf("on %q the acting post is listed as %+v, %v", day, posts, err)
			}
		}
		setDay(t, e, "2026-06-01")
		if n, err := e.a.ApplyEndedPlacements(ctx); err != nil || n != 1 {
			t.Fatalf("closed for %d placements: %v", n, err)
		}
		if n, err := e.a.ApplyEndedPlacements(ctx); err != nil || n != 0 {
			t.Fatalf("closed again for %d placements: %v", n, err)
		}
		closed, _ := s.SKP(ctx, acting.ID)
		if closed.Status != model.SKPClosed || closed.PeriodEnd != "2026-05-31" || closed.PeriodStart != "2026-02-01" {
			t.Errorf("after the placement ended the acting SKP is %s, %s..%s", closed.Status, closed.PeriodStart, closed.PeriodEnd)
		}
		home, _ := s.SKP(ctx, homeSKP.ID)
		if home.Status != model.SKPApproved || home.PeriodEnd != "2026-12-31" {
			t.Errorf("the home SKP is %s until %s", home.Status, home.PeriodEnd)
		}
		notes, _ := s.Notifications(ctx, e.o.Kabid.ID, 5)
		if len(notes) == 0 || notes[0].Kind != "skp.close.acting" {
			t.Errorf("no notice of the closed acting SKP: %+v", notes)
		}
		posts, err := e.a.SKPPosts(ctx, who["kabid"], e.o.Kabid.ID, 2026)
		if err != nil || len(posts) != 2 || posts[1].PositionID != e.o.PosSekr.ID || posts[1].Plannable() || posts[1].Can.Create ||
			posts[1].Start != "2026-02-01" || posts[1].End != "2026-05-31" {
			t.Errorf("after the end the acting post is offered: %+v, %v", posts, err)
		}
		var v *model.ValidationError
		if _, err := e.a.CreateSKPOn(ctx, who["kabid"], e.o.Kabid.ID, e.o.PosSekr.ID, 2026, model.ApproachKuantitatif); !errors.As(err, &v) || v.Fields["position_id"] == "" {
			t.Errorf("a new SKP of the ended post: %v", err)
		}
	})
}

// A transfer closes the SKP of the definitive post only: the SKP of a
// post the employee acts in runs on.
func TestTransferKeepsTheActingSKP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, kadisSKP, homeSKP, _ := actingEnv(t, s, model.PlacementPlh)
		ctx := context.Background()
		acting := actingSKP(t, e, who, kadisSKP)
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosNurse.ID,
			Kind: model.PlacementDefinitif, Start: "2026-07-01"}); err != nil {
			t.Fatal(err)
		}
		home, _ := s.SKP(ctx, homeSKP.ID)
		still, _ := s.SKP(ctx, acting.ID)
		if home.Status != model.SKPClosed || still.Status != model.SKPApproved || still.PeriodEnd != "2026-12-31" {
			t.Errorf("after the transfer: home %s, acting %s until %s", home.Status, still.Status, still.PeriodEnd)
		}
	})
}

// Monitoring counts the SKP of the definitive post: a Plt's draft SKP of
// the acting post does not hide that the home SKP is approved, nor stand
// in for a home SKP not started.
func TestMonitoringCountsTheDefinitiveSKP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, _, _, _ := actingEnv(t, s, model.PlacementPlt)
		ctx := context.Background()
		if _, err := e.a.CreateSKPOn(ctx, who["kabid"], e.o.Kabid.ID, e.o.PosSekr.ID, 2026, model.ApproachKuantitatif); err != nil {
			t.Fatal(err)
		}
		people, status, err := e.a.BehindInUnit(ctx, e.admin, 2026, e.o.Aplikasi.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range people {
			if p.ID == e.o.Kabid.ID {
				t.Errorf("the Kabid, whose home SKP is approved, is behind with %q", status[p.ID])
			}
		}
	})
}

// Until the Plt or Plh has an SKP of the acting post, its staff are
// offered nothing to intervene (they wait for it), never the Plt's home
// post's results, and cannot intervene those.
func TestActingPostStaffWaitForItsSKP(t *testing.T) {
	for _, kind := range []model.PlacementKind{model.PlacementPlt, model.PlacementPlh} {
		t.Run(string(kind), func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, s *store.Store) {
				e, who, _, homeSKP, _ := actingEnv(t, s, kind)
				ctx := context.Background()
				staff3 := who["staff3"]
				s3, err := e.a.CreateSKP(ctx, staff3, e.o.Staff3.ID, 2026, model.ApproachKuantitatif)
				if err != nil {
					t.Fatal(err)
				}
				o, err := e.a.InterventionOptions(ctx, staff3, s3.ID)
				if err != nil || o.SupervisorSKPID == homeSKP.ID || len(o.SupervisorRHK) != 0 {
					t.Fatalf("staff3 is offered %+v, %v; want nothing until the acting SKP exists", o, err)
				}
				var v *model.ValidationError
				if _, err := e.a.SaveRHK(ctx, staff3, s3.Version, model.RHK{SKPID: s3.ID, Kind: model.RHKUtama,
					Description: "Terarsipnya surat", ParentRHKID: homeSKP.RHK[0].ID}); !errors.As(err, &v) || v.Fields["parent_rhk_id"] == "" {
					t.Errorf("staff3 intervened the %s's home SKP: %v", kind, err)
				}
			})
		})
	}
}
