package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// SaveRealisasi records what one indicator of the actor's SKP reached in a
// period, with its basis, while the period is open. The indicator is one of
// the revision in force: while a new revision is drafted, that of the last
// approved one. version is the realisasi's version read (0 when there was
// none); a stale one is a conflict. The value is checked against the
// indicator's unit and target (model.CheckRealisasi).
func (a *App) SaveRealisasi(ctx context.Context, actor model.Actor, skpID string, version int, r model.Realisasi) (model.Realisasi, error) {
	f, err := a.skpInForce(ctx, actor, skpID)
	if err != nil {
		return r, err
	}
	s := f.SKP
	if err := mayFillRealisasi(actor, f); err != nil {
		return r, err
	}
	var v model.ValidationError
	in, ok := f.indicator(r.IndicatorID)
	if !ok {
		v.Add("indicator_id", "invalid.realisasi.indicator.foreign")
	}
	if _, err := a.realisasiPeriodOf(ctx, s, r.PeriodID); err != nil {
		v.AddErr("period_id", err)
	}
	r.Value, r.Basis = strings.TrimSpace(r.Value), strings.TrimSpace(r.Basis)
	if r.Value == "" || len(r.Value) > model.RealisasiMaxLen {
		v.Add("value", "invalid.realisasi.value")
	} else if ok {
		if err := model.CheckRealisasi(in, r.Value); err != nil {
			v.AddErr("value", err)
		}
	}
	if len(r.Basis) > 4000 {
		v.Add("note", "invalid.realisasi.note.long")
	}
	v.CheckText("note", r.Basis, true)
	if err := v.Err(); err != nil {
		return r, err
	}
	r.SKPID = s.ID
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		r, err = tx.SaveRealisasi(ctx, version, r)
		return err
	})
	return r, err
}

// realisasiPeriodOf loads the period a realisasi of s is written in and
// answers, as a message, why it takes none now.
func (a *App) realisasiPeriodOf(ctx context.Context, s model.SKP, periodID string) (model.Period, error) {
	p, err := a.store.Period(ctx, periodID)
	switch {
	case err != nil || p.InstansiID != s.InstansiID || p.Year != s.Year:
		return p, model.Msg("invalid.realisasi.period.year")
	case s.Status == model.SKPClosed && p.Start > s.PeriodEnd:
		// After the TMT of a transfer: the SKP in force then takes it.
		return p, model.Msg("invalid.realisasi.period.aftertransfer", p.Label())
	case outsideSKP(s, p):
		return p, model.Msg("invalid.realisasi.period.outside")
	}
	return p, a.realisasiOpen(ctx, p)
}

// RealisasiInput is one indicator's realisasi as typed in the form of a
// period: the value, its basis, the version read (0 when there was none)
// and files to attach to it.
type RealisasiInput struct {
	IndicatorID string
	Value       string
	Note        string
	Version     int
	Uploads     []Upload
}

// SaveRealisasiPeriod saves the realisasi of every indicator of a period
// typed in one form, all or nothing: when one value is refused nothing is
// written, and each refusal is a field error on "value.<indicator id>"
// ("note.", "file." likewise), so that it shows beside its input. An
// indicator left empty, or sent back as it is stored without files, is
// left as it is; a value once recorded cannot be emptied. A stale version
// of an indicator changed is a conflict. Files are attached to the
// realisasi they were sent with, in the same transaction.
func (a *App) SaveRealisasiPeriod(ctx context.Context, actor model.Actor, skpID, periodID string, items []RealisasiInput) ([]model.Realisasi, error) {
	f, err := a.skpInForce(ctx, actor, skpID)
	if err != nil {
		return nil, err
	}
	s := f.SKP
	if err := mayFillRealisasi(actor, f); err != nil {
		return nil, err
	}
	// The input is judged once the actor may fill the realisasi.
	var v model.ValidationError
	if len(items) == 0 {
		v.Add("items", "invalid.realisasi.items")
	}
	for _, it := range items {
		if it.Version == model.NoVersion {
			v.Add("version."+it.IndicatorID, "version.required")
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if _, err := a.realisasiPeriodOf(ctx, s, periodID); err != nil {
		v.AddErr("period_id", err)
		return nil, v.Err()
	}
	stored, err := a.store.RealisasiOf(ctx, s.ID, periodID)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var writes []RealisasiInput
	for _, it := range items {
		id := it.IndicatorID
		in, ok := f.indicator(id)
		if !ok || seen[id] {
			v.Add("value."+id, "invalid.realisasi.indicator.foreign")
			continue
		}
		seen[id] = true
		it.Value, it.Note = strings.TrimSpace(it.Value), strings.TrimSpace(it.Note)
		old, exists := stored[id]
		switch {
		case it.Value == "" && !exists && it.Note == "" && len(it.Uploads) == 0:
			continue // nothing typed
		case exists && it.Value == old.Value && it.Note == old.Basis && len(it.Uploads) == 0:
			continue // unchanged
		}
		if err := model.CheckRealisasi(in, it.Value); err != nil {
			v.AddErr("value."+id, err)
		}
		if len(it.Note) > 4000 {
			v.Add("note."+id, "invalid.realisasi.note.long")
		}
		// Whichever way the form came (urlencoded, multipart, JSON).
		v.CheckText("note."+id, it.Note, true)
		writes = append(writes, it)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	owner := workTarget{InstansiID: s.InstansiID, OwnerID: s.EmployeeID}
	var out []model.Realisasi
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		for _, it := range writes {
			r := model.Realisasi{SKPID: s.ID, PeriodID: periodID, IndicatorID: it.IndicatorID, Value: it.Value, Basis: it.Note}
			if old, ok := stored[it.IndicatorID]; ok && old.Value == it.Value && old.Basis == it.Note {
				r = old // only files are added
			} else if r, err = tx.SaveRealisasi(ctx, it.Version, r); err != nil {
				return err
			}
			if _, err := attach(ctx, tx, actor, owner, TargetRealisasi, r.ID, it.Uploads); err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// skpInForce loads an SKP the actor may read with the revision of it in
// force.
func (a *App) skpInForce(ctx context.Context, actor model.Actor, skpID string) (skpInForce, error) {
	s, err := a.SKP(ctx, actor, skpID)
	if err != nil {
		return skpInForce{}, err
	}
	return a.inForce(ctx, s)
}

// mayFillRealisasi is the rule for writing the realisasi of an SKP: its
// owner, once a revision of it is approved (a new revision in draft
// leaves the approved one in force), or once a transfer closed it.
// SaveRealisasi enforces it (with the rule of the year, realisasiRefused);
// RealisasiRights.Edit shows it.
func mayFillRealisasi(actor model.Actor, f skpInForce) error {
	if actor.EmployeeID == "" || f.SKP.EmployeeID != actor.EmployeeID {
		return forbidden("fill another employee's realisasi")
	}
	if !f.takesRealisasi() {
		return model.Refused("conflict.realisasi.skp.approved", model.Msg("skp.status."+string(f.SKP.Status)))
	}
	return nil
}

// RealisasiRights are what the actor may do with the realisasi of an SKP in
// a period.
type RealisasiRights struct {
	Edit bool // fill or change it, attach evidence (the owner, in an open period)
}

// realisasiRights shows the rules SaveRealisasi enforces; year is p's
// year's periods.
func realisasiRights(actor model.Actor, f skpInForce, p model.Period, year []model.Period) RealisasiRights {
	return RealisasiRights{Edit: p.ID != "" && mayFillRealisasi(actor, f) == nil && realisasiRefused(p, year) == nil && !outsideSKP(f.SKP, p)}
}

// outsideSKP reports whether a period lies wholly outside the period of an
// SKP: before it began, or after a transfer closed it.
func outsideSKP(s model.SKP, p model.Period) bool {
	return p.End < s.PeriodStart || p.Start > s.PeriodEnd
}

// RealisasiItem is one realisasi with what the actor may do with it.
type RealisasiItem struct {
	model.Realisasi
	Can RealisasiRights
}

// RealisasiOne returns one realisasi to those who may see its SKP.
func (a *App) RealisasiOne(ctx context.Context, actor model.Actor, id string) (RealisasiItem, error) {
	r, err := a.store.RealisasiByID(ctx, id)
	if err != nil {
		return RealisasiItem{}, err
	}
	f, err := a.skpInForce(ctx, actor, r.SKPID)
	if err != nil {
		return RealisasiItem{}, err
	}
	p, err := a.store.Period(ctx, r.PeriodID)
	if err != nil {
		return RealisasiItem{}, err
	}
	year, err := a.store.Periods(ctx, p.InstansiID, p.Year)
	if err != nil {
		return RealisasiItem{}, err
	}
	return RealisasiItem{Realisasi: r, Can: realisasiRights(actor, f, p, year)}, nil
}

// RealisasiPeriod is an SKP's realisasi in one period with the period's
// progress entries beside each RHK, as the ASN and the supervisor see it.
type RealisasiPeriod struct {
	SKP       model.SKP // with the RHK in force: the last approved revision's while a new one is drafted
	Period    model.Period
	Periods   []model.Period
	Realisasi map[string]model.Realisasi    // by indicator
	Progress  map[string][]model.Progress   // by RHK ("" for other duties)
	Threads   map[string]Thread             // by realisasi id
	Files     map[string][]EvidenceView     // by realisasi id
	History   map[string][]model.AuditEntry // by realisasi id, newest first
	// AfterTMT reports that the period begins after a transfer closed the
	// SKP ("setelah TMT mutasi"): what it shows was recorded on this SKP
	// before the transfer was, and belongs to the SKP in force then once
	// that SKP takes its RHK over. Nothing is written here any more.
	AfterTMT bool
	// AfterTMTEntries marks, by id, the progress entries shown that are
	// dated after the TMT (in a month the TMT splits).
	AfterTMTEntries map[string]bool
	// Next is the SKP begun after the transfer that closed this one.
	Next *SKPLink
	// Totals is, by indicator, the year's realisasi up to and including
	// this period, beside the yearly target.
	Totals map[string]RealisasiTotal
	Can    RealisasiRights
	// Refused says why the period takes no realisasi now (not opened yet,
	// closed, locked); its Key is "" while it takes them.
	Refused model.Message
}

// Realisasi returns the realisasi of an SKP in a period (the first open one
// when periodID is empty) to those who may see the SKP.
func (a *App) Realisasi(ctx context.Context, actor model.Actor, skpID, periodID string) (RealisasiPeriod, error) {
	f, err := a.skpInForce(ctx, actor, skpID)
	if err != nil {
		return RealisasiPeriod{}, err
	}
	s := f.SKP
	out := RealisasiPeriod{SKP: f.withRHKInForce(), Progress: map[string][]model.Progress{}, Threads: map[string]Thread{},
		Files: map[string][]EvidenceView{}, History: map[string][]model.AuditEntry{}, AfterTMTEntries: map[string]bool{}}
	all, err := a.store.Periods(ctx, s.InstansiID, s.Year)
	if err != nil {
		return out, err
	}
	// A closed SKP also lists the periods after its end that still hold
	// its records (a back-dated transfer), and answers for any period of
	// its year after its end, so that no page it led to becomes missing.
	held, err := a.heldAfterEnd(ctx, s, all)
	if err != nil {
		return out, err
	}
	for _, p := range all {
		if p.Kind != model.PeriodAnnual && ((p.End >= s.PeriodStart && p.Start <= s.PeriodEnd) || held[p.ID]) {
			out.Periods = append(out.Periods, p)
		}
	}
	for _, p := range out.Periods {
		if p.ID == periodID {
			out.Period = p
		}
	}
	if periodID == "" {
		// The period of today while the SKP is in force; the last one it
		// was in force for a closed SKP.
		out.Period, _ = model.PeriodOn(out.Periods, a.Today(ctx, s.InstansiID), s.PeriodStart, s.PeriodEnd)
	}
	for _, p := range all {
		if out.Period.ID == "" && p.ID == periodID && p.Kind != model.PeriodAnnual && s.Status == model.SKPClosed && p.Start > s.PeriodEnd {
			out.Period = p
		}
	}
	if s.Status == model.SKPClosed {
		list, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: s.InstansiID, EmployeeIDs: []string{s.EmployeeID}, Year: s.Year})
		if err != nil {
			return out, err
		}
		if _, next := neighbours(s, list); next != nil {
			out.Next = linkTo(*next)
		}
	}
	if out.Period.ID == "" {
		if periodID != "" {
			return out, fmt.Errorf("period %s: %w", periodID, model.ErrNotFound)
		}
		return out, nil // no period of the year to show
	}
	out.Can = realisasiRights(actor, f, out.Period, all)
	out.AfterTMT = s.Status == model.SKPClosed && out.Period.Start > s.PeriodEnd
	if err := realisasiRefused(out.Period, all); err != nil && !out.AfterTMT {
		errors.As(err, &out.Refused)
	}
	if out.Realisasi, err = a.store.RealisasiOf(ctx, s.ID, out.Period.ID); err != nil {
		return out, err
	}
	if out.Totals, err = a.realisasiTotals(ctx, out.SKP, out.Period, out.Periods); err != nil {
		return out, err
	}
	var ids []string
	for _, re := range out.Realisasi {
		ids = append(ids, re.ID)
	}
	if out.History, err = a.store.RealisasiHistory(ctx, s.InstansiID, ids); err != nil {
		return out, err
	}
	threads, err := a.store.FeedbackOnMany(ctx, TargetRealisasi, ids)
	if err != nil {
		return out, err
	}
	files, err := a.store.EvidenceOn(ctx, TargetRealisasi, ids)
	if err != nil {
		return out, err
	}
	for _, id := range ids {
		out.Threads[id] = threadOf(actor, TargetRealisasi, id, threads[id])
		out.Files[id] = withoutDelete(evidenceViews(actor, files[id]), out.Refused.Key == "")
	}
	// Every entry of the period, however many: a quarter or a year holds
	// far more than one page.
	entries, err := a.storeProgressAll(ctx, store.ProgressFilter{InstansiID: s.InstansiID, EmployeeIDs: []string{s.EmployeeID},
		From: out.Period.Start, To: out.Period.End})
	if err != nil {
		return out, err
	}
	for _, p := range entries {
		within := s.PeriodStart <= p.WorkDate && p.WorkDate <= s.PeriodEnd
		if p.SKPID == s.ID || (p.SKPID == "" && within) {
			out.Progress[p.RHKID] = append(out.Progress[p.RHKID], p)
			if !within && s.Status == model.SKPClosed && p.WorkDate > s.PeriodEnd {
				out.AfterTMTEntries[p.ID] = true
			}
		}
	}
	return out, nil
}

// RealisasiHistory returns every change of a realisasi, newest first.
func (a *App) RealisasiHistory(ctx context.Context, actor model.Actor, id string) ([]model.AuditEntry, error) {
	r, err := a.store.RealisasiByID(ctx, id)
	if err != nil {
		return nil, err
	}
	s, err := a.SKP(ctx, actor, r.SKPID)
	if err != nil {
		return nil, err
	}
	return a.store.AuditEntries(ctx, model.AuditFilter{InstansiID: s.InstansiID, EntityType: "realisasi", EntityID: id})
}

// RealisasiTotal is an indicator's realisasi of the year so far against
// its yearly target.
type RealisasiTotal struct {
	// Value is the sum of the periods' values for a count, the latest
	// value for a level (a percentage, the quality aspect); "" when none
	// is recorded or one is not a number.
	Value string
	// Level says Value is the latest value, not a sum.
	Level bool
	// Periods is how many periods up to this one hold a value.
	Periods int
	Target  string // the yearly target
	Unit    string
}

// realisasiTotals adds up, for each indicator in force, the realisasi of
// the periods of the kind of p that end no later than p, in one query.
func (a *App) realisasiTotals(ctx context.Context, s model.SKP, p model.Period, periods []model.Period) (map[string]RealisasiTotal, error) {
	all, err := a.store.RealisasiOfSKP(ctx, s.ID)
	if err != nil {
		return nil, err
	}
	byPeriod := map[string]map[string]model.Realisasi{}
	for _, r := range all {
		if byPeriod[r.PeriodID] == nil {
			byPeriod[r.PeriodID] = map[string]model.Realisasi{}
		}
		byPeriod[r.PeriodID][r.IndicatorID] = r
	}
	var sofar []map[string]model.Realisasi
	for _, q := range periods {
		if q.Kind == p.Kind && q.End <= p.End && byPeriod[q.ID] != nil {
			sofar = append(sofar, byPeriod[q.ID])
		}
	}
	out := map[string]RealisasiTotal{}
	for _, r := range s.RHK {
		for _, in := range r.Indicators {
			t := RealisasiTotal{Value: yearRealisasi(in, sofar), Level: levelIndicator(in), Target: in.Target, Unit: in.Unit}
			for _, m := range sofar {
				if _, ok := m[in.ID]; ok {
					t.Periods++
				}
			}
			out[in.ID] = t
		}
	}
	return out, nil
}
