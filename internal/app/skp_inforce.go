package app

import (
	"context"

	"github.com/kinerja-id/kinerja/internal/model"
)

// skpInForce is an SKP with the plan in force on it: the RHK, with their
// indicators, that the staff may intervene and that its owner reports
// progress and realisasi against. While the owner drafts a new revision of
// an approved SKP, the last approved revision stays in force, so that
// neither the owner nor the team wait for the new one to be approved.
type skpInForce struct {
	SKP model.SKP // the SKP as it stands now; a new revision may be in draft
	// Approved reports whether a revision of the SKP has been approved;
	// Revision and RHK are then that revision's.
	Approved bool
	Revision int
	// RHK are the RHK in force: those of the last approved revision that
	// the SKP still has (an RHK the new draft removed is out of force at
	// once), or the SKP's own RHK while no revision is approved yet.
	RHK []model.RHK
}

// withRHKInForce is the SKP as it stands with the RHK in force in place of
// its own: what a page of realisasi or progress shows.
func (f skpInForce) withRHKInForce() model.SKP {
	s := f.SKP
	s.RHK = f.RHK
	return s
}

// takesRealisasi reports whether realisasi may be recorded on the SKP: a
// revision of it is approved, or a transfer closed it.
func (f skpInForce) takesRealisasi() bool {
	return f.Approved || f.SKP.Status == model.SKPClosed
}

// progressRHK are the RHK progress may serve: those in force once a
// revision of the SKP has been approved; none while it never was (a
// draft, submitted or returned first revision).
func (f skpInForce) progressRHK() []model.RHK {
	if !f.Approved {
		return nil
	}
	return f.RHK
}

// hasRHK reports whether id is an RHK in force.
func (f skpInForce) hasRHK(id string) bool {
	for _, r := range f.RHK {
		if r.ID == id {
			return true
		}
	}
	return false
}

// inForce returns s (loaded with its RHK) with the revision of it in force:
// s itself once approved; while a new revision is drafted, submitted or
// returned (or after a transfer closed the SKP), the newest approved
// revision kept in skp_versions, without the RHK and indicators the SKP
// no longer has. Removing them was possible only because nothing depended
// on them (DeleteRHK refuses otherwise), so nothing recorded is lost, and
// the approved document still shows them.
func (a *App) inForce(ctx context.Context, s model.SKP) (skpInForce, error) {
	f := skpInForce{SKP: s, RHK: s.RHK}
	if s.Status == model.SKPApproved {
		f.Approved, f.Revision = true, s.Revision
		return f, nil
	}
	if s.Revision <= 1 && s.Status != model.SKPClosed {
		return f, nil // the first revision is not approved yet
	}
	versions, err := a.store.SKPVersions(ctx, s.ID)
	if err != nil || len(versions) == 0 {
		return f, err
	}
	last := versions[len(versions)-1]
	f.Approved, f.Revision, f.RHK = true, last.Revision, stillIn(last.RHK, s.RHK)
	return f, nil
}

// rhkInForceOf returns, for each of skps, the RHK progress may serve on
// it now (inForce, progressRHK), own holding each SKP's current RHK (one
// query for all); an SKP's approved revisions are read only while a new
// revision is in progress or after a transfer closed it.
func (a *App) rhkInForceOf(ctx context.Context, skps []model.SKP, own map[string][]model.RHK) (map[string][]model.RHK, error) {
	out := make(map[string][]model.RHK, len(skps))
	for _, s := range skps {
		s.RHK = own[s.ID]
		f, err := a.inForce(ctx, s)
		if err != nil {
			return nil, err
		}
		out[s.ID] = f.progressRHK()
	}
	return out, nil
}

// stillIn returns the RHK of approved, with their indicators, that the SKP
// still has (now holds its current RHK), as they were approved.
func stillIn(approved, now []model.RHK) []model.RHK {
	indicators := map[string]bool{}
	rhk := map[string]bool{}
	for _, r := range now {
		rhk[r.ID] = true
		for _, in := range r.Indicators {
			indicators[in.ID] = true
		}
	}
	out := []model.RHK{}
	for _, r := range approved {
		if !rhk[r.ID] {
			continue
		}
		kept := r
		kept.Indicators = nil
		for _, in := range r.Indicators {
			if indicators[in.ID] {
				kept.Indicators = append(kept.Indicators, in)
			}
		}
		out = append(out, kept)
	}
	return out
}

// skpInForceOn returns the SKP of an employee in force on date: the SKP
// of that year whose period covers the date (an open one before one a
// transfer closed; the one of their definitive position before one of a
// post they act in as Plt or Plh), with the revision of it in force. ok
// is false when the employee has no SKP for that date.
//
// Intervening a supervisor's RHK (raterSKPFor, on the supervisor's post
// above), the check on submitting an SKP that intervenes them, progress
// and realisasi all ask skpInForceAmong, so they agree on which RHK are
// in force.
func (a *App) skpInForceOn(ctx context.Context, instansiID, employeeID string, date model.Date) (skpInForce, bool, error) {
	return a.skpInForceAmong(ctx, instansiID, employeeID, date, nil)
}

// indicator returns the indicator in force with id.
func (f skpInForce) indicator(id string) (model.Indicator, bool) {
	for _, r := range f.RHK {
		for _, in := range r.Indicators {
			if in.ID == id {
				return in, true
			}
		}
	}
	return model.Indicator{}, false
}
