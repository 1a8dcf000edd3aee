package model

// AnnualSuggestion is the suggested annual rating hasil kerja with what
// it rests on: the year's final periodic ratings hasil kerja, counted on
// every SKP of the year, and the suggestion from the year's realisasi
// against the annual targets.
type AnnualSuggestion struct {
	Suggestion
	Periods                    int // final periodic results counted
	PeriodAbove, PeriodMeets   int
	PeriodBelow                int
	FromPeriods, FromRealisasi Rating
	SKPs                       int
}

// ratingRank orders ratings from di bawah (0) to di atas (2).
func ratingRank(r Rating) int {
	switch r {
	case RatingDiAtas:
		return 2
	case RatingSesuai:
		return 1
	}
	return 0
}

// SuggestAnnualHasilKerja suggests the annual rating hasil kerja of an
// employee (PermenPANRB 6/2022: the annual evaluation rests on the
// periodic results and the year's evidence). It applies the C2 guidance
// to the year's final periodic ratings hasil kerja, on every SKP of the
// year (skps of them): di atas when most are di atas and none is di
// bawah, di bawah when most are di bawah, sesuai otherwise. The year's
// realisasi against the annual targets (realisasi, as SuggestHasilKerja
// gives it for the SKP rated) can only lower it: the annual rating
// measures the year's targets, and months rated well do not make up for
// a year's target missed. Without a final periodic result the realisasi
// alone is suggested.
func SuggestAnnualHasilKerja(periodic []Rating, realisasi Suggestion, skps int) AnnualSuggestion {
	s := AnnualSuggestion{SKPs: skps, FromRealisasi: realisasi.Rating}
	for _, r := range periodic {
		switch r {
		case RatingDiAtas:
			s.PeriodAbove++
		case RatingSesuai:
			s.PeriodMeets++
		case RatingDiBawah:
			s.PeriodBelow++
		default:
			continue
		}
		s.Periods++
	}
	if skps > 1 {
		s.Reasons = append(s.Reasons, Msg("suggest.annual.skps", skps))
	}
	if s.Periods == 0 {
		s.Reasons = append(s.Reasons, Msg("suggest.annual.noperiods"))
		s.Reasons = append(s.Reasons, realisasi.Reasons...)
		s.Rating = realisasi.Rating
		return s
	}
	s.Reasons = append(s.Reasons, Msg("suggest.annual.periods", s.Periods, s.PeriodAbove, s.PeriodMeets, s.PeriodBelow))
	switch {
	case 2*s.PeriodBelow > s.Periods:
		s.FromPeriods = RatingDiBawah
		s.Reasons = append(s.Reasons, Msg("suggest.annual.most_below"))
	case 2*s.PeriodAbove > s.Periods && s.PeriodBelow == 0:
		s.FromPeriods = RatingDiAtas
		s.Reasons = append(s.Reasons, Msg("suggest.annual.most_above"))
	default:
		s.FromPeriods = RatingSesuai
		s.Reasons = append(s.Reasons, Msg("suggest.annual.mixed"))
	}
	s.Rating = s.FromPeriods
	switch {
	case realisasi.Rating == "":
		s.Reasons = append(s.Reasons, Msg("suggest.annual.norealisasi"))
	case ratingRank(realisasi.Rating) < ratingRank(s.FromPeriods):
		s.Rating = realisasi.Rating
		s.Reasons = append(s.Reasons, Msg("suggest.annual.lowered", realisasi.Rating.Label()))
	default:
		s.Reasons = append(s.Reasons, Msg("suggest.annual.realisasi", realisasi.Rating.Label()))
	}
	return s
}

// DefaultLeaderMap returns the regime's map from capaian organisasi to
// the unit head's rating hasil kerja (decision 6).
func (r Rules) DefaultLeaderMap() LeaderMap {
	out := LeaderMap{}
	for c, rating := range r.leader {
		out[c] = rating
	}
	return out
}

// LeaderMapProblems checks an instansi's own map: every capaian named and
// mapped to a rating, no other key. It answers a field error per problem
// on field, or nil.
func LeaderMapProblems(m LeaderMap, field string) error {
	var v ValidationError
	for _, c := range Capaians {
		if !m[c].Valid() {
			v.AddErr(field+"."+string(c), Msg("invalid.leader.rating", c.Label()))
		}
	}
	for c := range m {
		if !c.Valid() {
			v.AddErr(field, Msg("invalid.leader.capaian", string(c)))
		}
	}
	return v.Err()
}
