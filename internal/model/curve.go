package model

// The count of the pola distribusi (decision 7), in one place: whom the
// curve of an OPD in a period counts, which of their assessments stands
// for them, and whether one more result may be sent. Sending a result,
// the calibration screen and its API, the documents (Evaluasi Kinerja
// Pegawai, Penetapan Predikat Kinerja Organisasi) and the chart all count
// through TallyCurve and Rules.CurveOf.
//
// The base of every share is the number of pegawai of the OPD assessed in
// the period: every person with an assessment of the OPD in the period,
// rated or not, so that the limits do not move as ratings arrive. The
// curve counts people, not SKPs: a person with several assessments in the
// OPD and period (a Plt or Plh with an SKP for the post they act in, or a
// transfer inside the OPD within the period) counts once, with the
// assessment of their definitive SKP, or of the SKP that ends last when
// none or several are definitive. Their other assessments are rated and
// sent as usual but do not count in the curve.

// CurveEntry is one assessment of an OPD in a period as the curve sees it.
type CurveEntry struct {
	AssessmentID string
	EmployeeID   string
	Status       AssessmentStatus
	Predikat     Predikat // "" while not rated
	Acting       bool     // the assessment of an SKP as Plt or Plh
	SKPEnd       Date     // the last day of the assessment's SKP
}

// CurveTally is an OPD's assessments in a period counted for the curve.
type CurveTally struct {
	// People is the base of the shares: the pegawai of the OPD assessed
	// in the period, each once.
	People int
	// Rated counts the predikat of the people whose counted assessment
	// is rated or final; Final those whose counted assessment is final.
	Rated, Final map[Predikat]int
	// Status counts every assessment of the OPD in the period (each SKP,
	// counted or not) by status: what is still to be rated or sent.
	Status      map[AssessmentStatus]int
	Assessments int

	counted map[string]bool
}

// Counts reports whether the assessment stands for its person in the
// curve.
func (t CurveTally) Counts(assessmentID string) bool { return t.counted[assessmentID] }

// Pending is how many assessments of the OPD in the period are not final
// yet (open or rated, not sent).
func (t CurveTally) Pending() int { return t.Status[AssessmentOpen] + t.Status[AssessmentRated] }

// TallyCurve counts an OPD's assessments in a period for the curve.
func TallyCurve(entries []CurveEntry) CurveTally {
	t := CurveTally{Rated: map[Predikat]int{}, Final: map[Predikat]int{}, Status: map[AssessmentStatus]int{},
		counted: make(map[string]bool, len(entries))}
	best := make(map[string]CurveEntry, len(entries))
	for _, e := range entries {
		t.Status[e.Status]++
		t.Assessments++
		if cur, seen := best[e.EmployeeID]; !seen || standsBefore(e, cur) {
			best[e.EmployeeID] = e
		}
	}
	// The counts add up in any order: the person's entry is chosen by
	// standsBefore alone.
	for _, e := range best {
		t.People++
		t.counted[e.AssessmentID] = true
		if e.Predikat == "" || e.Status == AssessmentOpen {
			continue
		}
		t.Rated[e.Predikat]++
		if e.Status == AssessmentFinal {
			t.Final[e.Predikat]++
		}
	}
	return t
}

// standsBefore reports whether a stands for its person rather than b: a
// definitive SKP's assessment before an acting one, then the SKP that ends
// last, then the smaller id, so that the choice never depends on order.
func standsBefore(a, b CurveEntry) bool {
	if a.Acting != b.Acting {
		return !a.Acting
	}
	if a.SKPEnd != b.SKPEnd {
		return a.SKPEnd > b.SKPEnd
	}
	return a.AssessmentID < b.AssessmentID
}

// CurveOf checks the tally against the pattern of capaian c: live counts
// every rated or final predikat (the calibration screen, as ratings
// change), sent the final ones only (what has been given to the
// employees: the documents, and the limits a send must respect). Both
// share the base t.People.
func (r Rules) CurveOf(c Capaian, t CurveTally) (live, sent CurveCheck) {
	return r.Curve(c, t.People, t.Rated), r.Curve(c, t.People, t.Final)
}

// CurveRoom checks that sending assessment id with predikat p keeps the
// sent results within every maximum of the pattern of capaian c, as the
// calibration screen states it. An assessment that does not count for
// its person, an OPD with fewer people than SmallOPD, and a capaian with
// no pattern pass. The refusal names the limit ("Baik paling banyak 70%
// (22 pegawai); kini 22").
func (r Rules) CurveRoom(c Capaian, t CurveTally, id string, p Predikat) error {
	if !t.Counts(id) || t.People < r.SmallOPD {
		return nil
	}
	for _, l := range r.Curve(c, t.People, t.Final).Limits {
		in := false
		for _, q := range l.Rule.Predikats {
			in = in || q == p
		}
		if in && l.Count+1 > l.Max {
			return Refused("conflict.assessment.curve.full", p.Label(), l.Message)
		}
	}
	return nil
}
