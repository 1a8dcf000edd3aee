package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// CreateSKP starts the draft SKP of an employee for a year on their
// definitive position (see CreateSKPOn for a post they act in).
func (a *App) CreateSKP(ctx context.Context, actor model.Actor, employeeID string, year int, approach model.Approach) (model.SKP, error) {
	return a.CreateSKPOn(ctx, actor, employeeID, "", year, approach)
}

// SKP returns an SKP to those who may read it: the owner, anyone above them
// in their line, and administrators.
func (a *App) SKP(ctx context.Context, actor model.Actor, id string) (model.SKP, error) {
	s, err := a.store.SKP(ctx, id)
	if err != nil {
		return s, err
	}
	if err := a.canReadSKP(ctx, actor, s); err != nil {
		return model.SKP{}, err
	}
	one := []model.SKP{s}
	if err := a.currentRaters(ctx, orgSync(s.InstansiID), one); err != nil {
		return model.SKP{}, err
	}
	return one[0], nil
}

// SKPItem is an SKP in a list with what the actor may do with it now.
type SKPItem struct {
	SKP model.SKP
	Can SKPRights
}

// SKPsView is the actor's list of SKP: their own, those of the people
// they may read, how many wait for the actor's approval, and whether they
// may start their SKP for year.
type SKPsView struct {
	Year     int
	YearOpen bool
	Mine     []SKPItem // newest first
	Current  *SKPItem  // the actor's SKP for year that is not closed (of the definitive post first)
	Posts    []SKPPost // the posts the actor may plan for year: the definitive one, then each Plt or Plh
	Team     []SKPItem
	Waiting  int // SKPs in Team the actor may approve now
	Can      SKPsRights
}

// SKPsRights is what the actor may do on their list of SKP.
type SKPsRights struct {
	Create bool // start their own SKP for the year: it is open and one of their Posts has none yet
}

// SKPsView lists the SKPs of every year the actor may read as an
// employee: their own and their team's.
func (a *App) SKPsView(ctx context.Context, actor model.Actor, year int) (SKPsView, error) {
	v := SKPsView{Year: year}
	var err error
	if v.YearOpen, err = a.YearOpen(ctx, actor, year); err != nil {
		return v, err
	}
	if actor.EmployeeID == "" {
		return v, nil
	}
	all, err := a.SKPList(ctx, actor, "", 0, "")
	if err != nil {
		return v, err
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return v, err
	}
	v.Waiting = waitingSKP(actor, chart, all)
	for _, s := range all {
		r, _ := ratersOf(chart, s)
		it := SKPItem{SKP: s, Can: skpRights(actor, s, r)}
		if s.EmployeeID != actor.EmployeeID {
			v.Team = append(v.Team, it)
			continue
		}
		if s.Year == year && s.Status != model.SKPClosed && (v.Current == nil || v.Current.SKP.Acting != "" && s.Acting == "") {
			cur := it
			v.Current = &cur
		}
		v.Mine = append(v.Mine, it)
	}
	if v.Posts, err = a.ownPosts(ctx, actor, year, v.Mine); err != nil {
		return v, err
	}
	v.Can.Create = v.YearOpen && slices.ContainsFunc(v.Posts, SKPPost.Plannable)
	return v, nil
}

// waitingSKP counts the SKPs of list the actor may approve now, of every
// year: the number the SKP page shows above the team's list and the
// beranda links to it with.
func waitingSKP(actor model.Actor, chart *model.OrgChart, list []model.SKP) int {
	n := 0
	for _, s := range list {
		r, _ := ratersOf(chart, s)
		if s.EmployeeID != actor.EmployeeID && skpRights(actor, s, r).Approve {
			n++
		}
	}
	return n
}

// SKPView is the SKP page and the API's SKP: the SKP with what the actor
// may do with it now, the text of every RHK its RHK intervene, and around
// it the dialogues, the approved versions and the feedback thread. While
// the actor may edit it, it also holds what a new RHK may intervene and
// the RHK proposed to them.
type SKPView struct {
	SKP        model.SKP
	Can        SKPRights
	ParentText map[string]string // intervened RHK id -> its text
	Options    InterventionOptions
	Dialogues  []model.Dialogue
	Versions   []model.SKP // approved revisions, oldest first
	// InForce is the approved revision still in force while this one is
	// drafted, submitted or returned (0 when the SKP is approved itself or
	// was never approved).
	InForce int
	// Realisasi reports whether the SKP takes realisasi: a revision of it
	// is approved, or a transfer closed it.
	Realisasi bool
	Proposals []ProposalView
	Thread    []model.Feedback // umpan balik on the SKP as a whole
	// History is the SKP's steps, oldest first: made, submitted,
	// returned, approved, revised, handed to other raters, closed.
	History []SKPEvent
	// RatedNow is who rates the SKP today when that is not the pejabat
	// penilai it names: an approved SKP keeps the raters it was approved
	// with, while its dialogues, progress and assessment go to today's.
	RatedNow *model.PersonSnapshot
	// Transfer links the SKP a transfer closed and the SKP after it, and
	// offers the closed SKP's RHK to take over (see transfer.go).
	Transfer TransferView
}

// SKPView loads the SKP page for those who may read the SKP.
func (a *App) SKPView(ctx context.Context, actor model.Actor, id string) (SKPView, error) {
	s, err := a.SKP(ctx, actor, id)
	if err != nil {
		return SKPView{}, err
	}
	v := SKPView{SKP: s}
	raterID, err := a.raterToday(ctx, s)
	if err != nil {
		return v, err
	}
	v.Can = skpRights(actor, s, raterID)
	if raterID != "" && raterID != s.Rater.EmployeeID {
		chart, err := a.OrgChart(ctx, s.InstansiID)
		if err != nil {
			return v, err
		}
		// Named as they rate: a Plt with the post they act in.
		now, _, err := a.raterSnapshots(ctx, chart, s.EmployeeID, s.PositionID)
		if err != nil {
			return v, err
		}
		v.RatedNow = &now
	}
	if v.History, err = a.skpHistory(ctx, s); err != nil {
		return v, err
	}
	if v.ParentText, err = a.parentTexts(ctx, s.RHK); err != nil {
		return v, err
	}
	if v.Can.Edit {
		if v.Options, err = a.interventionOptions(ctx, s); err != nil {
			return v, err
		}
		if v.Proposals, err = a.Proposals(ctx, actor, s.Year); err != nil {
			return v, err
		}
	}
	if v.Dialogues, err = a.store.Dialogues(ctx, s.ID); err != nil {
		return v, err
	}
	if v.Versions, err = a.store.SKPVersions(ctx, s.ID); err != nil {
		return v, err
	}
	f, err := a.inForce(ctx, s)
	if err != nil {
		return v, err
	}
	// While a new revision is drafted or waits (not once the SKP is closed:
	// then the approved revision is simply its last).
	if v.Realisasi = f.takesRealisasi(); f.Approved && s.Status != model.SKPApproved && s.Status != model.SKPClosed {
		v.InForce = f.Revision
	}
	if v.Transfer, err = a.transferOf(ctx, actor, s); err != nil {
		return v, err
	}
	// A rater named on the SKP keeps reading it after a reorganisation,
	// though the feedback, like the owner's other work, may be out of reach.
	if v.Thread, err = a.FeedbackThread(ctx, actor, TargetSKP, s.ID); err != nil && !errors.Is(err, model.ErrNotFound) {
		return v, err
	}
	return v, nil
}

// parentTexts returns the text of every RHK that one of rhk intervenes,
// in one query.
func (a *App) parentTexts(ctx context.Context, rhk []model.RHK) (map[string]string, error) {
	var ids []string
	for _, r := range rhk {
		if r.ParentRHKID != "" {
			ids = append(ids, r.ParentRHKID)
		}
	}
	return a.store.RHKTexts(ctx, ids)
}

// InterventionOptions is what an RHK of an SKP may intervene: for a JA/JF
// SKP the RHK in force on the pejabat penilai's SKP (its last approved
// revision, also while a new one is drafted), for a JPT the sasaran of the
// Perjanjian Kinerja of the unit the position leads.
type InterventionOptions struct {
	Format            model.SKPFormat
	SupervisorSKPID   string      // the pejabat penilai's SKP ("" while no revision of it is approved)
	SupervisorRHK     []model.RHK // the RHK of its approved revision in force
	PerjanjianKinerja []model.PKSasaran
}

// InterventionOptions returns what the RHK of an SKP may intervene, to
// those who may read the SKP.
func (a *App) InterventionOptions(ctx context.Context, actor model.Actor, skpID string) (InterventionOptions, error) {
	s, err := a.SKP(ctx, actor, skpID)
	if err != nil {
		return InterventionOptions{}, err
	}
	return a.interventionOptions(ctx, s)
}

func (a *App) interventionOptions(ctx context.Context, s model.SKP) (InterventionOptions, error) {
	o := InterventionOptions{Format: s.Format}
	if s.Format == model.FormatJPT {
		pk, err := a.SKPPerjanjianKinerja(ctx, s)
		o.PerjanjianKinerja = pk
		return o, err
	}
	sup, ok, err := a.supervisorSKP(ctx, s)
	if err != nil || !ok {
		return o, err
	}
	o.SupervisorSKPID, o.SupervisorRHK = sup.SKP.ID, sup.RHK
	return o, nil
}

// RHK returns one RHK (without indicators) to those who may read its SKP.
func (a *App) RHK(ctx context.Context, actor model.Actor, id string) (model.RHK, error) {
	r, err := a.store.RHKByID(ctx, id)
	if err != nil {
		return r, err
	}
	if _, err := a.SKP(ctx, actor, r.SKPID); err != nil {
		return model.RHK{}, fmt.Errorf("RHK %s: %w", id, model.ErrNotFound)
	}
	return r, nil
}

func (a *App) canReadSKP(ctx context.Context, actor model.Actor, s model.SKP) error {
	hidden := fmt.Errorf("SKP %s: %w", s.ID, model.ErrNotFound)
	if s.InstansiID != actor.InstansiID {
		return hidden
	}
	// The raters named on the SKP keep reading it after a reorganisation.
	if actor.EmployeeID != "" && (s.Rater.EmployeeID == actor.EmployeeID || s.UpperRater.EmployeeID == actor.EmployeeID) {
		return nil
	}
	if err := a.canSeeWorkOf(ctx, actor, s.InstansiID, s.EmployeeID); err != nil {
		return hidden
	}
	return nil
}

// SKPRights is what an actor may do with an SKP now. The actions ask the
// same function (skpAllows) before they act, so a page or an API answer
// never offers what the action would refuse.
type SKPRights struct {
	Edit     bool // change RHK, indicators and lampiran: the owner, while draft or returned
	Submit   bool // send to the pejabat penilai: the owner, while draft or returned
	Approve  bool // the pejabat penilai, while submitted
	Return   bool // the pejabat penilai, while submitted
	Revise   bool // start a new revision: the owner, once approved
	Expect   bool // write the ekspektasi khusus: the pejabat penilai, until approved
	Dialogue bool // record a dialog kinerja: the owner or the pejabat penilai
}

// RHKRights is what an actor may do with one RHK of an SKP now: add an
// indicator to it (AddIndicator) or remove it (DeleteRHK). Both actions
// check that the actor may edit the SKP, so both rights follow Edit.
type RHKRights struct {
	Edit         bool // change it (ChangeRHK): its kind, text and the result it intervenes
	AddIndicator bool
	Delete       bool
}

// RHK is what the actor may do with each RHK of the SKP these rights are
// on.
func (c SKPRights) RHK() RHKRights {
	return RHKRights{Edit: c.Edit, AddIndicator: c.Edit, Delete: c.Edit}
}

// IndicatorRights is what an actor may do with one indicator of an SKP
// now: change it (ChangeIndicator) or remove it (RemoveIndicator). Both
// check that the actor may change its RHK, so both follow Edit; a removal
// the indicator's records forbid is refused with its reason.
type IndicatorRights struct {
	Edit   bool
	Delete bool
}

// Indicator is what the actor may do with each indicator of the SKP these
// rights are on.
func (c SKPRights) Indicator() IndicatorRights {
	return IndicatorRights{Edit: c.RHK().Edit, Delete: c.RHK().Edit}
}

// skpStep names what an actor may do with an SKP: the workflow actions
// of model.SKPAction and the changes that are not a workflow step.
type skpStep string

const (
	stepEdit     skpStep = "edit"
	stepSubmit           = skpStep(model.ActSubmit)
	stepApprove          = skpStep(model.ActApprove)
	stepReturn           = skpStep(model.ActReturn)
	stepRevise           = skpStep(model.ActRevise)
	stepExpect   skpStep = "expect"
	stepDialogue skpStep = "dialogue"
)

// skpAllows reports whether actor may take step on s (an SKP they may
// read) now, raterID being who rates it today (ratersOf): nil, an
// ErrForbidden when it is not theirs to take, or an ErrInvalidTransition
// when the SKP's status does not allow it.
func skpAllows(actor model.Actor, s model.SKP, raterID string, step skpStep) error {
	owner := actor.EmployeeID != "" && s.EmployeeID == actor.EmployeeID
	rater := actor.EmployeeID != "" && raterID == actor.EmployeeID
	switch step {
	case stepEdit, stepSubmit:
		if !owner {
			return forbidden("change another employee's SKP")
		}
		switch s.Status {
		case model.SKPDraft, model.SKPReturned:
			return nil
		case model.SKPSubmitted:
			return model.Refused("conflict.skp.edit.submitted")
		case model.SKPApproved:
			return model.Refused("conflict.skp.edit.approved")
		}
		return model.Refused("conflict.skp.edit.closed", model.DateLabel(s.PeriodEnd))
	case stepApprove, stepReturn:
		if owner {
			return forbidden("approve one's own SKP")
		}
		if !rater {
			return forbidden("review an SKP one does not rate")
		}
		if _, err := model.NextSKPStatus(s.Status, model.SKPAction(step)); err != nil {
			return model.Refused("conflict.skp.review.status", model.Msg("skp.status."+string(s.Status)))
		}
		return nil
	case stepRevise:
		if !owner {
			return forbidden("revise another employee's SKP")
		}
		if _, err := model.NextSKPStatus(s.Status, model.ActRevise); err != nil {
			return model.Refused("conflict.skp.revise.status", model.Msg("skp.status."+string(s.Status)))
		}
		return nil
	case stepExpect:
		if !rater {
			return forbidden("write expectations on an SKP one does not rate")
		}
		if s.Status == model.SKPApproved || s.Status == model.SKPClosed {
			return model.Refused("conflict.skp.expect.status", model.Msg("skp.status."+string(s.Status)))
		}
		return nil
	case stepDialogue:
		if !owner && !rater {
			return forbidden("record a dialogue on an SKP one neither owns nor rates")
		}
		return nil
	}
	return fmt.Errorf("SKP step %q: %w", step, model.ErrForbidden)
}

// skpRights is what actor may do now with s, an SKP they may read, which
// raterID rates today.
func skpRights(actor model.Actor, s model.SKP, raterID string) SKPRights {
	ok := func(step skpStep) bool { return skpAllows(actor, s, raterID, step) == nil }
	return SKPRights{Edit: ok(stepEdit), Submit: ok(stepSubmit), Approve: ok(stepApprove), Return: ok(stepReturn),
		Revise: ok(stepRevise), Expect: ok(stepExpect), Dialogue: ok(stepDialogue)}
}

// SKPRights is what actor may do now with s, an SKP they may read (one
// that SKP, SKPList or SKPView returned to them), the organisation being
// as it is today.
func (a *App) SKPRights(ctx context.Context, actor model.Actor, s model.SKP) (SKPRights, error) {
	r, err := a.raterToday(ctx, s)
	return skpRights(actor, s, r), err
}

// skpFor loads an SKP the actor may read and may take step on now.
func (a *App) skpFor(ctx context.Context, actor model.Actor, id string, step skpStep) (model.SKP, error) {
	s, err := a.SKP(ctx, actor, id)
	if err != nil {
		return s, err
	}
	r, err := a.raterToday(ctx, s)
	if err != nil {
		return s, err
	}
	return s, skpAllows(actor, s, r, step)
}

// editable loads an SKP that its owner may change now.
func (a *App) editable(ctx context.Context, actor model.Actor, skpID string) (model.SKP, error) {
	return a.skpFor(ctx, actor, skpID, stepEdit)
}

// supervisorSKP returns the SKP of the employee's pejabat penilai in force
// for s, the one whose RHK a JA/JF SKP intervenes: the rater's SKP on the
// position above s's (the SKP of the post a Plt or Plh acts in for its
// staff), on the day within s's period nearest to today, as its last
// approved revision (see raterSKPFor). ok is false while no revision of
// it is approved.
func (a *App) supervisorSKP(ctx context.Context, s model.SKP) (skpInForce, bool, error) {
	if s.Rater.EmployeeID == "" {
		return skpInForce{}, false, nil
	}
	day := a.Today(ctx, s.InstansiID)
	if day < s.PeriodStart {
		day = s.PeriodStart
	}
	if day > s.PeriodEnd {
		day = s.PeriodEnd
	}
	sup, ok, err := a.raterSKPFor(ctx, s, day)
	return sup, ok && sup.Approved, err
}

// SaveRHK adds (or, with an ID, changes) a Rencana Hasil Kerja on the
// owner's draft SKP read at version.
func (a *App) SaveRHK(ctx context.Context, actor model.Actor, version int, r model.RHK) (model.RHK, error) {
	r, err := a.checkRHK(ctx, actor, r)
	if err != nil {
		return r, err
	}
	var fromPK *model.PKSasaran
	if r.ID == "" && r.PKSasaranID != "" {
		s, err := a.store.SKP(ctx, r.SKPID)
		if err != nil {
			return r, err
		}
		if s.Approach == model.ApproachKuantitatif {
			if fromPK, err = a.pkSasaranOf(ctx, s, r.PKSasaranID); err != nil {
				return r, err
			}
		}
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if r, err = tx.SaveRHK(ctx, version, r); err != nil || fromPK == nil {
			return err
		}
		// A new RHK taken from the PK starts with the PK's indicators and
		// targets, which the JPT may then refine.
		for i, pi := range fromPK.Indicators {
			in := model.Indicator{RHKID: r.ID, Aspect: model.AspectKuantitas, Description: pi.Description, Target: pi.Target, Unit: pi.Unit}
			if in, err = tx.SaveIndicator(ctx, version+1+i, r.SKPID, in); err != nil {
				return err
			}
			r.Indicators = append(r.Indicators, in)
		}
		return nil
	})
	return r, err
}

// pkSasaranOf returns the sasaran id of the PK a JPT SKP takes its RHK
// from, or nil when that PK has no such sasaran.
func (a *App) pkSasaranOf(ctx context.Context, s model.SKP, id string) (*model.PKSasaran, error) {
	pk, err := a.SKPPerjanjianKinerja(ctx, s)
	if err != nil {
		return nil, err
	}
	for i := range pk {
		if pk[i].ID == id {
			return &pk[i], nil
		}
	}
	return nil, nil
}

// checkRHK validates an RHK for the owner's editable SKP.
func (a *App) checkRHK(ctx context.Context, actor model.Actor, r model.RHK) (model.RHK, error) {
	s, err := a.editable(ctx, actor, r.SKPID)
	if err != nil {
		return r, err
	}
	var v model.ValidationError
	r.Description = strings.TrimSpace(r.Description)
	if r.PKSasaranID != "" {
		sasaran, err := a.pkSasaranOf(ctx, s, r.PKSasaranID)
		if err != nil {
			return r, err
		}
		if sasaran == nil {
			v.Add("pk_sasaran_id", "invalid.rhk.pk.sasaran")
		} else {
			if r.Description == "" {
				r.Description = sasaran.Description
			}
			if strings.TrimSpace(r.PenugasanDari) == "" {
				r.PenugasanDari = "Kepala Daerah"
			}
		}
	}
	if r.Kind != model.RHKUtama && r.Kind != model.RHKTambahan {
		v.Add("kind", "invalid.rhk.kind")
	}
	if r.Description == "" || len(r.Description) > 2000 {
		v.Add("description", "invalid.rhk.description")
	}
	r.ParentText = strings.TrimSpace(r.ParentText)
	if r.ParentText != "" && s.Format == model.FormatJAJF && s.Rater.NIP != "" {
		v.Add("parent_text", "invalid.rhk.parent.pick")
	}
	if r.ParentRHKID != "" {
		if s.Format != model.FormatJAJF {
			v.Add("parent_rhk_id", "invalid.rhk.parent.jpt")
		} else {
			sup, ok, err := a.supervisorSKP(ctx, s)
			if err != nil {
				return r, err
			}
			if !ok || !sup.hasRHK(r.ParentRHKID) {
				v.Add("parent_rhk_id", "invalid.rhk.parent.approved")
			}
		}
	}
	if r.ID != "" {
		found := false
		for _, x := range s.RHK {
			found = found || x.ID == r.ID
		}
		if !found {
			return r, fmt.Errorf("RHK %s: %w", r.ID, model.ErrNotFound)
		}
	}
	return r, v.Err()
}

// RHKChange is a change to an RHK of a draft or returned SKP: each field
// given replaces the RHK's, a nil one leaves it as it is.
type RHKChange struct {
	Kind        *model.RHKKind
	Description *string
	// ParentRHKID names the RHK of the pejabat penilai's approved SKP it
	// intervenes (JA/JF); "" removes it. Naming one drops ParentText
	// unless that is given too.
	ParentRHKID   *string
	ParentText    *string
	PenugasanDari *string // JPT
	Perspektif    *string // JPT kuantitatif
}

// ChangeRHK changes an RHK of the owner's draft or returned SKP read at
// version, checked as a new one is (SaveRHK): most often to name the RHK
// of the new pejabat penilai that an RHK taken over after a transfer
// intervenes. Its indicators stay; the audit keeps it as it was.
func (a *App) ChangeRHK(ctx context.Context, actor model.Actor, version int, rhkID string, c RHKChange) (model.RHK, error) {
	r, err := a.RHK(ctx, actor, rhkID)
	if err != nil {
		return r, err
	}
	if c == (RHKChange{}) {
		// Judged after access: whoever may not change it is refused first.
		if _, err := a.checkRHK(ctx, actor, r); err != nil {
			return r, err
		}
		return r, model.Invalid("description", "invalid.rhk.change.empty")
	}
	if c.Kind != nil {
		r.Kind = *c.Kind
	}
	if c.Description != nil {
		r.Description = *c.Description
	}
	if c.ParentRHKID != nil {
		r.ParentRHKID = strings.TrimSpace(*c.ParentRHKID)
		if r.ParentRHKID != "" {
			r.ParentText = ""
		}
	}
	if c.ParentText != nil {
		r.ParentText = *c.ParentText
	}
	if c.PenugasanDari != nil {
		r.PenugasanDari = strings.TrimSpace(*c.PenugasanDari)
	}
	if c.Perspektif != nil {
		r.Perspektif = strings.TrimSpace(*c.Perspektif)
	}
	if r, err = a.SaveRHK(ctx, actor, version, r); err != nil {
		return r, err
	}
	s, err := a.store.SKP(ctx, r.SKPID) // the RHK as the SKP holds it, with its indicators
	if err != nil {
		return r, err
	}
	for _, x := range s.RHK {
		if x.ID == r.ID {
			return x, nil
		}
	}
	return r, nil
}

// rhkInUseKeys gives the reason a removal is refused for each record that
// keeps an RHK (store.RHKInUse).
var rhkInUseKeys = map[string]string{
	"intervened": "conflict.rhk.delete.intervened",
	"proposal":   "conflict.rhk.delete.proposal",
	"progress":   "conflict.rhk.delete.progress",
	"realisasi":  "conflict.rhk.delete.realisasi",
	"team":       "conflict.rhk.delete.team",
	"need":       "conflict.rhk.delete.need",
}

// DeleteRHK removes an RHK, with its indicators, from the owner's draft
// SKP read at version. One that other records depend on (an RHK that
// intervenes it, progress, realisasi, a team, a need) stays: that is a
// conflict that names them.
func (a *App) DeleteRHK(ctx context.Context, actor model.Actor, version int, rhkID string) (model.SKP, error) {
	r, err := a.RHK(ctx, actor, rhkID)
	if err != nil {
		return model.SKP{}, err
	}
	s, err := a.editable(ctx, actor, r.SKPID)
	if err != nil {
		return s, err
	}
	if s.Version != version {
		return s, fmt.Errorf("SKP %s read at version %d, now %d: %w", s.ID, version, s.Version, model.ErrStale)
	}
	if what, err := a.store.RHKInUse(ctx, r.ID); err != nil {
		return s, err
	} else if what != "" {
		return s, model.Refused(rhkInUseKeys[what])
	}
	if err := a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.DeleteRHK(ctx, version, s.ID, r.ID) }); err != nil {
		return s, err
	}
	return a.store.SKP(ctx, s.ID)
}

// AddIndicator adds an indicator (IKI) with its target to an RHK.
func (a *App) AddIndicator(ctx context.Context, actor model.Actor, version int, in model.Indicator) (model.Indicator, error) {
	r, err := a.store.RHKByID(ctx, in.RHKID)
	if err != nil {
		return in, err
	}
	s, err := a.editable(ctx, actor, r.SKPID)
	if err != nil {
		return in, err
	}
	in.ID = "" // always a new one: ChangeIndicator changes one
	if err := checkIndicator(s, &in); err != nil {
		return in, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		in, err = tx.SaveIndicator(ctx, version, s.ID, in)
		return err
	})
	return in, err
}

// IndicatorChange is a change to an indicator of a draft or returned SKP:
// each field given replaces the indicator's, a nil one leaves it as it is.
type IndicatorChange struct {
	Aspect      *model.Aspect
	Description *string
	Target      *string
	Unit        *string
}

// indicatorOf returns an indicator and its RHK to those who may read the
// SKP, and the SKP if the actor may change it (editable): whoever may not
// is refused before anything else is judged.
func (a *App) indicatorOf(ctx context.Context, actor model.Actor, id string) (model.Indicator, model.SKP, error) {
	in, err := a.store.IndicatorByID(ctx, id)
	if err != nil {
		return in, model.SKP{}, err
	}
	r, err := a.RHK(ctx, actor, in.RHKID)
	if err != nil {
		return model.Indicator{}, model.SKP{}, fmt.Errorf("indicator %s: %w", id, model.ErrNotFound)
	}
	s, err := a.editable(ctx, actor, r.SKPID)
	return in, s, err
}

// checkIndicator validates an indicator of s, as AddIndicator does.
func checkIndicator(s model.SKP, in *model.Indicator) error {
	var v model.ValidationError
	if !in.Aspect.Valid() {
		v.Add("aspect", "invalid.indicator.aspect")
	}
	in.Description, in.Target, in.Unit = strings.TrimSpace(in.Description), strings.TrimSpace(in.Target), strings.TrimSpace(in.Unit)
	if in.Description == "" {
		v.Add("description", "invalid.indicator.description")
	}
	if in.Target == "" {
		v.Add("target", "invalid.indicator.target")
	}
	if s.Approach == model.ApproachKuantitatif && in.Unit == "" {
		v.Add("unit", "invalid.indicator.unit")
	}
	return v.Err()
}

// ChangeIndicator changes an indicator (IKI) of the owner's draft or
// returned SKP read at version: its aspect, description, target or unit,
// checked as a new one is (AddIndicator), most often a mistyped target.
// Whoever may change its RHK may change it; the audit keeps it as it was.
func (a *App) ChangeIndicator(ctx context.Context, actor model.Actor, version int, id string, c IndicatorChange) (model.Indicator, error) {
	in, s, err := a.indicatorOf(ctx, actor, id)
	if err != nil {
		return in, err
	}
	if c == (IndicatorChange{}) {
		return in, model.Invalid("target", "invalid.indicator.change.empty")
	}
	if c.Aspect != nil {
		in.Aspect = *c.Aspect
	}
	if c.Description != nil {
		in.Description = *c.Description
	}
	if c.Target != nil {
		in.Target = *c.Target
	}
	if c.Unit != nil {
		in.Unit = *c.Unit
	}
	if err := checkIndicator(s, &in); err != nil {
		return in, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		in, err = tx.SaveIndicator(ctx, version, s.ID, in)
		return err
	})
	return in, err
}

// RemoveIndicator removes an indicator (IKI) from the owner's draft or
// returned SKP read at version. One with realisasi stays, and so does the
// last indicator of its RHK, which needs one to be submitted
// (model.SubmitProblems): each is a conflict that names its reason.
func (a *App) RemoveIndicator(ctx context.Context, actor model.Actor, version int, id string) (model.SKP, error) {
	in, s, err := a.indicatorOf(ctx, actor, id)
	if err != nil {
		return s, err
	}
	if s.Version != version {
		return s, fmt.Errorf("SKP %s read at version %d, now %d: %w", s.ID, version, s.Version, model.ErrStale)
	}
	if n, err := a.store.IndicatorRealisasi(ctx, in.ID); err != nil {
		return s, err
	} else if n > 0 {
		return s, model.Refused("conflict.indicator.delete.realisasi")
	}
	for _, r := range s.RHK {
		if r.ID == in.RHKID && len(r.Indicators) <= 1 {
			return s, model.Refused("conflict.indicator.delete.last")
		}
	}
	if err := a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.DeleteIndicator(ctx, version, s.ID, in.ID) }); err != nil {
		return s, err
	}
	return a.store.SKP(ctx, s.ID)
}

// SubmitSKP sends a draft or returned SKP to the pejabat penilai, once the
// rules' guards hold.
func (a *App) SubmitSKP(ctx context.Context, actor model.Actor, id string, version int) (model.SKP, error) {
	s, err := a.skpFor(ctx, actor, id, stepSubmit)
	if err != nil {
		return s, err
	}
	_, supApproved, err := a.supervisorSKP(ctx, s)
	if err != nil {
		return s, err
	}
	p := model.SubmitProblems(s, supApproved)
	if s.Format == model.FormatJPT {
		pk, err := a.SKPPerjanjianKinerja(ctx, s)
		if err != nil {
			return s, err
		}
		for i, r := range s.RHK {
			if len(pk) > 0 && r.Kind == model.RHKUtama && r.PKSasaranID == "" {
				if p == nil {
					p = &model.ValidationError{}
				}
				p.Add(fmt.Sprintf("rhk[%d]", i), "invalid.rhk.pk.missing", r.Description)
			}
		}
	}
	if p != nil {
		return s, p
	}
	if s.Rater.EmployeeID == "" {
		return s, model.Invalid("rater", "invalid.skp.rater.none")
	}
	return a.move(ctx, actor, s, version, model.ActSubmit, "")
}

// ApproveSKP approves a submitted SKP: only its pejabat penilai may, never
// its owner. The approved document is kept as a version.
func (a *App) ApproveSKP(ctx context.Context, actor model.Actor, id string, version int) (model.SKP, error) {
	s, err := a.skpFor(ctx, actor, id, stepApprove)
	if err != nil {
		return s, err
	}
	return a.move(ctx, actor, s, version, model.ActApprove, "")
}

// ReturnSKP sends a submitted SKP back to its owner with a required note.
func (a *App) ReturnSKP(ctx context.Context, actor model.Actor, id string, version int, note string) (model.SKP, error) {
	s, err := a.skpFor(ctx, actor, id, stepReturn)
	if err != nil {
		return s, err
	}
	if strings.TrimSpace(note) == "" {
		return s, model.Invalid("note", "invalid.review.note.required")
	}
	return a.move(ctx, actor, s, version, model.ActReturn, strings.TrimSpace(note))
}

// ReviseSKP starts a change to an approved SKP: a new revision in draft
// that the pejabat penilai approves again; the approved versions stay.
func (a *App) ReviseSKP(ctx context.Context, actor model.Actor, id string, version int) (model.SKP, error) {
	s, err := a.skpFor(ctx, actor, id, stepRevise)
	if err != nil {
		return s, err
	}
	return a.move(ctx, actor, s, version, model.ActRevise, "")
}

// move applies a workflow action, writes it with its version check and
// notifies the other party.
func (a *App) move(ctx context.Context, actor model.Actor, s model.SKP, version int, act model.SKPAction, note string) (model.SKP, error) {
	next, err := model.NextSKPStatus(s.Status, act)
	if err != nil {
		return s, err
	}
	now := a.Now()
	s.Status = next
	var notify string
	switch act {
	case model.ActSubmit:
		s.SubmittedAt, s.ReturnNote = now, ""
		notify = s.Rater.EmployeeID
	case model.ActApprove:
		s.ApprovedAt, s.ApprovedBy = now, actor.EmployeeID
		notify = s.EmployeeID
	case model.ActReturn:
		s.ReturnNote = note
		notify = s.EmployeeID
	case model.ActRevise:
		s.Revision++
		notify = s.Rater.EmployeeID
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		if err := tx.SetSKPStatus(ctx, version, s, act); err != nil {
			return err
		}
		if act == model.ActApprove {
			if err := tx.SaveSKPVersion(ctx, s); err != nil {
				return err
			}
			if err := assessClosedPeriods(ctx, tx, s); err != nil {
				return err
			}
		}
		event := "skp.reviewed"
		if act == model.ActSubmit || act == model.ActRevise {
			event = "skp.submitted"
		}
		if err := tx.Emit(ctx, notify, event, map[string]any{"skp_id": s.ID, "status": s.Status, "employee_id": s.EmployeeID}); err != nil {
			return err
		}
		return tx.Notify(ctx, model.Notification{InstansiID: s.InstansiID, EmployeeID: notify, Kind: "skp." + string(act),
			Args: []string{s.Employee.Name, fmt.Sprint(s.Year), note}, Link: "/skp/" + s.ID})
	})
	if err != nil {
		if errors.Is(err, model.ErrConflict) {
			return s, err
		}
		return s, err
	}
	return a.store.SKP(ctx, s.ID)
}

// SetExpectation lets the pejabat penilai write the ekspektasi khusus
// pimpinan for one core value, while the SKP is not yet approved.
func (a *App) SetExpectation(ctx context.Context, actor model.Actor, id string, version int, value model.CoreValue, text string) error {
	s, err := a.skpFor(ctx, actor, id, stepExpect)
	if err != nil {
		return err
	}
	if len(text) > 2000 {
		return model.Invalid("expectation", "invalid.skp.expectation.long")
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error {
		return tx.SetExpectation(ctx, version, s.ID, value, strings.TrimSpace(text))
	})
}

// AddDialogue records a dialog kinerja on an SKP: the planning
// conversation between the ASN and the pejabat penilai, with what they
// agreed. Either of them may record it; both see it.
func (a *App) AddDialogue(ctx context.Context, actor model.Actor, skpID string, heldOn model.Date, notes, agreed string) (model.Dialogue, error) {
	s, err := a.skpFor(ctx, actor, skpID, stepDialogue)
	if err != nil {
		return model.Dialogue{}, err
	}
	var v model.ValidationError
	if _, err := model.ParseDate(string(heldOn)); err != nil {
		v.AddErr("held_on", err)
	} else if heldOn > a.Today(ctx, actor.InstansiID) {
		v.Add("held_on", "invalid.dialog.future")
	}
	notes, agreed = strings.TrimSpace(notes), strings.TrimSpace(agreed)
	if notes == "" || len(notes) > 4000 {
		v.Add("notes", "invalid.dialog.notes")
	}
	if len(agreed) > 4000 {
		v.Add("expectations", "invalid.dialog.agreed.long")
	}
	if err := v.Err(); err != nil {
		return model.Dialogue{}, err
	}
	var d model.Dialogue
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if d, err = tx.AddDialogue(ctx, model.Dialogue{SKPID: s.ID, HeldOn: heldOn, Notes: notes, Expectations: agreed, AuthorID: actor.EmployeeID}); err != nil {
			return err
		}
		other := s.Rater.EmployeeID
		if actor.EmployeeID == s.Rater.EmployeeID {
			other = s.EmployeeID
		}
		return tx.Notify(ctx, model.Notification{InstansiID: s.InstansiID, EmployeeID: other, Kind: "skp.dialogue",
			Args: []string{fmt.Sprint(s.Year), actor.Name, notes}, Link: "/skp/" + s.ID})
	})
	return d, err
}

// Dialogues lists the dialogues of an SKP the actor may read.
func (a *App) Dialogues(ctx context.Context, actor model.Actor, skpID string) ([]model.Dialogue, error) {
	if _, err := a.SKP(ctx, actor, skpID); err != nil {
		return nil, err
	}
	return a.store.Dialogues(ctx, skpID)
}

// SetLampiran replaces the lampiran of the owner's draft SKP: the
// resources the plan needs, how results are accounted for, and the
// consequences agreed. Empty lines are dropped.
func (a *App) SetLampiran(ctx context.Context, actor model.Actor, id string, version int, l model.Lampiran) error {
	s, err := a.editable(ctx, actor, id)
	if err != nil {
		return err
	}
	clean := func(field string, items []string, v *model.ValidationError) []string {
		out := []string{}
		for _, it := range items {
			if it = strings.TrimSpace(it); it != "" {
				if len(it) > 1000 {
					v.Add(field, "invalid.list.item.long")
				}
				out = append(out, it)
			}
		}
		if len(out) > 20 {
			v.Add(field, "invalid.list.many")
		}
		return out
	}
	var v model.ValidationError
	l.DukunganSumberDaya = clean("dukungan_sumber_daya", l.DukunganSumberDaya, &v)
	l.SkemaPertanggungjawaban = clean("skema_pertanggungjawaban", l.SkemaPertanggungjawaban, &v)
	l.Konsekuensi = clean("konsekuensi", l.Konsekuensi, &v)
	if err := v.Err(); err != nil {
		return err
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.SetLampiran(ctx, version, s.ID, l) })
}
