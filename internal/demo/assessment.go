package demo

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Penilaian in the demo city: every monthly period of the year that has
// ended is assessed, and every period of the year before. Each SKP in
// force gets its assessment, rated by the pejabat penilai of the day with
// umpan balik on every RHK, on the realisasi of the period: above the
// target where hasil kerja is above expectations, below it where below;
// the predikat always follows from the two ratings by the current rules. Each OPD's
// distribution fits the pattern of its capaian kinerja organisasi, except
// one: BKPSDM finalised the Butuh Perbaikan OPD's curve of the month
// before last with a written reason. The head of SMP Negeri 1 rates
// noticeably more leniently than the rest of the education dinas. The
// older periods are final and calibrated, most results acknowledged; the
// latest one is under way: some raters are done, some have rated without
// sending, some have not started (the demo supervisor among those with
// ratings waiting), and a few ratings were moved on the calibration
// screen with a reason.

// Fixed codes of the penilaian story.
const (
	// codeLenientPosition is the post of the rater who gives far more
	// Sangat Baik than their OPD.
	codeLenientPosition = "DISDIKBUD-SMPN1-KEPALA"
)

// demoOverrideOPD is the OPD whose broken curve BKPSDM finalised with a
// written reason, in the month before the latest.
var demoOverrideOPD = demoButuhPerbaikan

// demoOverrideReason is BKPSDM's reason to finalise the broken curve.
const demoOverrideReason = "Capaian organisasi tertahan oleh penundaan dana alokasi khusus air minum dari pemerintah pusat, " +
	"bukan oleh kinerja pegawai: seluruh bidang menuntaskan kegiatan yang menjadi kewenangannya. Disepakati dalam rapat " +
	"kalibrasi bersama Sekretaris Daerah; distribusi periode berikutnya kembali mengikuti pola."

// demoLenientShare is the part of their people the lenient rater rates
// Sangat Baik, in percent.
const demoLenientShare = 75

// rating is one assessment being planned.
type rating struct {
	a      model.Assessment
	chart  *model.OrgChart // the organisation it is rated on
	rater  string
	merit  float64
	stand  map[string]model.Standing // each RHK's standing from the realisasi
	pred   model.Predikat
	hk, pk model.Rating // the ratings it ends with
	status model.AssessmentStatus
	// from is the rating given before a calibration move to hk and pk,
	// by mover with reason; nil when it was not moved.
	from          *[2]model.Rating
	mover, reason string
}

// assessor holds what assessPeriods reads once.
type assessor struct {
	tx         *store.Tx
	instansiID string
	rules      model.Rules
	rng        *rand.Rand
	seed       int64
	now        time.Time
	skps       map[string]model.SKP // by id, with their RHK and indicators
	people     map[string]model.Employee
	lenient    string // the lenient rater's employee id
	supervisor string // the demo supervisor's employee id
	// stages is how far each rater is with the latest period.
	stages map[string]int
	// spans is the office time from the start of each period's ratings
	// to now, up to 20 working days.
	spans map[string]time.Duration
	pp    *people    // who acts, by employee
	clock *rand.Rand // the moments of the acts, apart from the story
}

// assessPeriods makes, rates and calibrates the assessments of year: of
// every monthly period of the running year closed by now (its report
// deadline passed), the latest one under way; of every period of a
// closed year, its months then its annual period, all final and
// calibrated. With the ratings it writes the realisasi they rest on.
func assessPeriods(ctx context.Context, tx *store.Tx, instansiID string, year int, today model.Date, seed int64) error {
	closed := year < today.Time().Year()
	periods, err := tx.Periods(ctx, instansiID, year)
	if err != nil {
		return err
	}
	// A closed year's months are assessed before its annual period, so
	// that the annual evaluation rests on them.
	var past []model.Period
	for _, p := range periods {
		if (p.Kind == model.PeriodMonthly || closed && p.Kind == model.PeriodAnnual) && p.Status == model.PeriodClosed && p.End < today {
			past = append(past, p)
		}
	}
	if len(past) == 0 {
		return nil
	}
	slices.SortFunc(past, func(a, b model.Period) int {
		if (a.Kind == model.PeriodAnnual) != (b.Kind == model.PeriodAnnual) {
			if a.Kind == model.PeriodAnnual {
				return 1
			}
			return -1
		}
		return strings.Compare(string(a.Start), string(b.Start))
	})
	units, err := tx.Units(ctx, instansiID)
	if err != nil {
		return err
	}
	opds := map[string]model.Unit{}
	for _, u := range units {
		if u.OPDID == u.ID {
			opds[u.ID] = u
		}
	}
	as := &assessor{tx: tx, instansiID: instansiID, rules: model.CurrentRules(), seed: seed, now: tx.Now(),
		rng: rand.New(rand.NewPCG(uint64(seed), 0x70656e696c6169^uint64(today.Time().Year()-year))), skps: map[string]model.SKP{}, people: map[string]model.Employee{},
		stages: map[string]int{}, spans: map[string]time.Duration{}, pp: newPeople(tx, instansiID),
		clock: rand.New(rand.NewPCG(uint64(seed), 0x6a616d70656e^uint64(today.Time().Year()-year)))}
	chartToday, err := tx.OrgChart(ctx, instansiID, today)
	if err != nil {
		return err
	}
	if pos, err := tx.PositionByCode(ctx, instansiID, codeLenientPosition); err == nil {
		as.lenient = chartToday.Holder(pos.ID)
	}
	if pos, err := tx.PositionByCode(ctx, instansiID, codeSupervisorPosition); err == nil {
		as.supervisor = chartToday.Holder(pos.ID)
	}
	skps, err := tx.SKPs(ctx, store.SKPFilter{InstansiID: instansiID, Year: year})
	if err != nil {
		return err
	}
	if err := as.loadSKPs(ctx, skps); err != nil {
		return err
	}
	skpOf := as.skps

	var moves []*rating
	// An OPD's period to finalise, with when its last result was sent.
	type opdPeriod struct {
		opd      model.Unit
		period   model.Period
		last     time.Time
		override bool
	}
	var calibrate []opdPeriod
	for i, p := range past {
		latest := i == len(past)-1 && !closed
		override := !closed && len(past) >= 2 && i == len(past)-2
		// Each SKP is rated as the chart stood on its last day in the
		// period: an SKP a transfer closed, by the rater of the post left.
		charts := map[model.Date]*model.OrgChart{}
		chartOf := func(s model.SKP) (*model.OrgChart, error) {
			day := min(p.End, s.PeriodEnd)
			if c, ok := charts[day]; ok {
				return c, nil
			}
			c, err := tx.OrgChart(ctx, instansiID, day)
			charts[day] = c
			return c, err
		}
		cands, err := tx.AssessmentCandidates(ctx, p)
		if err != nil {
			return err
		}
		if _, err := tx.CreateAssessments(ctx, p, model.CurrentRegime, cands); err != nil {
			return err
		}
		list, err := tx.Assessments(ctx, store.AssessmentFilter{InstansiID: instansiID, PeriodID: p.ID})
		if err != nil {
			return err
		}
		perf, err := tx.UnitPerformances(ctx, instansiID, p.ID)
		if err != nil {
			return err
		}
		capaian := map[string]model.Capaian{}
		for _, up := range perf {
			capaian[up.UnitID] = up.Capaian
		}
		byOPD := map[string][]*rating{}
		var raterIDs []string
		for _, a := range list {
			s := skpOf[a.SKPID]
			chart, err := chartOf(s)
			if err != nil {
				return err
			}
			r := &rating{a: a, chart: chart, rater: chart.RaterOn(a.EmployeeID, s.PositionID)}
			if r.rater != "" {
				raterIDs = append(raterIDs, r.rater, chart.UpperRaterOn(a.EmployeeID, s.PositionID))
			}
			byOPD[a.OPDID] = append(byOPD[a.OPDID], r)
		}
		if err := as.loadPeople(ctx, raterIDs); err != nil {
			return err
		}
		// Each period's ratings are written before the next is drawn, so
		// that a large synthetic city holds one period at a time.
		var batch []model.Assessment
		var realisasi []model.Realisasi
		ids := make([]string, 0, len(byOPD))
		for id := range byOPD {
			ids = append(ids, id)
		}
		slices.SortFunc(ids, func(a, b string) int { return strings.Compare(opds[a].Code, opds[b].Code) })
		for _, id := range ids {
			rs := byOPD[id]
			slices.SortFunc(rs, func(a, b *rating) int { return strings.Compare(a.a.Employee.NIP+a.a.SKPID, b.a.Employee.NIP+b.a.SKPID) })
			c := capaian[id]
			if c == "" {
				// No capaian, no curve: left open, its realisasi on target.
				for _, r := range rs {
					realisasi = append(realisasi, as.realisasi(r, p, model.RatingSesuai)...)
				}
				continue
			}
			for _, r := range rs {
				r.merit = as.base(r.a.Employee.NIP) + 0.6*as.rng.NormFloat64()
			}
			broken := override && opds[id].Code == demoOverrideOPD
			// The curve counts people (model.TallyCurve): the pattern is
			// drawn over the assessments that stand for their person; a
			// second SKP (a Plt's) is drawn on its own.
			entries := make([]model.CurveEntry, len(rs))
			for k, r := range rs {
				sk := skpOf[r.a.SKPID]
				entries[k] = model.CurveEntry{AssessmentID: r.a.ID, EmployeeID: r.a.EmployeeID, Status: model.AssessmentOpen,
					Acting: sk.Acting != "", SKPEnd: sk.PeriodEnd}
			}
			tally := model.TallyCurve(entries)
			var counted, extra []*rating
			for _, r := range rs {
				if tally.Counts(r.a.ID) {
					counted = append(counted, r)
				} else {
					extra = append(extra, r)
				}
			}
			if err := as.plan(c, counted, broken); err != nil {
				return fmt.Errorf("penilaian of %s in %s: %w", opds[id].Code, p.Name(), err)
			}
			if len(extra) > 0 {
				if err := as.plan(c, extra, false); err != nil {
					return fmt.Errorf("penilaian of %s in %s: %w", opds[id].Code, p.Name(), err)
				}
			}
			// The realisasi the ratings rest on: above target where hasil
			// kerja is above expectations, on it where as expected, below
			// where below (the rating it ends with, after any move).
			for _, r := range rs {
				realisasi = append(realisasi, as.realisasi(r, p, r.hk)...)
			}
			for _, r := range rs {
				r.status = model.AssessmentFinal
				if latest || r.rater == "" {
					r.status = as.stage(r)
				}
			}
			if latest {
				moves = append(moves, as.pickMoves(opds[id], c, rs, chartToday, len(moves))...)
			}
			final := true
			var last time.Time
			for _, r := range rs {
				if err := as.rate(r, p, latest, i == len(past)-2); err != nil {
					return err
				}
				if r.status != model.AssessmentOpen {
					batch = append(batch, r.a)
				}
				final = final && r.status == model.AssessmentFinal
				if r.a.FinalizedAt.After(last) {
					last = r.a.FinalizedAt
				}
			}
			if latest || !final {
				continue
			}
			calibrate = append(calibrate, opdPeriod{opd: opds[id], period: p, last: last, override: broken})
		}
		var actors []string
		for _, a := range batch {
			actors = append(actors, a.EmployeeID, a.RatedBy, a.FinalizedBy)
		}
		if err := as.pp.load(ctx, actors); err != nil {
			return err
		}
		if err := tx.SeedAssessments(ctx, batch, as.pp.byEmployee); err != nil {
			return err
		}
		var owners []string
		for _, r := range realisasi {
			owners = append(owners, r.UpdatedBy)
		}
		if err := as.pp.load(ctx, owners); err != nil {
			return err
		}
		if _, err := tx.CreateRealisasi(ctx, realisasi, as.pp.byEmployee); err != nil {
			return err
		}
	}
	if err := as.move(ctx, moves, past[len(past)-1]); err != nil {
		return err
	}
	admin, _ := as.pp.account(ctx, "admin")
	for _, op := range calibrate {
		before, err := tx.LockCalibration(ctx, instansiID, op.opd.ID, op.period.ID)
		if err != nil {
			return err
		}
		after := before
		after.Status, after.FinalizedAt = model.CalibrationFinal, as.clamp(officeAdd(op.last, workDay/2+time.Duration(as.rng.IntN(48))*workDay/24))
		if op.opd.HeadPositionID != "" {
			after.FinalizedBy = chartToday.Holder(op.opd.HeadPositionID)
		}
		by, err := as.pp.as(ctx, after.FinalizedBy, after.FinalizedAt)
		if err != nil {
			return err
		}
		if op.override {
			after.FinalizedBy, after.OverrideReason, after.OverriddenBy = admin.UserID, demoOverrideReason, admin.UserID
			by = tx.At(admin, after.FinalizedAt)
		}
		if _, err := by.SetCalibration(ctx, "calibration.finalize", before, after); err != nil {
			return err
		}
	}
	return nil
}

// recordKeberatan writes the demo city's keberatan (an employee's
// objection to a final predikat, the rater's explanation and the atasan's
// decision on it) on the latest month's results, one in each state, each
// step by its person within the rules' days.
func recordKeberatan(ctx context.Context, tx *store.Tx, instansiID string, today model.Date, seed int64) error {
	// The city takes objections to monthly results, so that the demo
	// shows them in every state on the latest month.
	if err := tx.SetPeriodicObjections(ctx, instansiID, true); err != nil {
		return err
	}
	periods, err := tx.Periods(ctx, instansiID, today.Time().Year())
	if err != nil {
		return err
	}
	var latest model.Period
	for _, p := range periods {
		if p.Kind == model.PeriodMonthly && p.Status == model.PeriodClosed && p.End < today && p.End > latest.End {
			latest = p
		}
	}
	if latest.ID == "" {
		return nil
	}
	list, err := tx.Assessments(ctx, store.AssessmentFilter{InstansiID: instansiID, PeriodID: latest.ID, Status: model.AssessmentFinal})
	if err != nil {
		return err
	}
	chart, err := tx.OrgChart(ctx, instansiID, today)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6b65626572617461))
	pp, now := newPeople(tx, instansiID), tx.Now()
	rng.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
	rules := model.CurrentRules()
	steps := []struct {
		reason, explanation, note string
		decision                  model.ObjectionDecision
	}{
		{"Laporan pelayanan minggu terakhir belum diperhitungkan dalam realisasi.", "", "", ""},
		{"Target dokumen tercapai, bukti dukung sudah saya unggah pada progres harian.",
			"Bukti dukung diterima setelah batas pengisian realisasi; sudah diperiksa ulang.", "", ""},
		{"Rating perilaku kerja tidak sesuai dengan umpan balik selama bulan ini.",
			"Umpan balik mencatat dua kali keterlambatan laporan tanpa pemberitahuan.",
			"Penjelasan pejabat penilai didukung catatan umpan balik; hasil penilaian tetap.", model.DecisionKeep},
		{"Kolaborasi lintas bidang yang saya pimpin tidak tercermin dalam rating perilaku kerja.",
			"Kolaborasi itu memang terjadi; saya tidak mencatatnya sebagai umpan balik.",
			"Bukti kolaborasi lintas bidang diterima; rating perilaku kerja dinaikkan.", model.DecisionChange},
	}
	next := 0
	for _, a := range list {
		if next == len(steps) {
			break
		}
		rater, upper := chart.Rater(a.EmployeeID), chart.UpperRater(a.EmployeeID)
		if a.Leader || a.HasilKerja != model.RatingSesuai || a.PerilakuKerja != model.RatingSesuai || rater == "" || upper == "" || upper == rater {
			continue
		}
		// Each step a few days after the one before, within the 14 days
		// for the objection, never after now: the employee objects, the
		// rater explains, the atasan decides.
		deadline := model.ObjectionDeadline(a.ReceivedAt, model.DefaultTimeZone)
		closes := before(model.DefaultTimeZone.EndOfDay(deadline), now)
		submitted := later(a.ReceivedAt, closes, 1+rng.IntN(6), rng)
		if submitted.IsZero() {
			continue
		}
		step := steps[next]
		next++
		by, err := pp.as(ctx, a.EmployeeID, submitted)
		if err != nil {
			return err
		}
		o, err := by.CreateObjection(ctx, model.Objection{InstansiID: instansiID, AssessmentID: a.ID, EmployeeID: a.EmployeeID,
			Reason: step.reason, Deadline: deadline})
		if err != nil {
			return err
		}
		// Each step tells the next person, as the app does.
		link, args := "/keberatan/"+o.ID, []string{a.Employee.Name, latest.Name()}
		for _, to := range []struct{ id, variant string }{{rater, ""}, {upper, "upper"}} {
			if err := by.Notify(ctx, model.Notification{InstansiID: instansiID, EmployeeID: to.id, Kind: "objection.submitted",
				Variant: to.variant, Args: args, Link: link}); err != nil {
				return err
			}
		}
		if step.explanation == "" {
			continue
		}
		at := later(submitted, now, 1+rng.IntN(3), rng)
		if by, err = pp.as(ctx, rater, at); err != nil {
			return err
		}
		explained := o
		explained.Status, explained.Explanation, explained.ExplainedBy, explained.ExplainedAt = model.ObjectionExplained, step.explanation, rater, at
		if o, err = by.UpdateObjection(ctx, "objection.explain", o, explained); err != nil {
			return err
		}
		if err := by.Notify(ctx, model.Notification{InstansiID: instansiID, EmployeeID: upper, Kind: "objection.explained",
			Args: args, Link: link}); err != nil {
			return err
		}
		if step.decision == "" {
			continue
		}
		from := model.RatingPair{HasilKerja: a.HasilKerja, PerilakuKerja: a.PerilakuKerja, Predikat: a.Predikat}
		to := from
		if step.decision == model.DecisionChange {
			to.PerilakuKerja = model.RatingDiAtas
			if to.Predikat, err = rules.Predikat(to.HasilKerja, to.PerilakuKerja); err != nil {
				return err
			}
		}
		at = later(at, now, 1+rng.IntN(4), rng)
		if by, err = pp.as(ctx, upper, at); err != nil {
			return err
		}
		decided := o
		decided.Status, decided.Decision, decided.DecisionNote = model.ObjectionDecided, step.decision, step.note
		decided.From, decided.To, decided.DecidedBy, decided.DecidedAt = from, to, upper, at
		if _, err := by.UpdateObjection(ctx, "objection.decide", o, decided); err != nil {
			return err
		}
		label := map[model.ObjectionDecision]string{model.DecisionKeep: "keep", model.DecisionChange: "change"}[step.decision]
		for _, to := range []struct{ id, variant string }{{a.EmployeeID, label}, {rater, "rater"}} {
			if err := by.Notify(ctx, model.Notification{InstansiID: instansiID, EmployeeID: to.id, Kind: "objection.decided",
				Variant: to.variant, Args: args, Link: link}); err != nil {
				return err
			}
		}
		if step.decision == model.DecisionChange {
			after := a
			after.PerilakuKerja, after.Predikat = to.PerilakuKerja, to.Predikat
			if _, err := by.UpdateAssessment(ctx, "assessment.decide", a, after); err != nil {
				return err
			}
		}
	}
	return nil
}

// loadPeople reads the raters not read yet.
func (as *assessor) loadPeople(ctx context.Context, ids []string) error {
	var missing []string
	seen := map[string]bool{}
	for _, id := range ids {
		if _, ok := as.people[id]; !ok && id != "" && !seen[id] {
			seen[id] = true
			missing = append(missing, id)
		}
	}
	found, err := as.tx.EmployeesByID(ctx, missing)
	if err != nil {
		return err
	}
	for id, e := range found {
		as.people[id] = e
	}
	return nil
}

// base is a person's steady merit, the same every month: some people
// are simply better at their work than others.
func (as *assessor) base(nip string) float64 {
	h := fnv.New64a()
	h.Write([]byte(nip))
	return rand.New(rand.NewPCG(uint64(as.seed), h.Sum64())).NormFloat64()
}

// loadSKPs keeps the year's SKPs with their RHK and indicators, read a
// few hundred SKPs per query.
func (as *assessor) loadSKPs(ctx context.Context, list []model.SKP) error {
	ids := make([]string, 0, len(list))
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	indicators, err := as.tx.IndicatorsOfSKPs(ctx, ids)
	if err != nil {
		return err
	}
	rhk := map[string][]model.RHK{}
	for start := 0; start < len(ids); start += 500 {
		part, err := as.tx.RHKOfSKPs(ctx, ids[start:min(start+500, len(ids))])
		if err != nil {
			return err
		}
		for id, list := range part {
			rhk[id] = list
		}
	}
	for _, s := range list {
		s.RHK = rhk[s.ID]
		for i := range s.RHK {
			s.RHK[i].Indicators = indicators[s.RHK[i].ID]
		}
		as.skps[s.ID] = s
	}
	return nil
}

// realisasi writes, for the SKP of r, the realisasi of period p of each
// of its indicators, as hasil kerja hk reads them: above the period's
// target (its share of the year's for a count) for above expectations, on
// it for as expected, below it for below; r.stand takes each RHK's
// standing, for the umpan balik to say the same.
func (as *assessor) realisasi(r *rating, p model.Period, hk model.Rating) []model.Realisasi {
	s := as.skps[r.a.SKPID]
	want := map[model.Rating]model.Standing{model.RatingDiAtas: model.StandingAbove, model.RatingDiBawah: model.StandingBelow}[hk]
	if want == "" {
		want = model.StandingMeets
	}
	share := 1.0
	if p.Kind != model.PeriodAnnual {
		share = min(1, monthsBetween(max(s.PeriodStart, p.Start), min(s.PeriodEnd, p.End))/max(monthsBetween(s.PeriodStart, s.PeriodEnd), 1e-9))
	}
	basis := demoRealisasiBasis[want]
	if p.Kind == model.PeriodAnnual {
		basis = "Rekapitulasi laporan bulanan " + fmt.Sprint(p.Year) + ": " + basis
	} else {
		basis = "Laporan bulanan " + p.Name() + ": " + basis
	}
	r.stand = map[string]model.Standing{}
	// The employee enters it in the two days after the period, before
	// the rating begins (see rate).
	entered := before(officeHours(workdayAfter(p.End, 1+as.clock.IntN(2)), as.clock), as.now).Format(time.RFC3339Nano)
	var out []model.Realisasi
	for _, rhk := range s.RHK {
		res := model.ResultStanding{RHKID: rhk.ID, Kind: rhk.Kind}
		for _, in := range rhk.Indicators {
			level := in.Aspect == model.AspectKualitas || model.IsPercentUnit(in.Unit)
			value := as.value(in.Target, share, level, want)
			res.Indicators = append(res.Indicators, model.PeriodStanding(in.Target, value, share, level))
			out = append(out, model.Realisasi{SKPID: s.ID, PeriodID: p.ID, IndicatorID: in.ID, Value: value, Basis: basis,
				UpdatedBy: r.a.EmployeeID, UpdatedAt: entered})
		}
		r.stand[rhk.ID] = res.Standing()
	}
	return out
}

// demoRealisasiBasis is the basis of a realisasi, by how it stands to the target.
var demoRealisasiBasis = map[model.Standing]string{
	model.StandingAbove: "keluaran melampaui target, diperiksa pejabat penilai.",
	model.StandingMeets: "keluaran sesuai target, diperiksa pejabat penilai.",
	model.StandingBelow: "sebagian keluaran belum selesai atau dikembalikan untuk diperbaiki.",
}

// value is a realisasi that stands as want to target over share of the
// SKP's days (a level is the target itself in every period).
func (as *assessor) value(target string, share float64, level bool, want model.Standing) string {
	due, ok := model.PeriodTarget(target, share, level)
	n, err := strconv.Atoi(due)
	if !ok || err != nil {
		return target
	}
	switch want {
	case model.StandingAbove:
		if level {
			return fmt.Sprint(min(100, n+2+as.rng.IntN(8)))
		}
		return fmt.Sprint(n + 1 + as.rng.IntN(max(1, n/3)+1))
	case model.StandingBelow:
		if level {
			return fmt.Sprint(n - 8 - as.rng.IntN(15))
		}
		return fmt.Sprint(max(0, n-1-as.rng.IntN(max(1, n/3))))
	}
	return fmt.Sprint(n)
}

// monthsBetween measures the days from a to b, both included, in months,
// each day as its month's fraction, as the assessment screen does.
func monthsBetween(a, b model.Date) float64 {
	from, to := a.Time(), b.Time()
	months := 0.0
	for d := from; !d.After(to); {
		first := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		next := first.AddDate(0, 1, 0)
		last := next.AddDate(0, 0, -1)
		if last.After(to) {
			last = to
		}
		months += (last.Sub(d).Hours()/24 + 1) / (next.Sub(first).Hours() / 24)
		d = next
	}
	return months
}

// cells returns the ratings (hasil kerja, perilaku kerja) that give
// predikat p, with hasil kerja fixed to hk unless it is "".
func (as *assessor) cells(p model.Predikat, hk model.Rating) [][2]model.Rating {
	var out [][2]model.Rating
	for _, h := range model.Ratings {
		if hk != "" && h != hk {
			continue
		}
		for _, k := range model.Ratings {
			if got, _ := as.rules.Predikat(h, k); got == p {
				out = append(out, [2]model.Rating{h, k})
			}
		}
	}
	return out
}

// plan gives each assessment of an OPD in a period its predikat and
// ratings: the counts of each predikat are drawn to fit the pattern of
// the OPD's capaian c (to break it when broken), the leader's hasil kerja
// is the capaian's, the lenient rater's people take Sangat Baik first,
// and the rest are ranked by merit.
func (as *assessor) plan(c model.Capaian, rs []*rating, broken bool) error {
	n := len(rs)
	leaderHK := as.rules.LeaderRating(c, nil)
	var leader *rating
	lenientTeam := 0
	for _, r := range rs {
		if r.a.Leader {
			leader = r
		}
		if r.rater != "" && r.rater == as.lenient {
			lenientTeam++
		}
	}
	minSB := 0
	if lenientTeam > 0 {
		minSB = (lenientTeam*demoLenientShare+99)/100 + (n-lenientTeam)/10
	}
	// Draw until the counts fit (or, when broken, break) the pattern;
	// keep the closest draw should none.
	var counts map[model.Predikat]int
	var leaderPred model.Predikat
	best := -1
	for attempt := 0; attempt < 200; attempt++ {
		draw := drawCounts(c, n, minSB, broken, as.rng)
		pred := model.Predikat("")
		if leader != nil {
			for _, p := range leaderPrefs(c) {
				if draw[p] > 0 && len(as.cells(p, leaderHK)) > 0 {
					pred = p
					break
				}
			}
			if pred == "" { // the leader takes a place from the largest
				pred = leaderPrefs(c)[0]
				big := model.PredikatBaik
				for _, p := range model.Predikats {
					if draw[p] > draw[big] {
						big = p
					}
				}
				draw[big]--
				draw[pred]++
			}
		}
		miss := len(as.rules.Curve(c, n, draw).Violations)
		if broken {
			miss = 1 - min(miss, 1)
		}
		if best < 0 || miss < best {
			best, counts, leaderPred = miss, draw, pred
		}
		if miss == 0 {
			break
		}
	}
	pool := counts
	take := func(r *rating, p model.Predikat) {
		r.pred = p
		pool[p]--
	}
	if leader != nil {
		take(leader, leaderPred)
	}
	var rest []*rating
	if lenientTeam > 0 {
		want := (lenientTeam*demoLenientShare + 99) / 100
		for _, r := range rs {
			if r.rater == as.lenient && r != leader && want > 0 && pool[model.PredikatSangatBaik] > 0 {
				take(r, model.PredikatSangatBaik)
				want--
			}
		}
	}
	for _, r := range rs {
		if r.pred == "" {
			rest = append(rest, r)
		}
	}
	// Ranked by merit within each rater's people, then interleaved by
	// that rank's place in the team (the top third of every team before
	// the second third of any), so that each rater's spread follows the
	// OPD's and only the lenient rater stands out.
	byMerit := func(a, b *rating) int {
		switch {
		case a.merit > b.merit:
			return -1
		case a.merit < b.merit:
			return 1
		}
		return 0
	}
	teams := map[string][]*rating{}
	for _, r := range rest {
		teams[r.rater] = append(teams[r.rater], r)
	}
	place := map[*rating]float64{}
	for _, team := range teams {
		slices.SortStableFunc(team, byMerit)
		for i, r := range team {
			place[r] = (float64(i) + 0.5) / float64(len(team))
		}
	}
	slices.SortStableFunc(rest, func(a, b *rating) int {
		switch {
		case place[a] < place[b]:
			return -1
		case place[a] > place[b]:
			return 1
		}
		return byMerit(a, b)
	})
	k := 0
	for _, p := range model.Predikats {
		for ; pool[p] > 0 && k < len(rest); k++ {
			take(rest[k], p)
		}
	}
	for _, r := range rs {
		hk := model.Rating("")
		if r.a.Leader {
			hk = leaderHK
		}
		cells := as.cells(r.pred, hk)
		if len(cells) == 0 {
			return fmt.Errorf("no ratings give %s", r.pred)
		}
		weights := make([]int, len(cells))
		total := 0
		for i, cell := range cells {
			w := 1
			if cell[0] == model.RatingSesuai {
				w += 4
			}
			if cell[1] == model.RatingSesuai {
				w += 4
			}
			weights[i] = w
			total += w
		}
		roll := as.rng.IntN(total)
		for i, w := range weights {
			if roll < w {
				r.hk, r.pk = cells[i][0], cells[i][1]
				break
			}
			roll -= w
		}
	}
	return nil
}

// leaderPrefs is the order in which a leader's predikat is chosen: the
// one that fits the capaian first.
func leaderPrefs(c model.Capaian) []model.Predikat {
	switch c {
	case model.CapaianIstimewa:
		return []model.Predikat{model.PredikatSangatBaik, model.PredikatBaik, model.PredikatKurang}
	case model.CapaianBaik:
		return []model.Predikat{model.PredikatBaik, model.PredikatKurang}
	}
	return []model.Predikat{model.PredikatButuhPerbaikan, model.PredikatSangatKurang, model.PredikatKurang, model.PredikatBaik}
}

// drawCounts draws how many of n people get each predikat in an OPD whose
// capaian is c: shaped to its pattern, with at least minSB Sangat Baik,
// or, when broken, with too few Butuh Perbaikan for a Butuh Perbaikan
// OPD (too many Baik for any other).
func drawCounts(c model.Capaian, n, minSB int, broken bool, rng *rand.Rand) map[model.Predikat]int {
	pct := func(lo, hi int) int { return (n*(lo+rng.IntN(hi-lo+1)) + 50) / 100 }
	counts := map[model.Predikat]int{}
	switch {
	case broken && c == model.CapaianButuhPerbaikan:
		counts[model.PredikatButuhPerbaikan] = max(1, pct(35, 45))
		counts[model.PredikatKurang] = min(1, n-counts[model.PredikatButuhPerbaikan])
	case broken:
		counts[model.PredikatSangatBaik] = pct(0, 5)
	case c == model.CapaianIstimewa:
		counts[model.PredikatSangatBaik] = min(pct(35, 55), n*70/100)
		if n >= 8 && rng.IntN(2) == 0 {
			counts[model.PredikatKurang] = 1
		}
		if n >= 12 && rng.IntN(2) == 0 {
			counts[model.PredikatButuhPerbaikan] = 1
		}
	case c == model.CapaianBaik:
		counts[model.PredikatSangatBaik] = pct(8, 18)
		low := max(1, pct(8, 18))
		counts[model.PredikatButuhPerbaikan] = (low*3 + 4) / 5
		counts[model.PredikatKurang] = low - counts[model.PredikatButuhPerbaikan]
		if low == 1 && rng.IntN(3) == 0 {
			counts[model.PredikatButuhPerbaikan], counts[model.PredikatKurang] = 0, 1
		}
		if n >= 20 && rng.IntN(3) == 0 {
			counts[model.PredikatSangatKurang] = 1
		}
	case c == model.CapaianButuhPerbaikan:
		counts[model.PredikatButuhPerbaikan] = (n*60+99)/100 + pct(0, 10)
		if rng.IntN(2) == 0 {
			counts[model.PredikatSangatBaik] = n / 10
		}
		if n >= 8 {
			counts[model.PredikatKurang] = 1
		}
		if n >= 10 && rng.IntN(2) == 0 {
			counts[model.PredikatSangatKurang] = 1
		}
	default: // Kurang, Sangat Kurang: not in the demo; everyone Baik
	}
	counts[model.PredikatSangatBaik] = max(counts[model.PredikatSangatBaik], minSB)
	// Baik takes the rest; too few people left takes from the largest.
	for {
		rest := n
		for p, k := range counts {
			if p != model.PredikatBaik {
				rest -= k
			}
		}
		if rest >= 0 {
			counts[model.PredikatBaik] = rest
			break
		}
		big := model.PredikatSangatBaik
		for _, p := range model.Predikats {
			if p != model.PredikatBaik && counts[p] > counts[big] {
				big = p
			}
		}
		counts[big]--
	}
	// A Baik OPD allows at most 70% Baik: the excess is Sangat Baik.
	if c == model.CapaianBaik && !broken {
		if over := counts[model.PredikatBaik] - n*70/100; over > 0 {
			counts[model.PredikatBaik] -= over
			counts[model.PredikatSangatBaik] += over
		}
	}
	return counts
}

// Umpan balik and notes of the demo raters.
var (
	demoRHKFeedback = map[model.Rating][]string{
		model.RatingDiAtas: {"Keluaran melampaui target periode ini dan diterima tanpa perbaikan. Pertahankan.",
			"Hasil kerja lebih dari yang direncanakan; bagikan caranya kepada rekan satu tim.",
			"Target periode ini terlampaui; laporan bulanannya lengkap dan tepat waktu."},
		model.RatingSesuai: {"Keluaran sesuai target periode ini.", "Tercapai sesuai rencana; lampirkan bukti dukung tepat waktu.",
			"Sesuai target. Perhatikan kerapian dokumen sebelum diajukan.", "Hasil kerja sesuai ekspektasi; pertahankan konsistensinya."},
		model.RatingDiBawah: {"Keluaran belum mencapai target periode ini; susun rencana percepatan bersama atasan.",
			"Beberapa keluaran terlambat dan perlu perbaikan berulang.", "Target belum tercapai; laporkan kendala lebih awal agar dapat dibantu."},
	}
	demoBehaviourFeedback = map[model.Rating]string{
		model.RatingDiAtas:  "Menjadi teladan: sigap membantu rekan kerja dan aktif berbagi pengetahuan di unit.",
		model.RatingDiBawah: "Beberapa kali terlambat menyampaikan laporan dan kurang berkoordinasi; perlu perbaikan pada periode berikutnya.",
	}
	demoNotes = map[model.Predikat][]string{
		model.PredikatSangatBaik: {"Layak diusulkan mengikuti pelatihan kepemimpinan.", "Dapat menjadi mentor bagi pegawai baru di unit."},
		model.PredikatBaik:       {"Tingkatkan inisiatif di luar tugas rutin.", "Ikuti bimbingan teknis sesuai bidang tugas."},
		model.PredikatButuhPerbaikan: {"Disepakati rencana perbaikan dengan target bulanan yang dipantau dalam dialog kinerja.",
			"Perlu pendampingan teknis dari rekan senior selama satu bulan."},
		model.PredikatKurang:       {"Perlu pembinaan disiplin dan komunikasi dengan tim; dibahas dalam dialog kinerja."},
		model.PredikatSangatKurang: {"Dijadwalkan dialog kinerja dan rencana perbaikan tertulis; dipantau setiap minggu."},
	}
)

// rate writes a planned rating onto its assessment: the predikat by the
// rules, the umpan balik, the rater's snapshots, the status and the days.
// Older periods are final, most acknowledged; in the latest one each
// rater is done, half way or not started (the demo supervisor always half
// way).
func (as *assessor) rate(r *rating, p model.Period, latest, previous bool) error {
	status := r.status
	if status == model.AssessmentOpen {
		return nil
	}
	hk, pk := r.hk, r.pk
	if r.from != nil { // rated first as it was before the move
		hk, pk = r.from[0], r.from[1]
	}
	pred, err := as.rules.Predikat(hk, pk)
	if err != nil {
		return err
	}
	s := as.skps[r.a.SKPID]
	a := &r.a
	a.Status, a.HasilKerja, a.PerilakuKerja, a.Predikat = status, hk, pk, pred
	a.Feedback = model.AssessmentFeedback{RHK: map[string]string{}}
	for _, rhk := range s.RHK {
		texts := demoRHKFeedback[hk]
		switch r.stand[rhk.ID] {
		case model.StandingAbove:
			texts = demoRHKFeedback[model.RatingDiAtas]
		case model.StandingBelow:
			texts = demoRHKFeedback[model.RatingDiBawah]
		}
		a.Feedback.RHK[rhk.ID] = texts[as.rng.IntN(len(texts))]
	}
	// Every SKP carries the seven core values.
	if text, ok := demoBehaviourFeedback[pk]; ok {
		value := model.Kolaboratif
		if pk == model.RatingDiBawah {
			value = model.Akuntabel
		}
		a.Feedback.Behaviours = map[model.CoreValue]string{value: text}
	}
	if (pred != model.PredikatBaik && pred != model.PredikatSangatBaik) || as.rng.IntN(4) == 0 {
		notes := demoNotes[pred]
		a.Note = notes[as.rng.IntN(len(notes))]
	}
	a.Rater = model.SnapshotOf(as.people[r.rater])
	if up := r.chart.UpperRaterOn(a.EmployeeID, s.PositionID); up != "" {
		a.UpperRater = model.SnapshotOf(as.people[up])
	}
	// Rated in the working days after the period, sent a day or two
	// later, acknowledged within the week, all in office hours; never
	// after now. From the office's opening on the third working day after
	// the period: the capaian of the OPD is set the day before
	// (setUnitPerformance).
	start := onDay(workdayAfter(p.End, 3), 0)
	span, ok := as.spans[p.ID]
	if !ok {
		span = max(officeBetween(start, lastAtWork(as.now.Add(-time.Minute)), 20*workDay), time.Minute)
		as.spans[p.ID] = span
	}
	step := func(days int) time.Duration {
		return time.Duration(as.rng.Int64N(int64(min(time.Duration(days)*workDay, span/4)) + 1)).Truncate(time.Minute)
	}
	a.RatedBy, a.RatedAt, a.Version = r.rater, as.clamp(officeAdd(start, step(5))), 2
	a.UpdatedAt = a.RatedAt
	if status == model.AssessmentFinal {
		a.FinalizedBy, a.FinalizedAt, a.Version = r.rater, as.clamp(officeAdd(a.RatedAt, step(3))), 3
		a.UpdatedAt = a.FinalizedAt
		ack := 80
		switch {
		case latest:
			ack = 20
		case previous:
			ack = 45
		}
		if as.rng.IntN(100) < ack {
			a.AcknowledgedAt, a.Version = as.clamp(officeAdd(a.FinalizedAt, step(4))), 4
			a.UpdatedAt = a.AcknowledgedAt
		}
	}
	return nil
}

// stage is the status of an assessment of the latest period: each rater
// has not started (open), rated without sending all (rated, some final),
// or is done (final). The demo supervisor has rated half of their people
// and not started on the other half. Without a rater it stays open.
func (as *assessor) stage(r *rating) model.AssessmentStatus {
	switch r.rater {
	case "":
		return model.AssessmentOpen
	case as.supervisor:
		as.stages[r.rater]++
		if as.stages[r.rater]%2 == 0 {
			return model.AssessmentRated
		}
		return model.AssessmentOpen
	}
	st, ok := as.stages[r.rater]
	if !ok {
		st = as.rng.IntN(10)
		as.stages[r.rater] = st
	}
	switch {
	case st < 3:
		return model.AssessmentOpen
	case st < 6 && as.rng.IntN(2) == 0:
		return model.AssessmentRated
	}
	return model.AssessmentFinal
}

// clamp keeps a time before now, in office hours (before).
func (as *assessor) clamp(t time.Time) time.Time {
	return before(t, as.now)
}

// demoMoves is how many ratings of the latest period are moved in
// calibration, at most one per OPD.
const demoMoves = 5

// Reasons of the calibration moves, by the predikat the rating moves to.
var demoMoveReasons = map[model.Predikat][]string{
	model.PredikatBaik: {"Kedua RHK utama tercapai sesuai target, tidak melampauinya, dan perilaku kerja sesuai ekspektasi; " +
		"disamakan dengan ukuran yang dipakai pejabat penilai lain di OPD ini.",
		"Keluaran yang melampaui target berasal dari kegiatan tim, bukan dari RHK pegawai sendiri; dinilai sesuai ekspektasi."},
	model.PredikatSangatBaik: {"Realisasi diverifikasi ulang bersama Bappeda: kedua RHK utama melampaui target bulanan, bukti " +
		"dukungnya lengkap, dan pegawai menjadi rujukan rekan kerja.",
		"Pegawai memimpin penyelesaian layanan yang tertunda di luar jam kerja; hasil kerjanya di atas ekspektasi."},
}

// pickMoves chooses, in some OPDs of the latest period, one rating that
// the OPD head moved on the calibration screen: in a Baik OPD a Sangat
// Baik brought back to Baik, in an Istimewa one a Baik raised to Sangat
// Baik. The curve is drawn with the moved ratings, so it fits after the
// moves. The lenient rater's ratings are left as they gave them.
func (as *assessor) pickMoves(opd model.Unit, c model.Capaian, rs []*rating, chart *model.OrgChart, made int) []*rating {
	if made >= demoMoves || opd.HeadPositionID == "" || as.rng.IntN(3) != 0 {
		return nil
	}
	mover := chart.Holder(opd.HeadPositionID)
	for _, r := range rs {
		// Calibration moves only a result that was sent.
		if r.status != model.AssessmentFinal || r.a.Leader || r.rater == "" || r.rater == as.lenient ||
			mover == "" || mover == r.a.EmployeeID || mover == r.rater {
			continue
		}
		switch {
		case c == model.CapaianBaik && r.pred == model.PredikatBaik:
			r.from = &[2]model.Rating{model.RatingDiAtas, model.RatingDiAtas}
		case c == model.CapaianIstimewa && r.pred == model.PredikatSangatBaik:
			r.from = &[2]model.Rating{model.RatingSesuai, model.RatingDiAtas}
		default:
			continue
		}
		reasons := demoMoveReasons[r.pred]
		r.mover, r.reason = mover, reasons[made%len(reasons)]
		return []*rating{r}
	}
	return nil
}

// move writes the calibration moves chosen by pickMoves as the app does:
// the assessment changed, the move recorded with its reason, the rated
// person and the rater told.
func (as *assessor) move(ctx context.Context, moves []*rating, p model.Period) error {
	for _, r := range moves {
		before := r.a
		after := before
		pred, err := as.rules.Predikat(r.hk, r.pk)
		if err != nil {
			return err
		}
		after.HasilKerja, after.PerilakuKerja, after.Predikat = r.hk, r.pk, pred
		// The OPD head moves it on the calibration screen a day or two
		// after it was rated or sent.
		last := before.RatedAt
		for _, t := range []time.Time{before.FinalizedAt, before.AcknowledgedAt} {
			if t.After(last) {
				last = t
			}
		}
		tx, err := as.pp.as(ctx, r.mover, as.clamp(officeAdd(last, workDay/2+time.Duration(as.rng.IntN(28))*workDay/24)))
		if err != nil {
			return err
		}
		if r.a, err = tx.UpdateAssessment(ctx, "assessment.move", before, after); err != nil {
			return err
		}
		if _, err := tx.AddAssessmentMove(ctx, model.AssessmentMove{AssessmentID: before.ID, MovedBy: r.mover, Reason: r.reason,
			From: model.RatingPair{HasilKerja: before.HasilKerja, PerilakuKerja: before.PerilakuKerja, Predikat: before.Predikat},
			To:   model.RatingPair{HasilKerja: after.HasilKerja, PerilakuKerja: after.PerilakuKerja, Predikat: after.Predikat}}); err != nil {
			return err
		}
		for _, to := range []struct{ id, variant string }{{before.EmployeeID, "received"}, {before.RatedBy, ""}} {
			who := to.id
			if err := tx.Notify(ctx, model.Notification{InstansiID: as.instansiID, EmployeeID: who, Kind: "assessment.moved", Variant: to.variant,
				Args: []string{before.Employee.Name, p.Name(), r.reason}, Link: "/penilaian/" + before.ID}); err != nil {
				return err
			}
		}
	}
	return nil
}
