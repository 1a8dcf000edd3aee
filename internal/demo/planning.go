package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// The demo year: the current performance year is open with monthly
// periods, and planning is mostly complete. Leaders' SKP are approved so
// that their staff can cascade; a few ASN are still in draft, waiting for
// approval, returned with a note, or have not started, so that every
// planning screen shows real content.

// reportsDue reports whether the report deadline of period p has passed
// on day today (reports are taken through the deadline day itself): the
// demo closes, assesses and rates a period only then.
func reportsDue(p model.Period, today model.Date) bool {
	return p.ReportDeadline != "" && p.ReportDeadline < today
}

// Shares of employees (in percent) by the state of their SKP; the rest
// are approved.
const (
	shareNotStarted = 6
	shareDraft      = 5
	shareSubmitted  = 5
	shareReturned   = 3
)

// planYear plans a performance year. The year of today is running; an
// earlier one (closed) has every SKP approved in January, planned on the
// organisation of its last day, and its annual evaluation closed.
//
// A period closes only once its report deadline has passed (reportsDue),
// as an admin closes it: on the first days of a month the month before
// is still open, and its entries and realisasi are still taken. The one
// exception is the annual evaluation of a closed year, closed (and
// assessed) even in the January of its report deadline, so that the
// demo always shows a year's final results.
//
// An employee moved in the year (b.moved) has two SKPs in it: the one of
// the post they left, approved in January and closed the day before the
// TMT, as a transfer closes it, and the one of their new post from the
// TMT, approved in the days after.
func planYear(ctx context.Context, tx *store.Tx, instansiID string, year int, today model.Date, seed int64, transfers []moved, progress func(string, int, int)) error {
	closed := year < today.Time().Year()
	periods, err := model.GeneratePeriods(year, model.PeriodMonthly, model.DefaultReportDays)
	if err != nil {
		return err
	}
	for i := range periods {
		p := &periods[i]
		switch {
		case closed:
			// A past year is closed whole: its annual evaluation is
			// closed only once no month of it is open (app.MovePeriod).
			p.Status = model.PeriodClosed
		case reportsDue(*p, today):
			p.Status = model.PeriodClosed
		case p.Start <= today:
			p.Status = model.PeriodOpen
		}
	}
	if err := tx.CreateYear(ctx, instansiID, year, model.PeriodMonthly, periods); err != nil {
		return err
	}

	day := today
	if closed {
		day = model.Date(fmt.Sprintf("%d-12-31", year))
	}
	chart, err := tx.OrgChart(ctx, instansiID, day)
	if err != nil {
		return err
	}
	page, err := tx.Employees(ctx, model.EmployeeFilter{InstansiID: instansiID, Limit: 200})
	if err != nil {
		return err
	}
	var people []model.Employee
	for {
		people = append(people, page.Items...)
		if page.NextCursor == "" {
			break
		}
		if page, err = tx.Employees(ctx, model.EmployeeFilter{InstansiID: instansiID, Limit: 200, Cursor: page.NextCursor}); err != nil {
			return err
		}
	}
	byID := map[string]model.Employee{}
	for _, e := range people {
		byID[e.ID] = e
	}
	// Plan from the top down, so that a supervisor's approved SKP exists
	// before their staff intervene it.
	depth := func(id string) int {
		n := 0
		for r := chart.Rater(id); r != "" && n < 20; r = chart.Rater(r) {
			n++
		}
		return n
	}
	slices.SortStableFunc(people, func(a, b model.Employee) int {
		if d := depth(a.ID) - depth(b.ID); d != 0 {
			return d
		}
		return strings.Compare(a.NIP, b.NIP)
	})

	rng := rand.New(rand.NewPCG(uint64(seed), 0x736b70^uint64(today.Time().Year()-year)))
	approved := map[string]model.SKP{}       // employee -> approved SKP of their definitive post
	actingApproved := map[string]model.SKP{} // post held as Plt or Plh -> its approved SKP
	// parentOf is the approved SKP whose RHK the work of employee id on
	// post (their definitive one when "") intervenes: the SKP of the post
	// through which their pejabat penilai rates them, a Plt's SKP of the
	// acting post when that is the way.
	parentOf := func(id, post string) (model.SKP, bool) {
		through, kind := chart.RaterPostOn(id, post)
		if kind == model.PlacementPlt || kind == model.PlacementPlh {
			s, ok := actingApproved[through]
			return s, ok
		}
		s, ok := approved[chart.RaterOn(id, post)]
		return s, ok
	}
	jan := time.Date(year, 1, 20, 2, 0, 0, 0, time.UTC)
	movedIn := map[string]moved{} // employee -> their transfer of this year
	for _, m := range transfers {
		if m.tmt.Time().Year() == year {
			movedIn[m.employeeID] = m
		}
	}
	// The SKPs are planned in memory and written a thousand at a time;
	// each act of one is audited as the person's who took it, when they
	// took it (store.SKPBatch.At).
	pp := newPeople(tx, instansiID)
	ids := make([]string, 0, len(people))
	for _, e := range people {
		ids = append(ids, e.ID)
	}
	if err := pp.load(ctx, ids); err != nil {
		return err
	}
	base := tx.NewSKPBatch()
	batch := base
	as := func(id string, at time.Time) *store.SKPBatch {
		if a, ok := pp.byEmployee[id]; ok {
			return base.At(a, at)
		}
		return base.At(tx.Actor(), at)
	}
	for n, e := range people {
		if base.Len() >= skpBatch {
			if err := base.Flush(ctx); err != nil {
				return err
			}
			progress("skp", n, len(people))
		}
		if e.Status == model.StatusPejabatNegara || e.PositionID == "" {
			continue
		}
		leader := len(chart.Team(e.ID)) > 0
		roll := rng.IntN(100)
		m, isMoved := movedIn[e.ID]
		if closed || isMoved {
			roll = 100 // a closed year's plans were all approved, and a moved one's
		}
		if !leader && roll < shareNotStarted {
			continue
		}
		rater, upper := byID[chart.Rater(e.ID)], byID[chart.UpperRater(e.ID)]
		s := model.SKP{InstansiID: instansiID, EmployeeID: e.ID, Year: year, Approach: model.ApproachKuantitatif,
			Format: model.FormatFor(e.PositionKind), PeriodStart: model.Date(fmt.Sprintf("%d-01-01", year)),
			PeriodEnd: model.Date(fmt.Sprintf("%d-12-31", year)), Employee: model.SnapshotOf(e),
			Lampiran: model.Lampiran{DukunganSumberDaya: []string{"Anggaran kegiatan pada DPA " + e.UnitName},
				SkemaPertanggungjawaban: []string{"Laporan bulanan kepada pejabat penilai kinerja"},
				Konsekuensi:             []string{"Realisasi di bawah target dibahas dalam dialog kinerja"}}}
		if isMoved {
			s.PeriodStart = m.tmt
		}
		if rater.ID != "" {
			s.Rater = model.SnapshotOf(rater)
		}
		if upper.ID != "" {
			s.UpperRater = model.SnapshotOf(upper)
		}
		// The employee drafts the plan an hour before the first day it can
		// be sent (the rater adds their expectations half an hour later).
		drafted := workdaysLater(jan, 0).Add(-time.Hour)
		if isMoved {
			drafted = workdaysLater(m.tmt.Time().Add(26*time.Hour), 0).Add(-time.Hour)
		}
		batch = as(e.ID, drafted)
		s, err := batch.CreateSKP(s, e.PositionID)
		if err != nil {
			return err
		}
		version := s.Version
		parent, parentOK := parentOf(e.ID, "")
		for i, text := range resultsFor(e) {
			r := model.RHK{SKPID: s.ID, Kind: model.RHKUtama, Description: text}
			indicators := indicatorsFor(rng, text)
			if s.Format == model.FormatJPT {
				// The head's RHK come from the unit's Perjanjian Kinerja,
				// signed with the Wali Kota at the start of the year.
				pk := model.PKSasaran{InstansiID: instansiID, UnitID: e.UnitID, Year: year, Description: text}
				for _, in := range indicators {
					pk.Indicators = append(pk.Indicators, model.PKIndicator{Description: in.Description, Target: in.Target, Unit: in.Unit})
				}
				if pk, err = tx.CreatePKSasaran(ctx, pk); err != nil {
					return err
				}
				r.PKSasaranID = pk.ID
				r.PenugasanDari, r.Perspektif = "Wali Kota Sawahlunto", []string{"Penerima Layanan", "Proses Bisnis", "Penguatan Internal"}[i%3]
			} else if parentOK && len(parent.RHK) > 0 {
				r.ParentRHKID = parent.RHK[i%len(parent.RHK)].ID
			}
			if r, err = batch.SaveRHK(version, r); err != nil {
				return err
			}
			version++
			s.RHK = append(s.RHK, r)
			for _, in := range indicators {
				in.RHKID = r.ID
				if _, err := batch.SaveIndicator(version, s.ID, in); err != nil {
					return err
				}
				version++
			}
		}
		if rng.IntN(3) == 0 {
			r, err := batch.SaveRHK(version, model.RHK{SKPID: s.ID, Kind: model.RHKTambahan,
				Description: "Menjadi anggota tim penyusun laporan kinerja " + e.UnitName})
			if err != nil {
				return err
			}
			version++
			if _, err := batch.SaveIndicator(version, s.ID, model.Indicator{RHKID: r.ID, Aspect: model.AspectKuantitas,
				Description: "Jumlah laporan kinerja yang disusun bersama tim", Target: "1", Unit: "laporan"}); err != nil {
				return err
			}
			version++
		}
		if rater.ID != "" && rng.IntN(2) == 0 {
			if err := as(rater.ID, drafted.Add(30*time.Minute)).SetExpectation(version, s.ID, model.Kolaboratif, "Aktif berbagi informasi dan membantu rekan di "+e.UnitName); err != nil {
				return err
			}
			version++
		}

		// States: leaders are approved when their own rater's plan allows.
		canApprove := s.Format == model.FormatJPT || parentOK
		state := model.SKPApproved
		switch {
		case !canApprove || (!leader && roll < shareNotStarted+shareDraft):
			state = model.SKPDraft
		case !leader && roll < shareNotStarted+shareDraft+shareSubmitted:
			state = model.SKPSubmitted
		case !leader && roll < shareNotStarted+shareDraft+shareSubmitted+shareReturned:
			state = model.SKPReturned
		}
		if state == model.SKPDraft {
			continue
		}
		day := workdaysLater(jan.AddDate(0, 0, rng.IntN(10)), 0)
		if isMoved {
			day = workdaysLater(m.tmt.Time().Add(26*time.Hour+time.Duration(rng.IntN(3))*24*time.Hour), 0)
		}
		s.Status, s.SubmittedAt = model.SKPSubmitted, day
		if err := as(e.ID, day).SetSKPStatus(version, s, model.ActSubmit); err != nil {
			return err
		}
		version++
		switch state {
		case model.SKPReturned:
			s.Status, s.ReturnNote = model.SKPReturned, "Lengkapi indikator kualitas dan waktu pada setiap RHK utama."
			if err := as(rater.ID, workdaysLater(day, 1)).SetSKPStatus(version, s, model.ActReturn); err != nil {
				return err
			}
		case model.SKPApproved:
			s.Status, s.ApprovedAt, s.ApprovedBy = model.SKPApproved, workdaysLater(day, 1+rng.IntN(5)), rater.ID
			if err := as(rater.ID, s.ApprovedAt).SetSKPStatus(version, s, model.ActApprove); err != nil {
				return err
			}
			full, err := batch.SKP(s.ID)
			if err != nil {
				return err
			}
			if err := batch.SaveSKPVersion(full); err != nil {
				return err
			}
			approved[e.ID] = full
			if leader {
				if err := planActing(ctx, tx, as, chart, year, e, byID, rng, parentOf, actingApproved); err != nil {
					return err
				}
			}
		}
	}
	for _, m := range transfers {
		if e, ok := byID[m.employeeID]; ok && m.tmt.Time().Year() == year {
			if err := planLeft(ctx, tx, as, pp, instansiID, year, e, m, byID, rng, approved); err != nil {
				return err
			}
		}
	}
	if err := base.Flush(ctx); err != nil {
		return err
	}
	progress("skp", len(people), len(people))
	return nil
}

// planLeft plans, approves in January and closes the day before the TMT
// the SKP of the post employee e left in year (m), rated by whoever rated
// them on its last day, its RHK intervening that rater's SKP.
//
// Its acts are the employee's, the rater's and, for the close, the BKPSDM
// administrator's who recorded the transfer on its TMT; as gives the batch
// acting as an employee at an instant.
func planLeft(ctx context.Context, tx *store.Tx, as func(string, time.Time) *store.SKPBatch, pp *people, instansiID string, year int, e model.Employee, m moved,
	byID map[string]model.Employee, rng *rand.Rand, approved map[string]model.SKP) error {
	last := model.Date(m.tmt.Time().AddDate(0, 0, -1).Format(time.DateOnly))
	chart, err := tx.OrgChart(ctx, instansiID, last)
	if err != nil {
		return err
	}
	before := e
	before.PositionID, before.PositionName, before.PositionKind, before.UnitName = m.from.ID, m.from.Name, m.from.Kind, m.fromUnit
	before.UnitID = m.from.UnitID
	s := model.SKP{InstansiID: instansiID, EmployeeID: e.ID, Year: year, Approach: model.ApproachKuantitatif,
		Format: model.FormatFor(m.from.Kind), PeriodStart: model.Date(fmt.Sprintf("%d-01-01", year)), PeriodEnd: last,
		Employee: model.SnapshotOf(before),
		Lampiran: model.Lampiran{DukunganSumberDaya: []string{"Anggaran kegiatan pada DPA " + m.fromUnit},
			SkemaPertanggungjawaban: []string{"Laporan bulanan kepada pejabat penilai kinerja"},
			Konsekuensi:             []string{"Realisasi di bawah target dibahas dalam dialog kinerja"}}}
	rater := byID[chart.Rater(e.ID)]
	if rater.ID == "" {
		return nil // nobody to approve it
	}
	s.Rater = model.SnapshotOf(rater)
	if up, ok := byID[chart.UpperRater(e.ID)]; ok {
		s.UpperRater = model.SnapshotOf(up)
	}
	day := workdaysLater(time.Date(year, 1, 21, 2, 0, 0, 0, time.UTC), 0)
	batch := as(e.ID, day.Add(-time.Hour))
	s, err = batch.CreateSKP(s, m.from.ID)
	if err != nil {
		return err
	}
	version := s.Version
	parent := approved[rater.ID]
	for i, text := range resultsFor(before) {
		r := model.RHK{SKPID: s.ID, Kind: model.RHKUtama, Description: text}
		if len(parent.RHK) > 0 {
			r.ParentRHKID = parent.RHK[i%len(parent.RHK)].ID
		}
		if r, err = batch.SaveRHK(version, r); err != nil {
			return err
		}
		version++
		for _, in := range indicatorsFor(rng, text) {
			in.RHKID = r.ID
			if _, err := batch.SaveIndicator(version, s.ID, in); err != nil {
				return err
			}
			version++
		}
	}
	s.Status, s.SubmittedAt = model.SKPSubmitted, day
	if err := as(e.ID, day).SetSKPStatus(version, s, model.ActSubmit); err != nil {
		return err
	}
	version++
	s.Status, s.ApprovedAt, s.ApprovedBy = model.SKPApproved, workdaysLater(day, 2), rater.ID
	if err := as(rater.ID, s.ApprovedAt).SetSKPStatus(version, s, model.ActApprove); err != nil {
		return err
	}
	version++
	full, err := batch.SKP(s.ID)
	if err != nil {
		return err
	}
	if err := batch.SaveSKPVersion(full); err != nil {
		return err
	}
	s.Status = model.SKPClosed
	admin, err := pp.account(ctx, "admin")
	if err != nil {
		return err
	}
	recorded := workdaysLater(m.tmt.Time().Add(time.Hour), 0) // 08:00 on the TMT's working day
	return batch.At(admin, recorded).SetSKPStatus(version, s, model.ActClose)
}

// planActing plans and approves, for a Plt or Plh, the SKP of each post
// they act in this year (docs/organisasi-plt-plh.md): from the start of
// the placement, rated by whoever rates the acting post, its RHK
// intervening that rater's SKP; the acting post's staff then intervene it.
func planActing(ctx context.Context, tx *store.Tx, as func(string, time.Time) *store.SKPBatch, chart *model.OrgChart, year int, e model.Employee, byID map[string]model.Employee,
	rng *rand.Rand, parentOf func(id, post string) (model.SKP, bool), actingApproved map[string]model.SKP) error {
	placements, err := tx.Placements(ctx, e.ID)
	if err != nil {
		return err
	}
	for _, pl := range placements {
		if pl.Kind != model.PlacementPlt && pl.Kind != model.PlacementPlh || pl.End != "" || chart.HeldAs(e.ID, pl.PositionID) != pl.Kind ||
			pl.Start > model.Date(fmt.Sprintf("%d-12-31", year)) {
			continue
		}
		pos, err := tx.Position(ctx, pl.PositionID)
		if err != nil {
			return err
		}
		s := model.SKP{InstansiID: e.InstansiID, EmployeeID: e.ID, Year: year, Approach: model.ApproachKuantitatif,
			Format: model.FormatFor(pos.Kind), PeriodStart: max(pl.Start, model.Date(fmt.Sprintf("%d-01-01", year))), PeriodEnd: model.Date(fmt.Sprintf("%d-12-31", year)),
			Acting: pl.Kind, Employee: model.SnapshotOf(e),
			Lampiran: model.Lampiran{DukunganSumberDaya: []string{"Anggaran kegiatan pada DPA " + pl.UnitName},
				SkemaPertanggungjawaban: []string{"Laporan bulanan kepada pejabat penilai kinerja"}, Konsekuensi: []string{}}}
		s.Employee.Position, s.Employee.Unit = model.ActingTitle(pl.Kind, pos.Name), pl.UnitName
		if r, ok := byID[chart.RaterOn(e.ID, pl.PositionID)]; ok {
			s.Rater = model.SnapshotOf(r)
		}
		if u, ok := byID[chart.UpperRaterOn(e.ID, pl.PositionID)]; ok {
			s.UpperRater = model.SnapshotOf(u)
		}
		// Drafted at 08:00 on the first working day of the acting duty,
		// sent a few working days later.
		start := s.PeriodStart.Time()
		batch := as(e.ID, workdaysLater(time.Date(year, start.Month(), start.Day(), 1, 0, 0, 0, time.UTC), 0))
		if s, err = batch.CreateSKP(s, pl.PositionID); err != nil {
			return err
		}
		version := s.Version
		parent, parentOK := parentOf(e.ID, pl.PositionID)
		acting := e
		acting.PositionName, acting.PositionKind, acting.UnitName = pos.Name, pos.Kind, pl.UnitName
		for i, text := range resultsFor(acting) {
			r := model.RHK{SKPID: s.ID, Kind: model.RHKUtama, Description: text}
			if parentOK && len(parent.RHK) > 0 {
				r.ParentRHKID = parent.RHK[i%len(parent.RHK)].ID
			}
			if r, err = batch.SaveRHK(version, r); err != nil {
				return err
			}
			version++
			for _, in := range indicatorsFor(rng, text) {
				in.RHKID = r.ID
				if _, err := batch.SaveIndicator(version, s.ID, in); err != nil {
					return err
				}
				version++
			}
		}
		day := workdaysLater(time.Date(year, start.Month(), start.Day(), 2, 0, 0, 0, time.UTC), 1+rng.IntN(3))
		s.Status, s.SubmittedAt = model.SKPSubmitted, day
		if err := as(e.ID, day).SetSKPStatus(version, s, model.ActSubmit); err != nil {
			return err
		}
		version++
		s.Status, s.ApprovedAt, s.ApprovedBy = model.SKPApproved, workdaysLater(day, 1), s.Rater.EmployeeID
		if err := as(s.Rater.EmployeeID, s.ApprovedAt).SetSKPStatus(version, s, model.ActApprove); err != nil {
			return err
		}
		full, err := batch.SKP(s.ID)
		if err != nil {
			return err
		}
		if err := batch.SaveSKPVersion(full); err != nil {
			return err
		}
		actingApproved[pl.PositionID] = full
	}
	return nil
}

// skpBatch is how many SKPs are planned in memory before they are written.
const skpBatch = 1000

// resultsFor writes two RHK utama that fit the employee's position.
func resultsFor(e model.Employee) []string {
	unit := e.UnitName
	pos := strings.ToLower(e.PositionName)
	switch {
	case e.PositionKind.IsJPT():
		return []string{"Meningkatnya kinerja dan kualitas layanan " + unit,
			"Terwujudnya tata kelola " + unit + " yang akuntabel"}
	case e.PositionKind == model.PositionAdministrator:
		return []string{"Terlaksananya program " + unit + " sesuai rencana kerja tahunan",
			"Meningkatnya kualitas layanan " + unit}
	case e.PositionKind == model.PositionPengawas:
		return []string{"Terkelolanya kegiatan " + unit + " tepat waktu", "Tersusunnya laporan kinerja " + unit}
	case strings.Contains(pos, "guru"), strings.Contains(pos, "kepala sd"), strings.Contains(pos, "kepala smp"):
		return []string{"Terlaksananya pembelajaran yang berkualitas di " + unit, "Meningkatnya hasil belajar peserta didik"}
	case strings.Contains(pos, "perawat"), strings.Contains(pos, "bidan"), strings.Contains(pos, "dokter"):
		return []string{"Terlaksananya pelayanan kesehatan pasien sesuai standar", "Tersusunnya dokumentasi pelayanan kesehatan"}
	}
	return []string{"Terselesaikannya tugas " + e.PositionName + " sesuai standar", "Tersusunnya laporan hasil kerja " + e.PositionName}
}

func indicatorsFor(rng *rand.Rand, rhk string) []model.Indicator {
	n := 4 + rng.IntN(9)
	return []model.Indicator{
		{Aspect: model.AspectKuantitas, Description: "Jumlah keluaran: " + strings.ToLower(rhk), Target: fmt.Sprint(n), Unit: "dokumen"},
		{Aspect: model.AspectKualitas, Description: "Persentase keluaran yang diterima tanpa perbaikan", Target: "90", Unit: "%"},
	}
}
