package apptest

import (
	"context"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// Markers written into Staff1's private records by PrivateRecords: an
// answer to someone without the right to them that carries one is a leak.
const (
	MarkAssessment = "PENANDA-PENILAIAN"
	MarkProgress   = "PENANDA-PROGRES"
	MarkNeed       = "PENANDA-KEBUTUHAN"
	MarkCoaching   = "PENANDA-BIMBINGAN"
	MarkObjection  = "PENANDA-KEBERATAN"
	MarkProposal   = "PENANDA-USULAN"
	MarkTeam       = "PENANDA-TIM"
	MarkEvidence   = "penanda-bukti"
)

// Markers are all the markers of Staff1's private records.
var Markers = []string{MarkAssessment, MarkProgress, MarkNeed, MarkCoaching, MarkObjection, MarkProposal, MarkTeam, MarkEvidence}

// Records are Staff1's records of every kind, made by PrivateRecords:
// the world the authorization matrices of the API and the web walk.
type Records struct {
	Assessment, Objection, Progress, Evidence, Need, Coaching, Team, Proposal string
	Override, PK, Placement, Notification, Session, FollowUp, SignInLimit     string
	SKP                                                                       model.SKP
	Periods                                                                   []model.Period
}

// PrivateRecords gives Staff1, on the fixture organisation with accounts
// "admin", Staff1 and Kabid (passwords "rahasia-…"), one record of every
// kind, each private one carrying a marker: a sent January result with
// an objection, her approved SKP with a progress entry and its evidence,
// the document of its approved revision, a need, a coaching session her Kabid held, a team, an RHK proposal, a
// rater override, a follow-up, a placement, a notification, a session
// and a sign-in limit on her account; and a PK sasaran for Kominfo. a
// must store evidence (app.Options.Blobs); s is its store.
func PrivateRecords(t *testing.T, a *app.App, s *store.Store, o storetest.Org) Records {
	t.Helper()
	ctx := context.Background()
	var r Records
	r.Assessment, _ = SentJanuaryResult(t, s, o, MarkAssessment)
	sys := model.SystemActor(o.Instansi.ID, "test")
	admin, staff, kabid := signIn(t, a, "admin", "rahasia-admin"), signIn(t, a, storetest.NIPStaff1, "rahasia-staf1"),
		signIn(t, a, storetest.NIPKabid, "rahasia-kabid")
	if err := a.SetPeriodicObjections(ctx, admin, true); err != nil {
		t.Fatal(err)
	}
	objection, err := a.SubmitObjection(ctx, staff, r.Assessment, MarkObjection+": capaian saya di atas target")
	if err != nil {
		t.Fatal(err)
	}
	r.Objection = objection.ID
	skps, err := s.SKPs(ctx, store.SKPFilter{InstansiID: o.Instansi.ID, EmployeeIDs: []string{o.Staff1.ID}})
	if err != nil || len(skps) != 1 {
		t.Fatalf("Staff1's SKPs: %v, %v", skps, err)
	}
	r.SKP, _ = s.SKP(ctx, skps[0].ID)
	if err := s.Write(ctx, sys, func(tx *store.Tx) error { return tx.SaveSKPVersion(ctx, r.SKP) }); err != nil {
		t.Fatal(err) // the approved document, as an approval keeps it
	}
	r.Periods, _ = a.Periods(ctx, admin, 2026)
	today := a.Today(ctx, o.Instansi.ID)
	for _, p := range r.Periods {
		if p.Kind != model.PeriodAnnual && p.Start <= today && today <= p.End && p.Status != model.PeriodOpen {
			p.Status = model.PeriodOpen
			if err := a.MovePeriod(ctx, admin, p, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	progress, err := a.SubmitProgress(ctx, staff, model.Progress{WorkDate: today, RHKID: r.SKP.RHK[0].ID, Description: MarkProgress + " memperbarui server", Minutes: 60})
	if err != nil {
		t.Fatal(err)
	}
	r.Progress = progress.ID
	up, err := a.StoreUpload(ctx, staff, MarkEvidence+".pdf", strings.NewReader("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))
	if err != nil {
		t.Fatal(err)
	}
	evidence, err := a.AddEvidence(ctx, staff, "progress", progress.ID, up)
	if err != nil {
		t.Fatal(err)
	}
	r.Evidence = evidence.ID
	need, err := a.RecordNeed(ctx, staff, model.Need{EmployeeID: o.Staff1.ID, Category: model.NeedCategoryNeed, Kind: model.NeedTraining,
		Title: MarkNeed + " pelatihan jaringan", Description: "Belum ada pelatihan"})
	if err != nil {
		t.Fatal(err)
	}
	r.Need = need.ID
	coaching, err := a.RecordCoaching(ctx, kabid, model.CoachingSession{EmployeeID: o.Staff1.ID, Kind: model.CoachingCoaching, HeldOn: today,
		Topic: MarkCoaching + " target layanan", Notes: "Dibahas", Actions: "Menyusun jadwal"})
	if err != nil {
		t.Fatal(err)
	}
	r.Coaching = coaching.ID
	team, err := a.CreateTeam(ctx, kabid, model.Team{Name: MarkTeam + " layanan daring", Goal: MarkTeam + " tujuan"})
	if err != nil {
		t.Fatal(err)
	}
	r.Team = team.ID
	kabidSKP := ApprovedSKP(t, a, s, kabid, o.Kabid.ID, 2026)
	proposal, err := a.ProposeRHK(ctx, kabid, o.Staff1.ID, kabidSKP.RHK[0].ID, MarkProposal+" RHK baru")
	if err != nil {
		t.Fatal(err)
	}
	r.Proposal = proposal.ID
	override, err := a.OverrideRater(ctx, admin, model.RaterOverride{EmployeeID: o.Staff1.ID, RaterID: o.Kabid.ID, Start: "2026-02-01", Reason: "Penugasan"})
	if err != nil {
		t.Fatal(err)
	}
	r.Override = override.ID
	pk, err := a.AddPKSasaran(ctx, admin, model.PKSasaran{UnitID: o.Kominfo.ID, Year: 2026, Description: "Meningkatnya layanan digital",
		Indicators: []model.PKIndicator{{Description: "Indeks SPBE", Target: "3", Unit: "indeks"}}})
	if err != nil {
		t.Fatal(err)
	}
	r.PK = pk.ID
	placements, _ := s.Placements(ctx, o.Staff1.ID)
	notes, _ := s.Notifications(ctx, o.Staff1.ID, 1)
	sessions, _ := s.ActiveSessions(ctx, staff.UserID, a.Now())
	if len(placements) == 0 || len(notes) == 0 || len(sessions) == 0 {
		t.Fatalf("placements %d, notifications %d, sessions %d", len(placements), len(notes), len(sessions))
	}
	r.Placement, r.Notification, r.Session = placements[0].ID, notes[0].ID, sessions[0].ID
	if err := s.Write(ctx, sys, func(tx *store.Tx) error {
		f, err := tx.CreateFollowUp(ctx, model.FollowUp{InstansiID: o.Instansi.ID, AssessmentID: r.Assessment, EmployeeID: o.Staff1.ID,
			Kind: model.FollowUpTraining, Title: "Pelatihan", Plan: "Pelatihan jaringan", Status: model.FollowUpOpen})
		r.FollowUp = f.ID
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// Failed sign-ins to Staff1's account hold a sign-in limit.
	for range 5 { // the budget of an account from one address
		a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "salah-sekali", Kind: "web", IP: "203.0.113.5"})
	}
	holds, err := a.SignInHolds(ctx, admin)
	if err != nil || len(holds) == 0 {
		t.Fatalf("sign-in limits: %+v, %v", holds, err)
	}
	r.SignInLimit = holds[0].ID
	return r
}
