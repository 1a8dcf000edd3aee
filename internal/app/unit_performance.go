package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Capaian kinerja organisasi (SE MenPANRB 3/2023, the first step of
// penilaian; domain decisions 6 and 7). Per OPD and period:
//
//   - the leader of the organisation above the OPD sets the capaian with
//     its basis: the holder of the kepala daerah's post (the Wali Kota)
//     by default, or the Sekda when the instansi says so. Nobody sets the
//     capaian of the OPD they lead, since their own rating hasil kerja
//     follows from it: the Sekretariat Daerah's is the Wali Kota's to set
//     even when the Sekda sets the others'. A vacant Sekda post leaves it
//     to the Wali Kota too. BKPSDM administrators do not set it on the
//     leader's behalf: the regulation has it set and signed by the
//     leader, and no rule lets an administrator record it for them.
//   - BKPSDM, Bappeda and the Inspektorat recommend, each its own: the
//     head of the unit the instansi names for each and that unit's OPD
//     administrators; besides them BKPSDM administrators for BKPSDM and
//     auditors for the Inspektorat (perfOrg.speaksFor). Nobody
//     recommends on the OPD they lead.
//   - Bappeda's or the Inspektorat's word often arrives as a signed
//     letter: a BKPSDM administrator who runs the cycle may record it on
//     the body's behalf, stating the basis (the letter), which the
//     recommendation shows wherever it appears (perfOrg.onBehalf). Once
//     the body has recorded its own on the OPD and period, nobody records
//     on its behalf there any more; the body's own later recommendation
//     replaces one recorded on its behalf, which stays in the history.
//   - it is read by BKPSDM, leaders, auditors and system administrators
//     (every OPD), OPD administrators (their OPD), the setter and the
//     recommending heads (every OPD), and the OPD's head (their own).
//
// A locked period (assessed) takes no capaian and no recommendation, and
// neither does an OPD whose calibration for the period is final: the
// capaian is what the OPD's results were finalised on. Until then a
// changed capaian re-derives the rating hasil kerja of the OPD head's
// rated or sent result (decision 6), which they and their rater are told.

// UnitPerformanceRights is what the actor may do with the capaian of an
// OPD in a period now; SetUnitPerformance and RecommendUnitPerformance
// check the same.
type UnitPerformanceRights struct {
	Set       bool                         // set or change the capaian
	Recommend bool                         // record a recommendation (from one of Sources)
	Sources   []model.RecommendationSource // the sources the actor may record a recommendation of
	// OnBehalf are those of Sources the actor records on the body's
	// behalf only, with a basis (a BKPSDM administrator for Bappeda or
	// the Inspektorat).
	OnBehalf []model.RecommendationSource
}

// UnitPerformanceView is the capaian kinerja organisasi of one OPD in one
// period as the actor reads it.
type UnitPerformanceView struct {
	Unit   model.Unit
	Period model.Period
	// Head is the OPD's head today (nil while vacant): their rating hasil
	// kerja follows from the capaian.
	Head *model.Employee
	// HeadKind is how Head holds the post: a Plt or Plh is named so
	// ("Plt."); definitif otherwise.
	HeadKind model.PlacementKind
	// Setter is who sets the capaian now (nil when nobody can).
	Setter *model.Employee
	// Performance is the capaian set, nil until it is.
	Performance *model.UnitPerformance
	// Recommendations are those recorded, oldest first.
	Recommendations []model.UnitRecommendation
	// LeaderRating is the OPD head's rating hasil kerja the capaian
	// implies (Rules.LeaderRating), "" until it is set.
	LeaderRating model.Rating
	// Final is true when the OPD's calibration for the period is final:
	// the capaian and its recommendations no longer change.
	Final bool
	// Version is what a form to set it sends: 0 until it is set.
	Version int
	Can     UnitPerformanceRights
}

// Recommendation returns the recommendation of the view with that id (the
// one that superseded another, say), nil when there is none.
func (v UnitPerformanceView) Recommendation(id string) *model.UnitRecommendation {
	for i := range v.Recommendations {
		if v.Recommendations[i].ID == id && id != "" {
			return &v.Recommendations[i]
		}
	}
	return nil
}

// RecordsOnBehalf reports whether the actor records source's
// recommendation only on the body's behalf, with a basis.
func (r UnitPerformanceRights) RecordsOnBehalf(src model.RecommendationSource) bool {
	return containsSource(r.OnBehalf, src)
}

// UnitPerformanceList is every OPD the actor may read with its capaian in
// one period.
type UnitPerformanceList struct {
	Period  model.Period
	Periods []model.Period // the periods of its year, to choose another
	Items   []UnitPerformanceView
	// Settings are the instansi's settings: who sets, which units
	// recommend; Can.Settings says whether the actor may change them.
	Settings model.UnitPerformanceSettings
	OPDs     []model.Unit // every OPD of the instansi, for the settings form
	Can      UnitPerformanceListRights
}

// UnitPerformanceListRights is what the actor may do on the list.
type UnitPerformanceListRights struct {
	Settings bool // change who sets the capaian and which units recommend (BKPSDM)
}

// UnitPerformanceRequest is what a setter sends: the capaian, its basis
// and the version read (0 for the first).
type UnitPerformanceRequest struct {
	Capaian model.Capaian
	Basis   string
	Version int
}

// UnitRecommendationRequest is a recommendation as sent. Basis is what
// one recorded on the body's behalf rests on (the letter it came in):
// required then, and refused with the body's own.
type UnitRecommendationRequest struct {
	Source  model.RecommendationSource
	Capaian model.Capaian
	Note    string
	Basis   string
}

// perfOrg is what the rights on capaian kinerja organisasi follow from,
// loaded once for a request.
type perfOrg struct {
	settings model.UnitPerformanceSettings
	chart    *model.OrgChart
	units    []model.Unit
	byID     map[string]model.Unit
	kepala   string // the employee holding the kepala daerah's post
	sekda    string // the employee holding the Sekda's post
}

func (a *App) perfOrg(ctx context.Context, instansiID string) (perfOrg, error) {
	var o perfOrg
	var err error
	if o.chart, o.units, err = a.org(ctx, instansiID); err != nil {
		return o, err
	}
	if o.settings, err = a.store.UnitPerformanceSettings(ctx, instansiID); err != nil {
		return o, err
	}
	o.byID = make(map[string]model.Unit, len(o.units))
	for _, u := range o.units {
		o.byID[u.ID] = u
	}
	posts, err := a.store.PositionsOfKind(ctx, instansiID, model.PositionKepalaDaerah)
	if err != nil {
		return o, err
	}
	for _, p := range posts {
		if h := o.chart.Holder(p); h != "" {
			o.kepala = h
			break
		}
	}
	sekda, err := a.store.SekdaPosition(ctx, instansiID)
	if err != nil {
		return o, err
	}
	if sekda != "" {
		o.sekda = o.chart.Holder(sekda)
	}
	return o, nil
}

// isOPD reports whether u is a perangkat daerah: a top-level unit under
// the pemda, whatever its kind (a dinas or badan, but also a kecamatan or
// the RSUD). Pickers of OPDs test this, never the kind "opd".
func isOPD(u model.Unit) bool { return u.ID != "" && u.OPDID == u.ID }

// opds returns the OPDs of the instansi in display order.
func (o perfOrg) opds() []model.Unit {
	var out []model.Unit
	for _, u := range o.units {
		if isOPD(u) {
			out = append(out, u)
		}
	}
	return out
}

// head returns the employee who leads unit u today, or "".
func (o perfOrg) head(u model.Unit) string {
	if u.HeadPositionID == "" {
		return ""
	}
	return o.chart.Holder(u.HeadPositionID)
}

// setter returns who sets the capaian of OPD u: the Sekda when the
// instansi says so and the post is held, the kepala daerah otherwise;
// never the OPD's own head ("" then).
func (o perfOrg) setter(u model.Unit) string {
	s := o.kepala
	if o.settings.Setter == model.CapaianSetterSekda && o.sekda != "" && o.sekda != o.head(u) {
		s = o.sekda
	}
	if s == o.head(u) {
		return ""
	}
	return s
}

// sourceHead reports whether employee e leads the unit the instansi names
// for src.
func (o perfOrg) sourceHead(e string, src model.RecommendationSource) bool {
	u, ok := o.byID[o.settings.SourceUnit(src)]
	return ok && e != "" && o.head(u) == e
}

// speaksFor reports whether the actor records the recommendations of
// source src: each body records its own, never another's. The head of the
// unit the instansi names for src and that unit's OPD administrators speak
// for it; besides them a BKPSDM administrator speaks for BKPSDM and the
// auditors (the Inspektorat's pengawasan staff) for the Inspektorat. A
// BKPSDM administrator does not record Bappeda's or the Inspektorat's
// word for them: a recommendation names who gave it, and the leader who
// weighs it must be able to trust that name.
func (o perfOrg) speaksFor(actor model.Actor, src model.RecommendationSource) bool {
	if o.sourceHead(actor.EmployeeID, src) {
		return true
	}
	if unit := o.settings.SourceUnit(src); unit != "" {
		for _, g := range actor.Roles {
			if g.Role == model.RoleOPDAdmin && g.UnitID == unit {
				return true
			}
		}
	}
	switch src {
	case model.SourceBKPSDM:
		return authz.Can(actor, authz.RecommendUnitPerformance, authz.Target{InstansiID: actor.InstansiID})
	case model.SourceInspektorat:
		return actor.Has(model.RoleAuditor)
	}
	return false
}

// sources returns what the actor may recommend as on OPD u: the sources
// they speak for, none on the OPD they lead.
func (o perfOrg) sources(actor model.Actor, u model.Unit) []model.RecommendationSource {
	if actor.EmployeeID != "" && actor.EmployeeID == o.head(u) {
		return nil
	}
	var out []model.RecommendationSource
	for _, src := range model.RecommendationSources {
		if o.speaksFor(actor, src) {
			out = append(out, src)
		}
	}
	return out
}

// onBehalf returns the sources whose recommendation on OPD u the actor
// may record on the body's behalf: a BKPSDM administrator who runs the
// cycle (authz.ManagePeriods) and records BKPSDM's own
// (authz.RecommendUnitPerformance), for each source they do not speak for
// themselves; none on the OPD they lead.
func (o perfOrg) onBehalf(actor model.Actor, u model.Unit) []model.RecommendationSource {
	if actor.EmployeeID != "" && actor.EmployeeID == o.head(u) {
		return nil
	}
	if canManageYears(actor) != nil || !authz.Can(actor, authz.RecommendUnitPerformance, authz.Target{InstansiID: actor.InstansiID}) {
		return nil
	}
	own := o.sources(actor, u)
	var out []model.RecommendationSource
	for _, src := range model.RecommendationSources {
		if !containsSource(own, src) {
			out = append(out, src)
		}
	}
	return out
}

// stillOnBehalf keeps of the sources one records on a body's behalf
// those whose body has not recorded its own recommendation among recs
// (those of one OPD and period): once it has, nobody records on its
// behalf there. The rights shown and RecommendUnitPerformance, under its
// lock, both ask it.
func stillOnBehalf(onBehalf []model.RecommendationSource, recs []model.UnitRecommendation) []model.RecommendationSource {
	var out []model.RecommendationSource
	for _, src := range onBehalf {
		if !slices.ContainsFunc(recs, func(r model.UnitRecommendation) bool { return r.Source == src && !r.OnBehalf }) {
			out = append(out, src)
		}
	}
	return out
}

// readsAll reports whether the actor reads the capaian of every OPD: by
// role, or as the one who sets it or a recommending head.
func (o perfOrg) readsAll(actor model.Actor) bool {
	if authz.Widest(actor, authz.ReadUnitPerformance) == authz.ScopeInstansi {
		return true
	}
	for _, src := range model.RecommendationSources {
		if o.speaksFor(actor, src) {
			return true
		}
	}
	e := actor.EmployeeID
	if e == "" {
		return false
	}
	if e == o.kepala || (o.settings.Setter == model.CapaianSetterSekda && e == o.sekda) {
		return true
	}
	for _, src := range model.RecommendationSources {
		if o.sourceHead(e, src) {
			return true
		}
	}
	return false
}

// reads reports whether the actor reads the capaian of OPD u.
func (o perfOrg) reads(actor model.Actor, u model.Unit) bool {
	return o.readsAll(actor) || authz.Can(actor, authz.ReadUnitPerformance, authz.Target{InstansiID: u.InstansiID, OPDID: u.ID}) ||
		(actor.EmployeeID != "" && actor.EmployeeID == o.head(u))
}

// rights is what the actor may do with OPD u's capaian in period p,
// where recs are recorded.
func (o perfOrg) rights(actor model.Actor, u model.Unit, p model.Period, recs []model.UnitRecommendation) UnitPerformanceRights {
	if p.Status == model.PeriodLocked {
		return UnitPerformanceRights{}
	}
	r := UnitPerformanceRights{Sources: o.sources(actor, u), OnBehalf: stillOnBehalf(o.onBehalf(actor, u), recs)}
	r.Sources = append(r.Sources, r.OnBehalf...)
	r.Recommend = len(r.Sources) > 0
	r.Set = actor.EmployeeID != "" && actor.EmployeeID == o.setter(u)
	return r
}

// perfTarget loads the OPD and the period a capaian is about, both of the
// actor's instansi: an unknown one is model.ErrNotFound, a unit that is no
// OPD a field error on "unit_id".
func (a *App) perfTarget(ctx context.Context, actor model.Actor, o perfOrg, unitID, periodID string) (model.Unit, model.Period, error) {
	u, ok := o.byID[unitID]
	if !ok || u.InstansiID != actor.InstansiID {
		return u, model.Period{}, fmt.Errorf("unit %s: %w", unitID, model.ErrNotFound)
	}
	p, err := a.store.Period(ctx, periodID)
	if err != nil || p.InstansiID != actor.InstansiID {
		return u, p, fmt.Errorf("period %s: %w", periodID, model.ErrNotFound)
	}
	if !isOPD(u) {
		return u, p, model.Invalid("unit_id", "invalid.unitperf.unit.opd", u.Name)
	}
	return u, p, nil
}

// periodOpenForCapaian is nil when period p may take a capaian or a
// recommendation (a periodic or annual period that is not locked),
// otherwise why not: a period of another kind is the wrong period named
// (a message for the field), a locked one a state conflict (409).
func periodOpenForCapaian(p model.Period) error {
	switch p.Kind {
	case model.PeriodMonthly, model.PeriodQuarterly, model.PeriodAnnual:
	default:
		return model.Msg("invalid.unitperf.period.kind")
	}
	if p.Status == model.PeriodLocked {
		return model.Refused("conflict.unitperf.period.locked", p.Label())
	}
	return nil
}

// addPeriodFault adds to v the fault periodOpenForCapaian finds in p, and
// answers a state conflict on its own: it comes before the input.
func addPeriodFault(v *model.ValidationError, p model.Period) error {
	err := periodOpenForCapaian(p)
	if se := (*model.StateError)(nil); errors.As(err, &se) {
		return err
	}
	if err != nil {
		v.AddErr("period_id", err)
	}
	return nil
}

// UnitPerformanceView returns the capaian of OPD unitID in period
// periodID with its recommendations and what the actor may do. Someone
// who may not read it gets model.ErrNotFound.
func (a *App) UnitPerformanceView(ctx context.Context, actor model.Actor, unitID, periodID string) (UnitPerformanceView, error) {
	o, err := a.perfOrg(ctx, actor.InstansiID)
	if err != nil {
		return UnitPerformanceView{}, err
	}
	u, p, err := a.perfTarget(ctx, actor, o, unitID, periodID)
	if err != nil {
		return UnitPerformanceView{}, err
	}
	if !o.reads(actor, u) {
		return UnitPerformanceView{}, fmt.Errorf("capaian of unit %s: %w", unitID, model.ErrNotFound)
	}
	views, err := a.perfViews(ctx, actor, o, p, []model.Unit{u})
	if err != nil {
		return UnitPerformanceView{}, err
	}
	return views[0], nil
}

// perfViews builds the views of OPDs units in period p in a fixed number
// of queries: the capaian and recommendations of the period, and the
// people named.
func (a *App) perfViews(ctx context.Context, actor model.Actor, o perfOrg, p model.Period, units []model.Unit) ([]UnitPerformanceView, error) {
	set, err := a.store.UnitPerformances(ctx, p.InstansiID, p.ID)
	if err != nil {
		return nil, err
	}
	recs, err := a.store.UnitRecommendations(ctx, p.InstansiID, p.ID, "")
	if err != nil {
		return nil, err
	}
	byUnit := make(map[string]model.UnitPerformance, len(set))
	for _, s := range set {
		byUnit[s.UnitID] = s
	}
	model.SupersedeOnBehalf(recs)
	recsByUnit := map[string][]model.UnitRecommendation{}
	for _, r := range recs {
		recsByUnit[r.UnitID] = append(recsByUnit[r.UnitID], r)
	}
	var ids []string
	for _, u := range units {
		if h := o.head(u); h != "" {
			ids = append(ids, h)
		}
		if s := o.setter(u); s != "" {
			ids = append(ids, s)
		}
	}
	people, err := a.store.EmployeesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	person := func(id string) *model.Employee {
		if e, ok := people[id]; ok && id != "" {
			return &e
		}
		return nil
	}
	rules := model.CurrentRules()
	own, err := a.leaderMapOf(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	final, err := a.store.FinalCalibrations(ctx, p.InstansiID, p.ID)
	if err != nil {
		return nil, err
	}
	out := make([]UnitPerformanceView, 0, len(units))
	for _, u := range units {
		v := UnitPerformanceView{Unit: u, Period: p, Head: person(o.head(u)), Setter: person(o.setter(u)),
			Recommendations: recsByUnit[u.ID], Can: o.rights(actor, u, p, recsByUnit[u.ID]), Final: final[u.ID]}
		if v.Head != nil {
			v.HeadKind = o.chart.HeldAs(v.Head.ID, u.HeadPositionID)
		}
		if v.Final {
			v.Can = UnitPerformanceRights{}
		}
		if s, ok := byUnit[u.ID]; ok {
			v.Performance, v.Version = &s, s.Version
			v.LeaderRating = rules.LeaderRating(s.Capaian, own)
		}
		out = append(out, v)
	}
	return out, nil
}

// UnitPerformances lists every OPD the actor may read with its capaian in
// period periodID; "" picks the latest period of this year that has begun
// (its first when none has). Someone who reads no OPD's capaian is
// refused.
func (a *App) UnitPerformances(ctx context.Context, actor model.Actor, periodID string) (UnitPerformanceList, error) {
	o, err := a.perfOrg(ctx, actor.InstansiID)
	if err != nil {
		return UnitPerformanceList{}, err
	}
	var units []model.Unit
	for _, u := range o.opds() {
		if o.reads(actor, u) {
			units = append(units, u)
		}
	}
	if len(units) == 0 {
		return UnitPerformanceList{}, forbidden("read the capaian kinerja organisasi")
	}
	l := UnitPerformanceList{Settings: o.settings, OPDs: o.opds(), Can: UnitPerformanceListRights{Settings: canManageYears(actor) == nil}}
	if periodID == "" {
		if l.Period, err = a.defaultPerfPeriod(ctx, actor.InstansiID); err != nil {
			return l, err
		}
	} else {
		p, err := a.store.Period(ctx, periodID)
		if err != nil || p.InstansiID != actor.InstansiID {
			return l, fmt.Errorf("period %s: %w", periodID, model.ErrNotFound)
		}
		l.Period = p
	}
	if l.Periods, err = a.store.Periods(ctx, actor.InstansiID, l.Period.Year); err != nil {
		return l, err
	}
	l.Items, err = a.perfViews(ctx, actor, o, l.Period, units)
	return l, err
}

// defaultPerfPeriod is the periodic period of today (model.PeriodOn),
// else the year's first; a field error on "period" when the year
// is not opened.
func (a *App) defaultPerfPeriod(ctx context.Context, instansiID string) (model.Period, error) {
	today := a.Today(ctx, instansiID)
	ps, err := a.store.Periods(ctx, instansiID, today.Time().Year())
	if err != nil {
		return model.Period{}, err
	}
	if len(ps) == 0 {
		return model.Period{}, model.Invalid("period", "invalid.unitperf.period.none")
	}
	if p, ok := model.PeriodOn(ps, today, "", ""); ok {
		return p, nil
	}
	return ps[0], nil
}

// SetUnitPerformance sets or changes the capaian of OPD unitID in period
// periodID: the setter only (see the top of this file), with one of the
// five levels, a basis, and the version read (0 for the first; a stale
// one is model.ErrStale). The change is audited with what it replaced and
// the OPD's head is told.
func (a *App) SetUnitPerformance(ctx context.Context, actor model.Actor, unitID, periodID string, req UnitPerformanceRequest) (UnitPerformanceView, error) {
	o, err := a.perfOrg(ctx, actor.InstansiID)
	if err != nil {
		return UnitPerformanceView{}, err
	}
	u, p, err := a.perfTarget(ctx, actor, o, unitID, periodID)
	if err != nil {
		return UnitPerformanceView{}, err
	}
	if !o.reads(actor, u) && o.setter(u) != actor.EmployeeID {
		return UnitPerformanceView{}, fmt.Errorf("capaian of unit %s: %w", unitID, model.ErrNotFound)
	}
	if actor.EmployeeID == "" || actor.EmployeeID != o.setter(u) {
		return UnitPerformanceView{}, forbidden("set the capaian kinerja organisasi (the leader above the OPD sets it)")
	}
	perf := model.UnitPerformance{InstansiID: u.InstansiID, UnitID: u.ID, PeriodID: p.ID, Capaian: req.Capaian, Basis: req.Basis,
		SetBy: actor.EmployeeID}
	var v model.ValidationError
	if err := model.ValidateUnitPerformance(&perf); err != nil {
		v = *err.(*model.ValidationError)
	}
	if err := addPeriodFault(&v, p); err != nil {
		return UnitPerformanceView{}, err
	}
	if req.Version < 0 {
		v.Add("version", "version.required")
	}
	if err := v.Err(); err != nil {
		return UnitPerformanceView{}, err
	}
	head := o.head(u)
	own, err := a.leaderMapOf(ctx, u.InstansiID)
	if err != nil {
		return UnitPerformanceView{}, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		// Queued behind sending and finalising in the OPD: a final
		// (locked) calibration keeps the capaian it was finalised on.
		cal, err := tx.LockCalibration(ctx, u.InstansiID, u.ID, p.ID)
		if err != nil {
			return err
		}
		if cal.Status == model.CalibrationFinal {
			return model.Refused("conflict.unitperf.calibration.final", u.Name, p.Label())
		}
		prev, err := tx.UnitPerformance(ctx, u.ID, p.ID)
		if err != nil && !IsNotFound(err) {
			return err
		}
		saved, err := tx.SetUnitPerformance(ctx, perf, req.Version)
		if err != nil {
			return err
		}
		if err := rederiveLeaders(ctx, tx, u, p, prev.Capaian, saved, own, actor); err != nil {
			return err
		}
		if head == "" || head == actor.EmployeeID {
			return nil
		}
		return tx.Notify(ctx, model.Notification{InstansiID: u.InstansiID, EmployeeID: head, Kind: "unit_performance.set",
			Link: "/capaian-organisasi?periode=" + p.ID + "#opd-" + u.ID,
			Args: []string{actor.Name, u.Name, p.Name(), "notif.word.capaian." + string(saved.Capaian), saved.Basis}})
	})
	if err != nil {
		return UnitPerformanceView{}, err
	}
	views, err := a.perfViews(ctx, actor, o, p, []model.Unit{u})
	if err != nil {
		return UnitPerformanceView{}, err
	}
	return views[0], nil
}

// RecommendUnitPerformance records a recommendation on the capaian of OPD
// unitID in period periodID from source (see the top of this file for
// who may). One a BKPSDM administrator records on the body's behalf needs
// its basis, is refused once the body has recorded its own there, and the
// body's head is told of it. It is audited.
func (a *App) RecommendUnitPerformance(ctx context.Context, actor model.Actor, unitID, periodID string, req UnitRecommendationRequest) (UnitPerformanceView, error) {
	o, err := a.perfOrg(ctx, actor.InstansiID)
	if err != nil {
		return UnitPerformanceView{}, err
	}
	u, p, err := a.perfTarget(ctx, actor, o, unitID, periodID)
	if err != nil {
		return UnitPerformanceView{}, err
	}
	own, onBehalf := o.sources(actor, u), o.onBehalf(actor, u)
	sources := append(append([]model.RecommendationSource(nil), own...), onBehalf...)
	if !o.reads(actor, u) && len(sources) == 0 {
		return UnitPerformanceView{}, fmt.Errorf("capaian of unit %s: %w", unitID, model.ErrNotFound)
	}
	if len(sources) == 0 {
		return UnitPerformanceView{}, forbidden("recommend a capaian kinerja organisasi")
	}
	rec := model.UnitRecommendation{InstansiID: u.InstansiID, UnitID: u.ID, PeriodID: p.ID, Source: req.Source, Capaian: req.Capaian,
		Note: req.Note, By: actor.UserID, Basis: req.Basis, OnBehalf: !containsSource(own, req.Source) && containsSource(onBehalf, req.Source)}
	var v model.ValidationError
	if err := model.ValidateUnitRecommendation(&rec); err != nil {
		v = *err.(*model.ValidationError)
	}
	if rec.Source.Valid() && !containsSource(sources, rec.Source) {
		// Each body records its own: say whose word this is and as whom
		// the actor may speak.
		return UnitPerformanceView{}, &model.StateError{Err: model.ErrForbidden,
			Message: model.Msg("forbidden.unitperf.source", rec.Source.Label(), sources[0].Label())}
	}
	if err := addPeriodFault(&v, p); err != nil {
		return UnitPerformanceView{}, err
	}
	if err := v.Err(); err != nil {
		return UnitPerformanceView{}, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		cal, err := tx.LockCalibration(ctx, u.InstansiID, u.ID, p.ID)
		if err != nil {
			return err
		}
		if cal.Status == model.CalibrationFinal {
			return model.Refused("conflict.unitperf.calibration.final", u.Name, p.Label())
		}
		if !rec.OnBehalf {
			_, err = tx.AddUnitRecommendation(ctx, rec)
			return err
		}
		// The body speaks for itself once it has: its own word is not
		// overwritten by a letter typed in on its behalf.
		before, err := tx.UnitRecommendations(ctx, u.InstansiID, p.ID, u.ID)
		if err != nil {
			return err
		}
		if !containsSource(stillOnBehalf(onBehalf, before), rec.Source) {
			return model.Refused("conflict.unitperf.onbehalf.own", rec.Source.Label(), u.Name, p.Label())
		}
		if rec, err = tx.AddUnitRecommendation(ctx, rec); err != nil {
			return err
		}
		head := ""
		if su, ok := o.byID[o.settings.SourceUnit(rec.Source)]; ok {
			head = o.head(su)
		}
		if head == "" || head == actor.EmployeeID {
			return nil
		}
		return tx.Notify(ctx, model.Notification{InstansiID: u.InstansiID, EmployeeID: head, Kind: "unit_performance.on_behalf",
			Link: "/capaian-organisasi?periode=" + p.ID + "#opd-" + u.ID,
			Args: []string{actor.Name, "notif.word.source." + string(rec.Source), u.Name, p.Name(), "notif.word.capaian." + string(rec.Capaian), rec.Basis}})
	})
	if err != nil {
		return UnitPerformanceView{}, err
	}
	views, err := a.perfViews(ctx, actor, o, p, []model.Unit{u})
	if err != nil {
		return UnitPerformanceView{}, err
	}
	return views[0], nil
}

func containsSource(list []model.RecommendationSource, s model.RecommendationSource) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// MayReadUnitPerformance reports whether the actor reads the capaian
// kinerja organisasi of at least one OPD: the menu links the page for
// them.
func (a *App) MayReadUnitPerformance(ctx context.Context, actor model.Actor) bool {
	if actor.InstansiID == "" {
		return false
	}
	if authz.Widest(actor, authz.ReadUnitPerformance) >= authz.ScopeOPD {
		return true
	}
	if actor.EmployeeID == "" {
		return false
	}
	o, err := a.perfOrg(ctx, actor.InstansiID)
	if err != nil {
		return false
	}
	if o.readsAll(actor) {
		return true
	}
	for _, u := range o.opds() {
		if o.head(u) == actor.EmployeeID {
			return true
		}
	}
	return false
}

// UnitPerformanceSettings returns who sets the capaian kinerja organisasi
// of the actor's instansi and which units recommend; everyone signed in
// may read them.
func (a *App) UnitPerformanceSettings(ctx context.Context, actor model.Actor) (model.UnitPerformanceSettings, error) {
	if !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: actor.InstansiID}) {
		return model.UnitPerformanceSettings{}, forbidden("the instansi's settings")
	}
	return a.store.UnitPerformanceSettings(ctx, actor.InstansiID)
}

// SetUnitPerformanceSettings changes who sets the capaian kinerja
// organisasi (kepala_daerah or sekda) and which OPDs recommend as BKPSDM,
// Bappeda and the Inspektorat: each named by its id or its code, or ""
// for none. BKPSDM only; audited.
func (a *App) SetUnitPerformanceSettings(ctx context.Context, actor model.Actor, s model.UnitPerformanceSettings) (model.UnitPerformanceSettings, error) {
	if err := canManageYears(actor); err != nil {
		return s, err
	}
	units, err := a.unitsOf(ctx, actor.InstansiID)
	if err != nil {
		return s, err
	}
	var v model.ValidationError
	if s.Setter != model.CapaianSetterKepalaDaerah && s.Setter != model.CapaianSetterSekda {
		v.Add("capaian_setter", "invalid.unitperf.setter")
	}
	resolve := func(field string, ref *string) {
		*ref = strings.TrimSpace(*ref)
		if *ref == "" {
			return
		}
		for _, u := range units {
			if (u.ID == *ref || strings.EqualFold(u.Code, *ref)) && isOPD(u) {
				*ref = u.ID
				return
			}
		}
		v.Add(field, "invalid.unitperf.source.unit", *ref)
	}
	resolve("bkpsdm_unit_id", &s.BKPSDMUnitID)
	resolve("bappeda_unit_id", &s.BappedaUnitID)
	resolve("inspektorat_unit_id", &s.InspektoratUnitID)
	if err := v.Err(); err != nil {
		return s, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		return tx.SetUnitPerformanceSettings(ctx, actor.InstansiID, s)
	})
	if err != nil {
		return s, err
	}
	return a.store.UnitPerformanceSettings(ctx, actor.InstansiID)
}

// rederiveLeaders gives the rated or sent result of each head of OPD u in
// period p the rating hasil kerja that the capaian set implies (decision
// 6, the instansi's own map when it has one) and the predikat that
// follows, in the transaction that changes the capaian from prev. A sent
// result is received anew (model.Redeliver) and keeps the change with its
// cause (a model.MoveCapaian: the capaian before and after, who set it,
// its basis), which its history and documents show; the head and their
// rater are told.
func rederiveLeaders(ctx context.Context, tx *store.Tx, u model.Unit, p model.Period, prev model.Capaian, set model.UnitPerformance, own model.LeaderMap, actor model.Actor) error {
	c := set.Capaian
	list, err := tx.Assessments(ctx, store.AssessmentFilter{InstansiID: u.InstansiID, OPDID: u.ID, PeriodID: p.ID})
	if err != nil {
		return err
	}
	for _, before := range list {
		if !before.Leader || before.Status == model.AssessmentOpen || before.HasilKerja == "" {
			continue
		}
		rules, err := model.RulesOf(before.Regime)
		if err != nil {
			return err
		}
		lr := rules.LeaderRating(c, own)
		if lr == "" || lr == before.HasilKerja {
			continue
		}
		predikat, err := rules.Predikat(lr, before.PerilakuKerja)
		if err != nil {
			return err
		}
		// A result under keberatan is the atasan's to decide, and a
		// decided one is final (PermenPANRB 6/2022): the capaian that
		// would change it waits, or stays.
		switch o, err := tx.ObjectionOf(ctx, before.ID); {
		case err == nil && o.Status == model.ObjectionDecided:
			return model.Refused("conflict.unitperf.leader.decided", before.Employee.Name, p.Name())
		case err == nil:
			return model.Refused("conflict.unitperf.leader.objection", before.Employee.Name, p.Name())
		case !errors.Is(err, model.ErrNotFound):
			return err
		}
		after := before
		after.HasilKerja, after.Predikat = lr, predikat
		if after, err = tx.UpdateAssessment(ctx, "assessment.capaian", before, after); err != nil {
			return err
		}
		if before.Status == model.AssessmentFinal {
			if _, err := tx.AddAssessmentMove(ctx, model.AssessmentMove{AssessmentID: before.ID, Cause: model.MoveCapaian, MovedBy: actor.EmployeeID,
				Reason: set.Basis, FromCapaian: prev, ToCapaian: c,
				From: model.RatingPair{HasilKerja: before.HasilKerja, PerilakuKerja: before.PerilakuKerja, Predikat: before.Predikat},
				To:   model.RatingPair{HasilKerja: after.HasilKerja, PerilakuKerja: after.PerilakuKerja, Predikat: after.Predikat}}); err != nil {
				return err
			}
		}
		for _, to := range []struct{ id, variant string }{{before.EmployeeID, "received"}, {before.RatedBy, ""}} {
			if to.id == "" || to.id == actor.EmployeeID {
				continue
			}
			if to.variant == "received" && before.Status != model.AssessmentFinal {
				to.variant = "" // not sent yet: nothing received anew
			}
			if err := tx.Notify(ctx, model.Notification{InstansiID: u.InstansiID, EmployeeID: to.id, Kind: "assessment.capaian", Variant: to.variant,
				Args: []string{before.Employee.Name, p.Name(), "notif.word.capaian." + string(c), "notif.word.rating." + string(lr)},
				Link: "/penilaian/" + before.ID}); err != nil {
				return err
			}
		}
		if before.Status == model.AssessmentFinal {
			if err := tx.Emit(ctx, before.EmployeeID, "assessment.finalized", map[string]any{"assessment_id": before.ID,
				"period_id": before.PeriodID, "predikat": predikat, "hasil_kerja": lr, "perilaku_kerja": before.PerilakuKerja}); err != nil {
				return err
			}
		}
	}
	return nil
}
