package app

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Calibration (kalibrasi) of an OPD's ratings in a period against the
// distribution pattern its capaian kinerja organisasi allows (decision 7):
// the OPD head and BKPSDM see the curve as ratings change, move a rating
// with a written reason, and finalise the OPD's period, which locks it. A
// distribution that breaks the curve is finalised only by BKPSDM with a
// written reason.

// reasonMax is the longest reason of a calibration move, an override or
// an unlock, in characters.
const reasonMax = 1000

// CurveView is an OPD's distribution of predikat in a period: the check
// against its pattern (over the ratings given so far, final or not), the
// people rated, how each rater rates compared with the OPD, and what the
// actor may do.
type CurveView struct {
	OPD         model.Unit
	Period      model.Period
	Capaian     model.Capaian // "" until set
	Calibration model.Calibration
	// Check counts every rated predikat (rated and final); Final counts
	// the final ones only, which sending and the OPD's finalisation
	// check. Both count people over the same base (model.TallyCurve).
	Check, Final model.CurveCheck
	People       int // pegawai of the OPD assessed in the period: the base
	Total        int // assessments of the OPD in the period (SKPs)
	Open         int // not yet rated
	Rated        int // rated, not yet sent
	Raters       []RaterSpread
	Can          CalibrationRights

	head string // who heads the OPD today
	// pending and broken are what FinalizeCalibration counts again under
	// the lock, over every assessment of the OPD's period (also those the
	// actor may not see yet): results not yet sent, and the limits of the
	// pattern the sent ones break.
	pending, broken int
}

// RaterSpread is how one pejabat penilai rated in the OPD: the share of
// their ratings at the top (Sangat Baik) beside the OPD's, to spot a rater
// noticeably more lenient or strict than their colleagues.
type RaterSpread struct {
	RaterID, Name string
	Counts        map[model.Predikat]int
	Total         int
	TopPercent    int // Sangat Baik among their ratings, in percent
	OPDTopPercent int // Sangat Baik among the OPD's ratings as their raters gave them, in percent
	// Lenient marks a rater whose top share exceeds the OPD's by 20
	// points or more over at least three ratings.
	Lenient bool
}

// CalibrationRights is what the actor may do on the calibration screen.
type CalibrationRights struct {
	Move     bool // move ratings (each item's Can.Calibrate says which)
	Finalize bool // finalise the OPD's period: its head or BKPSDM, while open
	Override bool // finalise a distribution that breaks the curve, with a reason: BKPSDM
	Unlock   bool // reopen a final period, with a reason: BKPSDM
	// FinalizeRefused says why finalising is refused now to one who may
	// finalise the OPD's period (finalizeRefused): the capaian kinerja
	// organisasi not set, results not yet sent (counted), or, to the OPD
	// head, a distribution that breaks the pattern. Its Key is ""
	// otherwise.
	FinalizeRefused model.Message
}

// Curve loads the calibration screen of an OPD for a period.
func (a *App) Curve(ctx context.Context, actor model.Actor, opdID, periodID string) (CurveView, error) {
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return CurveView{}, err
	}
	if err := a.mayReadCurve(ctx, actor, chart, opdID); err != nil {
		return CurveView{}, err
	}
	if periodID == "" { // judged once the actor may read the curve
		return CurveView{}, model.Invalid("period", "invalid.curve.period")
	}
	v := CurveView{}
	if v.OPD, err = a.store.Unit(ctx, opdID); err != nil {
		return v, err
	}
	if v.Period, err = a.Period(ctx, actor, periodID); err != nil {
		return v, err
	}
	if v.Capaian, err = a.capaianOf(ctx, opdID, periodID); err != nil {
		return v, err
	}
	if v.Calibration, err = a.store.Calibration(ctx, actor.InstansiID, opdID, periodID); err != nil {
		return v, err
	}
	counts, err := a.curveCounts(ctx, actor.InstansiID, v.Calibration, true)
	if err != nil {
		return v, err
	}
	own, err := a.unseenOwn(ctx, actor, opdID, periodID)
	if err != nil {
		return v, err
	}
	tally := counts.tally
	if len(own) > 0 {
		tally = model.TallyCurve(entriesUnseen(own, counts.entries))
	}
	v.Check, v.Final = model.CurrentRules().CurveOf(v.Capaian, tally)
	_, all := model.CurrentRules().CurveOf(v.Capaian, counts.tally)
	v.pending, v.broken = counts.tally.Pending(), len(all.Violations)
	if !all.Breaks() {
		v.broken = 0
	}
	v.People, v.Total, v.Open, v.Rated = tally.People, tally.Assessments, tally.Status[model.AssessmentOpen], tally.Status[model.AssessmentRated]
	head := ""
	if v.OPD.HeadPositionID != "" {
		head = chart.Holder(v.OPD.HeadPositionID)
	}
	v.head = head
	facts := assessmentFacts{Period: v.Period, Calibration: v.Calibration, OPDHead: head}
	if len(own) == 0 {
		v.Raters = counts.spread
	} else {
		v.Raters = raterSpreads(withoutUnseen(own, counts.raters))
	}
	f := facts
	f.A = model.Assessment{InstansiID: actor.InstansiID, Status: model.AssessmentFinal}
	v.Can = CalibrationRights{Move: assessmentAllows(actor, f, stepCalibrate) == nil,
		Finalize: finalizeRefused(actor, v, false) == nil, Override: finalizeRefused(actor, v, true) == nil,
		Unlock: unlockAllows(actor, v) == nil}
	var why *model.StateError
	if calibrationAllows(actor, v, false) == nil && errors.As(finalizeRefused(actor, v, false), &why) {
		v.Can.FinalizeRefused = why.Message
	}
	return v, nil
}

// raterSpreads is each rater's spread of predikat from the counts by
// rater (the ratings as each rater gave them, before calibration moves
// and keberatan decisions), beside the OPD's share at the top counted the
// same way, most lenient first (then by name).
func raterSpreads(byRater []store.RaterCount) []RaterSpread {
	top, rated := 0, 0
	for _, c := range byRater {
		rated += c.N
		if c.Predikat == model.PredikatSangatBaik {
			top += c.N
		}
	}
	opdTop := percentOf(top, rated)
	spread := map[string]*RaterSpread{}
	for _, c := range byRater {
		r := spread[c.RaterID]
		if r == nil {
			r = &RaterSpread{RaterID: c.RaterID, Name: c.Name, Counts: map[model.Predikat]int{}}
			spread[c.RaterID] = r
		}
		r.Counts[c.Predikat] += c.N
		r.Total += c.N
	}
	out := make([]RaterSpread, 0, len(spread))
	for _, r := range spread {
		r.TopPercent, r.OPDTopPercent = percentOf(r.Counts[model.PredikatSangatBaik], r.Total), opdTop
		r.Lenient = r.Total >= 3 && r.TopPercent-opdTop >= 20
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].TopPercent != out[j].TopPercent {
			return out[i].TopPercent > out[j].TopPercent
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func percentOf(n, total int) int {
	if total == 0 {
		return 0
	}
	return n * 100 / total
}

// calibrationAllows is the rule for finalising an OPD's period: its head
// or BKPSDM, while open; with override, BKPSDM only.
func calibrationAllows(actor model.Actor, v CurveView, override bool) error {
	bkpsdm := authz.Can(actor, authz.CalibrateAssessments, authz.Target{InstansiID: v.OPD.InstansiID})
	if override && !bkpsdm {
		return forbidden("override the curve")
	}
	if !bkpsdm && !v.isHead(actor) {
		return forbidden("finalise the OPD's period")
	}
	if v.Calibration.Status == model.CalibrationFinal {
		return model.Refused("conflict.calibration.final")
	}
	return nil
}

// finalizeRefused is the whole rule of FinalizeCalibration as it stands
// now, so that the rights offer finalising only when the act would be
// accepted (given an override reason where one is needed): who may
// finalise (calibrationAllows), the capaian set, every result sent, and a
// distribution that breaks the pattern finalised only by BKPSDM (with
// override, BKPSDM in any case). nil when finalising would be accepted.
func finalizeRefused(actor model.Actor, v CurveView, override bool) error {
	if err := calibrationAllows(actor, v, override); err != nil {
		return err
	}
	if v.Capaian == "" {
		return model.Refused("conflict.assessment.nocapaian")
	}
	if v.pending > 0 {
		return model.Refused("conflict.calibration.pending", v.pending)
	}
	if v.broken > 0 && calibrationAllows(actor, v, true) != nil {
		return model.Refused("invalid.calibration.broken", v.broken)
	}
	return nil
}

// unlockAllows is the rule for reopening a final OPD period: BKPSDM.
func unlockAllows(actor model.Actor, v CurveView) error {
	if !authz.Can(actor, authz.CalibrateAssessments, authz.Target{InstansiID: v.OPD.InstansiID}) {
		return forbidden("unlock the OPD's period")
	}
	if v.Calibration.Status != model.CalibrationFinal {
		return model.Refused("conflict.calibration.notfinal")
	}
	return nil
}

// isHead reports whether actor heads the OPD today.
func (v CurveView) isHead(actor model.Actor) bool {
	return actor.EmployeeID != "" && actor.EmployeeID == v.head
}

// cleanReason trims a reason and checks it is given and not too long.
func cleanReason(field, reason string) (string, error) {
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		return "", model.Invalid(field, "invalid.calibration.reason")
	case utf8.RuneCountInString(reason) > reasonMax:
		return "", model.Invalid(field, "invalid.calibration.reason.long", reasonMax)
	}
	return reason, nil
}

// MoveInput is a calibration move: the new ratings with the reason, on
// the assessment's version read. Predikat is whether the request also
// carried a predikat (refuseTypedPredikat).
type MoveInput struct {
	Version       int
	HasilKerja    model.Rating
	PerilakuKerja model.Rating
	Reason        string
	Predikat      bool
}

// MoveAssessment changes the ratings of a rated or final assessment during
// calibration (the OPD head or BKPSDM, until the OPD's period is final),
// with a written reason that the rated person and the rater see: both are
// told. The predikat follows from the ratings; a leader's rating hasil
// kerja stays the capaian's.
func (a *App) MoveAssessment(ctx context.Context, actor model.Actor, id string, in MoveInput) (model.Assessment, error) {
	version, hk, pk, reason := in.Version, in.HasilKerja, in.PerilakuKerja, in.Reason
	f, err := a.assessmentFacts(ctx, actor, id)
	if err != nil {
		return model.Assessment{}, err
	}
	if err := assessmentAllows(actor, f, stepCalibrate); err != nil {
		return f.A, err
	}
	// Judged after access: whoever may not act is refused first.
	if err := refuseTypedPredikat(in.Predikat); err != nil {
		return f.A, err
	}
	rules, err := model.RulesOf(f.A.Regime)
	if err != nil {
		return f.A, err
	}
	var v model.ValidationError
	if f.A.Leader && hk != f.A.HasilKerja {
		capaian, err := a.capaianOf(ctx, f.A.OPDID, f.A.PeriodID)
		if err != nil {
			return f.A, err
		}
		v.Add("hasil_kerja", "invalid.assessment.leader.hasilkerja", capaian.Label(), f.A.HasilKerja.Label())
	} else if !hk.Valid() {
		v.Add("hasil_kerja", "invalid.rating")
	}
	if !pk.Valid() {
		v.Add("perilaku_kerja", "invalid.rating")
	}
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		v.Add("reason", "invalid.calibration.reason")
	case utf8.RuneCountInString(reason) > reasonMax:
		v.Add("reason", "invalid.calibration.reason.long", reasonMax)
	}
	if err := v.Err(); err != nil {
		return f.A, err
	}
	if hk == f.A.HasilKerja && pk == f.A.PerilakuKerja {
		return f.A, model.Invalid("perilaku_kerja", "invalid.calibration.same")
	}
	predikat, err := rules.Predikat(hk, pk)
	if err != nil {
		return f.A, err
	}
	if version != f.A.Version {
		return f.A, fmt.Errorf("assessment %s: %w", id, model.ErrStale)
	}
	after := f.A
	after.HasilKerja, after.PerilakuKerja, after.Predikat = hk, pk, predikat
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		// Asked again under the lock every act that changes whether a
		// move is allowed takes (recheck): an objection filed, the OPD's
		// period finalised or the period locked since the facts were
		// read refuses the move.
		g, _, err := recheck(ctx, tx, f)
		if err != nil {
			return err
		}
		if err := assessmentAllows(actor, g, stepCalibrate); err != nil {
			return err
		}
		if after, err = tx.UpdateAssessment(ctx, "assessment.move", f.A, after); err != nil {
			return err
		}
		by := actor.EmployeeID
		if by == "" {
			by = actor.UserID // an administrator without an employee record
		}
		if _, err := tx.AddAssessmentMove(ctx, model.AssessmentMove{AssessmentID: id, MovedBy: by, Reason: reason,
			From: model.RatingPair{HasilKerja: f.A.HasilKerja, PerilakuKerja: f.A.PerilakuKerja, Predikat: f.A.Predikat},
			To:   model.RatingPair{HasilKerja: hk, PerilakuKerja: pk, Predikat: predikat}}); err != nil {
			return err
		}
		// The employee receives the changed result anew (model.Redeliver):
		// they are asked to confirm it again and may object from today.
		for _, to := range []struct{ id, variant string }{{f.A.EmployeeID, "received"}, {f.A.RatedBy, ""}} {
			who := to.id
			if who == "" || who == actor.EmployeeID {
				continue
			}
			if err := tx.Notify(ctx, model.Notification{InstansiID: f.A.InstansiID, EmployeeID: who, Kind: "assessment.moved", Variant: to.variant,
				Args: []string{f.A.Employee.Name, f.Period.Name(), reason}, Link: "/penilaian/" + id}); err != nil {
				return err
			}
		}
		if f.A.Status == model.AssessmentFinal {
			if err := tx.Emit(ctx, f.A.EmployeeID, "assessment.finalized", map[string]any{"assessment_id": id,
				"period_id": f.A.PeriodID, "predikat": predikat, "hasil_kerja": hk, "perilaku_kerja": pk}); err != nil {
				return err
			}
		}
		return emitCurve(ctx, tx, f, after)
	})
	return after, err
}

// FinalizeCalibration finalises an OPD's period, which locks its ratings:
// every assessment must be final and the capaian set. A distribution that
// breaks the pattern (in an OPD that is not small) needs BKPSDM's
// override with a written reason, which the audit log keeps.
func (a *App) FinalizeCalibration(ctx context.Context, actor model.Actor, opdID, periodID, override string) (CurveView, error) {
	v, err := a.Curve(ctx, actor, opdID, periodID)
	if err != nil {
		return v, err
	}
	if err := calibrationAllows(actor, v, false); err != nil {
		return v, err
	}
	if v.Capaian == "" {
		return v, model.Refused("conflict.assessment.nocapaian")
	}
	if v.pending > 0 {
		return v, model.Refused("conflict.calibration.pending", v.pending)
	}
	override = strings.TrimSpace(override)
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		before, err := tx.LockCalibration(ctx, actor.InstansiID, opdID, periodID)
		if err != nil {
			return err
		}
		if before.Status == model.CalibrationFinal {
			return model.Refused("conflict.calibration.final")
		}
		// Counted again under the lock: a rating moved since the
		// screen was read counts.
		entries, err := tx.CurveEntries(ctx, opdID, periodID)
		if err != nil {
			return err
		}
		tally := model.TallyCurve(entries)
		if n := tally.Pending(); n > 0 {
			return model.Refused("conflict.calibration.pending", n)
		}
		_, check := model.CurrentRules().CurveOf(v.Capaian, tally)
		after := before
		by := actor.EmployeeID
		if by == "" {
			by = actor.UserID // an administrator without an employee record
		}
		after.Status, after.FinalizedBy, after.FinalizedAt = model.CalibrationFinal, by, tx.Now()
		if check.Breaks() {
			if err := calibrationAllows(actor, v, true); err != nil {
				return model.Invalid("override_reason", "invalid.calibration.broken", len(check.Violations))
			}
			reason, err := cleanReason("override_reason", override)
			if err != nil {
				return err
			}
			after.OverrideReason, after.OverriddenBy = reason, actor.UserID
		}
		_, err = tx.SetCalibration(ctx, "calibration.finalize", before, after)
		return err
	})
	if err != nil {
		return v, err
	}
	return a.Curve(ctx, actor, opdID, periodID)
}

// UnlockCalibration reopens a final OPD period (BKPSDM, with a written
// reason kept in the audit log).
func (a *App) UnlockCalibration(ctx context.Context, actor model.Actor, opdID, periodID, reason string) (CurveView, error) {
	v, err := a.Curve(ctx, actor, opdID, periodID)
	if err != nil {
		return v, err
	}
	if err := unlockAllows(actor, v); err != nil {
		return v, err
	}
	reason, err = cleanReason("reason", reason)
	if err != nil {
		return v, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		before, err := tx.LockCalibration(ctx, actor.InstansiID, opdID, periodID)
		if err != nil {
			return err
		}
		after := before
		after.Status, after.OverrideReason, after.OverriddenBy, after.FinalizedBy = model.CalibrationOpen, "", "", ""
		after.FinalizedAt = time.Time{}
		if _, err := tx.SetCalibration(ctx, "calibration.unlock", before, after); err != nil {
			return err
		}
		return tx.Audit(ctx, "calibration.unlock.reason", "calibration", opdID+"/"+periodID, nil, map[string]string{"reason": reason})
	})
	if err != nil {
		return v, err
	}
	return a.Curve(ctx, actor, opdID, periodID)
}

// CalibrationOPDs lists the OPDs whose calibration the actor may open:
// every OPD for BKPSDM, leaders and auditors, an OPD admin's own, and the
// OPD each head leads today.
func (a *App) CalibrationOPDs(ctx context.Context, actor model.Actor) ([]model.Unit, error) {
	chart, units, err := a.org(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	var out []model.Unit
	for _, u := range units {
		if !isOPD(u) {
			continue
		}
		if u.InstansiID == actor.InstansiID && mayReadCurveOf(actor, chart, u) == nil {
			out = append(out, u)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// CalibrationPage is a page of an OPD's people rated in a period, by name,
// with what the actor may do with each on the calibration screen.
type CalibrationPage struct {
	Items []AssessmentItem
	Next  string // the cursor of the next page, "" on the last
}

// CalibrationItems lists a page of the people of an OPD's calibration,
// for those who may read its curve. after is the cursor of the previous
// page; limit is at most 200.
func (a *App) CalibrationItems(ctx context.Context, actor model.Actor, v CurveView, after string, limit int) (CalibrationPage, error) {
	if limit <= 0 || limit > 200 {
		limit = 100
	}
	list, err := a.store.Assessments(ctx, store.AssessmentFilter{InstansiID: actor.InstansiID, OPDID: v.OPD.ID, PeriodID: v.Period.ID,
		After: after, Limit: limit + 1})
	if err != nil {
		return CalibrationPage{}, err
	}
	var page CalibrationPage
	if len(list) > limit {
		list = list[:limit]
		page.Next = list[limit-1].ID
	}
	// A result under keberatan is not calibration's to move: its
	// objections, the page's in one query.
	ids := make([]string, len(list))
	for i, as := range list {
		ids[i] = as.ID
	}
	objections, err := a.store.ObjectionsOf(ctx, ids)
	if err != nil {
		return CalibrationPage{}, err
	}
	facts := assessmentFacts{Period: v.Period, Calibration: v.Calibration, OPDHead: v.head}
	for _, as := range list {
		f := facts
		f.A = as
		if o, ok := objections[as.ID]; ok {
			f.decided, f.objecting = o.Status == model.ObjectionDecided, o.Status != model.ObjectionDecided
		}
		page.Items = append(page.Items, AssessmentItem{Assessment: seenBy(actor, as), Period: v.Period,
			Can: AssessmentRights{Calibrate: assessmentAllows(actor, f, stepCalibrate) == nil, CalibrateRefused: calibrateRefusal(actor, f),
				SeeRatings: ratingsSeen(actor, as)}})
	}
	if after == "" && page.Next == "" {
		// One page holds everyone: by name reads best.
		sort.SliceStable(page.Items, func(i, j int) bool { return page.Items[i].Employee.Name < page.Items[j].Employee.Name })
	}
	return page, nil
}
