package app

import (
	"context"
	"slices"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// A result not yet sent (docs/penilaian.md, "Pegawai melihat hasil
// setelah dikirim"): until the pejabat penilai sends it, the ratings,
// the predikat, the catatan and the umpan balik are still theirs to
// change and are not shown to the rated employee. Every read model that
// carries them passes the assessment through ratingsSeen.

// ratingsSeen reports whether actor sees the ratings of as: the rated
// employee once the result is sent to them; everyone else who may read
// the assessment (its pejabat penilai, the atasan, the OPD head, BKPSDM,
// the OPD's admins, auditors) as they stand, drafts included.
func ratingsSeen(actor model.Actor, as model.Assessment) bool {
	return as.Status == model.AssessmentFinal || actor.EmployeeID == "" || actor.EmployeeID != as.EmployeeID
}

// seenBy is as the actor may see it. A result the actor may not see yet
// (ratingsSeen) reads, in every field, as one not yet rated: open,
// without ratings, predikat, catatan, umpan balik, a rater or a rating
// time, its UpdatedAt its CreatedAt (a draft's writes do not show), and
// Version 0. No act of the rated employee on their assessment takes a
// version before it is sent (acknowledging and objecting need a sent
// result), and a version that moves with every draft would tell that it
// is being rated; 0 is no assessment's version (they start at 1), the
// same from the period's close to the sending, and the real one shows
// once the result is theirs. The status filter of the lists (Assessments)
// and every count of the OPD's curve (entriesUnseen) take the status as
// it reads here.
func seenBy(actor model.Actor, as model.Assessment) model.Assessment {
	if ratingsSeen(actor, as) {
		return as
	}
	as.Status = model.AssessmentOpen
	as.HasilKerja, as.PerilakuKerja, as.Predikat, as.Note = "", "", "", ""
	as.Feedback = model.AssessmentFeedback{}
	as.Rater, as.UpperRater = model.PersonSnapshot{}, model.PersonSnapshot{}
	as.RatedBy, as.RatedAt = "", time.Time{}
	as.Version, as.UpdatedAt = 0, as.CreatedAt
	return as
}

// unsentDocument refuses the documents of a result the actor may not see
// yet: printed, they would be its ratings.
func unsentDocument(actor model.Actor, as model.Assessment) error {
	if ratingsSeen(actor, as) {
		return nil
	}
	return model.Refused("conflict.assessment.unsent.document")
}

// The calibration of an OPD read by someone rated in it (its head, or
// an OPD admin) shows their own unsent result as not yet rated: in the
// list (seenBy), the counts and the chart (entriesUnseen), the spread
// per rater (withoutUnseen) and the live event (emitCurve) alike, so that
// every number on the page and in the API answer adds up.

// unseenOwn lists the actor's own assessments in an OPD's period whose
// ratings they may not see yet: the OPD head, or an OPD admin rated in
// the OPD, reads its curve as a whole without their own draft in it.
func (a *App) unseenOwn(ctx context.Context, actor model.Actor, opdID, periodID string) ([]model.Assessment, error) {
	if actor.EmployeeID == "" {
		return nil, nil
	}
	list, err := a.store.Assessments(ctx, store.AssessmentFilter{InstansiID: actor.InstansiID, OPDID: opdID, PeriodID: periodID,
		Employees: []string{actor.EmployeeID}})
	if err != nil {
		return nil, err
	}
	var out []model.Assessment
	for _, as := range list {
		if !ratingsSeen(actor, as) && as.Predikat != "" {
			out = append(out, as)
		}
	}
	return out, nil
}

// entriesUnseen leaves the actor's own unsent results out of an OPD's
// curve entries as seenBy shows them: the person still counts in the
// base, as not yet rated; their rating does not show.
func entriesUnseen(own []model.Assessment, entries []model.CurveEntry) []model.CurveEntry {
	if len(own) == 0 {
		return entries
	}
	hidden := make(map[string]bool, len(own))
	for _, as := range own {
		hidden[as.ID] = true
	}
	out := make([]model.CurveEntry, len(entries))
	for i, e := range entries {
		if hidden[e.AssessmentID] {
			e.Predikat, e.Status = "", model.AssessmentOpen
		}
		out[i] = e
	}
	return out
}

// withoutUnseen takes the actor's own unsent predikat out of an OPD's
// counts by rater (an unsent rating has no move or decision, so it counts
// with its rater as it stands).
func withoutUnseen(own []model.Assessment, byRater []store.RaterCount) []store.RaterCount {
	var out []store.RaterCount
	byRater = slices.Clone(byRater) // the counts may be the cache's (curveCounts)
	for _, as := range own {
		for i := range byRater {
			if byRater[i].RaterID == as.RatedBy && byRater[i].Predikat == as.Predikat {
				byRater[i].N--
				break
			}
		}
	}
	for _, c := range byRater {
		if c.N > 0 {
			out = append(out, c)
		}
	}
	return out
}
