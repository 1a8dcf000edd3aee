package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// This file holds the rules that turn judgements into a predikat: the
// predikat matrix (kuadran kinerja), the distribution patterns of the
// employees' predikat by the organisation's capaian, a unit head's rating
// from the capaian, and the conversion of a predikat to angka kredit. They
// are data plus pure functions, kept per regime: an assessment records the
// regime it was made under and is always read back with that regime's
// rules, so that a later regulation never rewrites history.

// Rating is a rating of hasil kerja or of perilaku kerja
// (PermenPANRB 6/2022): above, as, or below the expectation.
type Rating string

// The three ratings.
const (
	RatingDiAtas  Rating = "di_atas"  // Di Atas Ekspektasi
	RatingSesuai  Rating = "sesuai"   // Sesuai Ekspektasi
	RatingDiBawah Rating = "di_bawah" // Di Bawah Ekspektasi
)

// Ratings lists the ratings from the highest.
var Ratings = []Rating{RatingDiAtas, RatingSesuai, RatingDiBawah}

// Valid reports whether r is one of the three ratings.
func (r Rating) Valid() bool { return r == RatingDiAtas || r == RatingSesuai || r == RatingDiBawah }

// Label is the rating's name as a message ("Di Atas Ekspektasi").
func (r Rating) Label() Message { return Msg("rating." + string(r)) }

// Predikat is the predikat kinerja pegawai, the result of an assessment.
type Predikat string

// The five predikat kinerja pegawai (PermenPANRB 6/2022; SE MenPANRB
// 3/2023 names the middle one "Butuh Perbaikan/Cukup" and the fourth
// "Kurang/Misconduct").
const (
	PredikatSangatBaik     Predikat = "sangat_baik"
	PredikatBaik           Predikat = "baik"
	PredikatButuhPerbaikan Predikat = "butuh_perbaikan"
	PredikatKurang         Predikat = "kurang"
	PredikatSangatKurang   Predikat = "sangat_kurang"
)

// Predikats lists the predikat from the best, the order of the curve's
// axis read right to left.
var Predikats = []Predikat{PredikatSangatBaik, PredikatBaik, PredikatButuhPerbaikan, PredikatKurang, PredikatSangatKurang}

// Valid reports whether p is one of the five predikat.
func (p Predikat) Valid() bool {
	for _, v := range Predikats {
		if p == v {
			return true
		}
	}
	return false
}

// Label is the predikat's name as a message ("Sangat Baik").
func (p Predikat) Label() Message { return Msg("predikat." + string(p)) }

// Capaian is the capaian (predikat) kinerja organisasi of a unit for a
// period, set by the leader above it (SE MenPANRB 3/2023).
type Capaian string

// The five levels of capaian kinerja organisasi.
const (
	CapaianIstimewa       Capaian = "istimewa"
	CapaianBaik           Capaian = "baik"
	CapaianButuhPerbaikan Capaian = "butuh_perbaikan"
	CapaianKurang         Capaian = "kurang"
	CapaianSangatKurang   Capaian = "sangat_kurang"
)

// Capaians lists the levels from the highest.
var Capaians = []Capaian{CapaianIstimewa, CapaianBaik, CapaianButuhPerbaikan, CapaianKurang, CapaianSangatKurang}

// Valid reports whether c is one of the five levels.
func (c Capaian) Valid() bool {
	for _, v := range Capaians {
		if c == v {
			return true
		}
	}
	return false
}

// Label is the level's name as a message ("Istimewa").
func (c Capaian) Label() Message { return Msg("capaian." + string(c)) }

// Regime names the set of rules an assessment is made under.
type Regime string

// Regime2022 is PermenPANRB 6/2022 with SE MenPANRB 3/2023 (distribution),
// Peraturan BKN 3/2023 (angka kredit conversion) and PermenPANRB 1/2023
// (koefisien angka kredit): the rules in force since 2023 (decision 1).
const Regime2022 Regime = "permenpanrb-6-2022"

// CurrentRegime is the regime new assessments are made under.
const CurrentRegime = Regime2022

// Rules are the rules of one regime. Take them with RulesOf; the zero
// value has no rules.
type Rules struct {
	Regime Regime
	// matrix[hasil kerja][perilaku kerja], indexed by ratingIndex.
	matrix [3][3]Predikat
	// patterns is the pola distribusi for each capaian organisasi.
	patterns map[Capaian][]CurveRule
	// SmallOPD is the number of rated employees below which an OPD's
	// curve only warns (decision 7).
	SmallOPD int
	// leader maps the capaian organisasi to the unit head's rating hasil
	// kerja (decision 6), unless the instansi sets its own mapping.
	leader map[Capaian]Rating
	// creditPercent is the share of the yearly koefisien a predikat earns
	// (Peraturan BKN 3/2023).
	creditPercent map[Predikat]int
	// koefisien is the yearly koefisien angka kredit per jenjang, in
	// hundredths (PermenPANRB 1/2023, Lampiran).
	koefisien map[string]int
}

var regimes = map[Regime]Rules{
	Regime2022: {
		Regime: Regime2022,
		// PermenPANRB 6/2022, Lampiran (kuadran kinerja pegawai). Rows:
		// hasil kerja di atas, sesuai, di bawah; columns: perilaku kerja
		// di atas, sesuai, di bawah.
		matrix: [3][3]Predikat{
			{PredikatSangatBaik, PredikatBaik, PredikatKurang},
			{PredikatBaik, PredikatBaik, PredikatKurang},
			{PredikatButuhPerbaikan, PredikatButuhPerbaikan, PredikatSangatKurang},
		},
		// SE MenPANRB 3/2023, pola distribusi predikat kinerja pegawai.
		patterns: map[Capaian][]CurveRule{
			CapaianIstimewa: {
				{ID: "istimewa.sangat_baik.max", Predikats: []Predikat{PredikatSangatBaik}, MaxPercent: 70},
			},
			CapaianBaik: {
				{ID: "baik.baik.max", Predikats: []Predikat{PredikatBaik}, MaxPercent: 70},
				{ID: "baik.perbaikan_kurang.some", Predikats: []Predikat{PredikatButuhPerbaikan, PredikatKurang}, MinCount: 1, MaxPercent: 100},
			},
			CapaianButuhPerbaikan: {
				{ID: "butuh_perbaikan.butuh_perbaikan.min", Predikats: []Predikat{PredikatButuhPerbaikan}, MinPercent: 60, MaxPercent: 100},
				{ID: "butuh_perbaikan.sangat_baik.max", Predikats: []Predikat{PredikatSangatBaik}, MaxPercent: 10},
			},
			CapaianKurang: {
				{ID: "kurang.kurang.min", Predikats: []Predikat{PredikatKurang}, MinPercent: 60, MaxPercent: 100},
				{ID: "kurang.butuh_perbaikan.min", Predikats: []Predikat{PredikatButuhPerbaikan}, MinPercent: 10, MaxPercent: 100},
				{ID: "kurang.sangat_baik.max", Predikats: []Predikat{PredikatSangatBaik}, MaxPercent: 10},
			},
			CapaianSangatKurang: {
				{ID: "sangat_kurang.sangat_kurang.min", Predikats: []Predikat{PredikatSangatKurang}, MinPercent: 60, MaxPercent: 100},
				{ID: "sangat_kurang.kurang_perbaikan.min", Predikats: []Predikat{PredikatKurang, PredikatButuhPerbaikan}, MinPercent: 10, MaxPercent: 100},
				{ID: "sangat_kurang.sangat_baik.none", Predikats: []Predikat{PredikatSangatBaik}, MaxPercent: 0},
			},
		},
		SmallOPD: 10,
		leader: map[Capaian]Rating{
			CapaianIstimewa: RatingDiAtas, CapaianBaik: RatingSesuai,
			CapaianButuhPerbaikan: RatingDiBawah, CapaianKurang: RatingDiBawah, CapaianSangatKurang: RatingDiBawah,
		},
		creditPercent: map[Predikat]int{
			PredikatSangatBaik: 150, PredikatBaik: 100, PredikatButuhPerbaikan: 75,
			PredikatKurang: 50, PredikatSangatKurang: 25,
		},
		koefisien: map[string]int{
			"pemula": 375, "terampil": 500, "mahir": 1250, "penyelia": 2500,
			"ahli_pertama": 1250, "ahli_muda": 2500, "ahli_madya": 3750, "ahli_utama": 5000,
		},
	},
}

// RulesOf returns the rules of a regime; an unknown regime is an error.
func RulesOf(r Regime) (Rules, error) {
	rules, ok := regimes[r]
	if !ok {
		return Rules{}, fmt.Errorf("rules of regime %q: %w", r, ErrNotFound)
	}
	return rules, nil
}

// CurrentRules returns the rules new assessments are made under.
func CurrentRules() Rules { return regimes[CurrentRegime] }

func ratingIndex(r Rating) int {
	switch r {
	case RatingDiAtas:
		return 0
	case RatingSesuai:
		return 1
	case RatingDiBawah:
		return 2
	}
	return -1
}

// Predikat returns the predikat kinerja pegawai of a rating hasil kerja
// and a rating perilaku kerja (the matrix, table C1 of the domain
// reference). A rating that is not one of the three is a validation error
// on the field "hasil_kerja" or "perilaku_kerja".
func (r Rules) Predikat(hasilKerja, perilakuKerja Rating) (Predikat, error) {
	var v ValidationError
	h, p := ratingIndex(hasilKerja), ratingIndex(perilakuKerja)
	if h < 0 {
		v.Add("hasil_kerja", "invalid.rating")
	}
	if p < 0 {
		v.Add("perilaku_kerja", "invalid.rating")
	}
	if err := v.Err(); err != nil {
		return "", err
	}
	return r.matrix[h][p], nil
}

// CurveRule is one constraint of a pola distribusi: the number of rated
// employees whose predikat is one of Predikats lies between the minimum
// and the maximum. Percentages are of the pegawai of the OPD assessed in
// the period, rated or not (see TallyCurve); a minimum rounds up and a maximum rounds down (decision 7),
// so that a small OPD is never allowed more than the share nor asked less.
type CurveRule struct {
	ID         string // stable name, e.g. "baik.baik.max"
	Predikats  []Predikat
	MinPercent int // 0 when there is no minimum share
	MinCount   int // an absolute minimum ("must include"), 0 when none
	MaxPercent int // 100 when there is no maximum
}

// Bounds returns the smallest and largest number of employees the rule
// allows among total rated employees.
func (c CurveRule) Bounds(total int) (lowest, highest int) {
	lowest = (c.MinPercent*total + 99) / 100
	if c.MinCount > lowest && total > 0 {
		lowest = c.MinCount
	}
	highest = c.MaxPercent * total / 100
	return lowest, highest
}

// Pattern returns the rules of the pola distribusi for an OPD whose
// capaian kinerja organisasi is c (table C3), or nil for an unknown c.
func (r Rules) Pattern(c Capaian) []CurveRule { return r.patterns[c] }

// CurveLimit is one rule of the pattern applied to an OPD's count.
type CurveLimit struct {
	Rule    CurveRule
	Min     int // at least this many
	Max     int // at most this many
	Count   int // how many have one of the rule's predikat
	Message Message
}

// Broken reports whether the count lies outside the limit.
func (l CurveLimit) Broken() bool { return l.Count < l.Min || l.Count > l.Max }

// CurveCheck is an OPD's distribution of predikat in a period checked
// against the pattern its capaian allows.
type CurveCheck struct {
	Regime  Regime
	Capaian Capaian
	// Total is the base of the shares: the pegawai of the OPD assessed
	// in the period, rated or not (CurveTally.People).
	Total int
	// Rated is how many of them are counted with a predikat.
	Rated  int
	Counts map[Predikat]int
	Limits []CurveLimit
	// Violations are the limits broken, each with its message.
	Violations []CurveLimit
	// Small is true when the OPD has fewer pegawai assessed in the
	// period than the regime's SmallOPD: the curve then only warns.
	Small bool
}

// Breaks reports whether the distribution breaks the curve in a way that
// needs an override to finalise: a violation in an OPD that is not small.
func (c CurveCheck) Breaks() bool { return len(c.Violations) > 0 && !c.Small }

// Curve checks a distribution of predikat against the pattern of capaian
// c. people is the base of every share: the pegawai of the OPD assessed
// in the period, rated or not (TallyCurve counts it); counts holds how
// many of them have each predikat, and those without a predikat yet are
// not counted. An unknown capaian gives a check with no limits. Use
// CurveOf to check an OPD: it counts the same way everywhere.
func (r Rules) Curve(c Capaian, people int, counts map[Predikat]int) CurveCheck {
	check := CurveCheck{Regime: r.Regime, Capaian: c, Counts: map[Predikat]int{}, Total: people}
	for _, p := range Predikats {
		check.Counts[p] = counts[p]
		check.Rated += counts[p]
	}
	if check.Total < check.Rated {
		check.Total = check.Rated
	}
	check.Small = check.Total < r.SmallOPD
	for _, rule := range r.patterns[c] {
		l := CurveLimit{Rule: rule}
		l.Min, l.Max = rule.Bounds(check.Total)
		names := make([]any, 0, len(rule.Predikats))
		for _, p := range rule.Predikats {
			l.Count += check.Counts[p]
			names = append(names, p.Label())
		}
		l.Message = curveMessage(rule, l, names)
		check.Limits = append(check.Limits, l)
		if check.Rated > 0 && l.Broken() {
			check.Violations = append(check.Violations, l)
		}
	}
	return check
}

// curveMessage words a limit: "Sangat Baik paling banyak 70% (7 dari 10
// pegawai); kini 8".
func curveMessage(rule CurveRule, l CurveLimit, names []any) Message {
	who := names[0]
	if len(names) == 2 {
		who = Msg("curve.either", names[0], names[1])
	}
	switch {
	case rule.MaxPercent == 0:
		return Msg("curve.none", who, l.Count)
	case rule.MinCount > 0 && rule.MinPercent == 0:
		return Msg("curve.some", who, l.Count)
	case rule.MinPercent > 0:
		return Msg("curve.min", who, rule.MinPercent, l.Min, l.Count)
	}
	return Msg("curve.max", who, rule.MaxPercent, l.Max, l.Count)
}

// LeaderMap maps a unit's capaian kinerja organisasi to its head's rating
// hasil kerja. An instansi may set its own; nil means the regime's.
type LeaderMap map[Capaian]Rating

// LeaderRating returns the rating hasil kerja of the head of a unit whose
// capaian organisasi is c (decision 6: Istimewa → di atas, Baik → sesuai,
// the rest → di bawah, unless own maps it otherwise). It answers "" for an
// unknown c.
func (r Rules) LeaderRating(c Capaian, own LeaderMap) Rating {
	if rating, ok := own[c]; ok && rating.Valid() {
		return rating
	}
	return r.leader[c]
}

// Koefisien returns the yearly koefisien angka kredit of a jenjang
// fungsional in hundredths (Ahli Pertama 12.5 → 1250), and false for a
// jenjang without one.
func (r Rules) Koefisien(jenjang string) (int, bool) {
	k, ok := r.koefisien[jenjang]
	return k, ok
}

// AngkaKredit returns the angka kredit, in hundredths, that a predikat
// earns a functional employee of a jenjang over months months of a year
// (1 to 12): months/12 × percentage × koefisien (Peraturan BKN 3/2023:
// Sangat Baik 150%, Baik 100%, Butuh Perbaikan 75%, Kurang 50%, Sangat
// Kurang 25%), rounded half up. Ahli Pertama, Baik, 2 months: 208 (2.08).
// It answers false for a jenjang without a koefisien, a predikat not of
// the five or months outside 1..12.
func (r Rules) AngkaKredit(p Predikat, jenjang string, months int) (int, bool) {
	k, ok := r.koefisien[jenjang]
	pct, okp := r.creditPercent[p]
	if !ok || !okp || months < 1 || months > 12 {
		return 0, false
	}
	num := months * pct * k
	return (num*2 + 1200) / 2400, true
}

// CreditPercent returns the share of the yearly koefisien a predikat
// earns, in percent.
func (r Rules) CreditPercent(p Predikat) int { return r.creditPercent[p] }

// FormatHundredths writes an amount in hundredths the Indonesian way:
// 1875 → "18,75", 200 → "2,00".
func FormatHundredths(v int) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d,%02d", sign, v/100, v%100)
}

// Standing is how one result compares with its expectation, the input of
// the suggested rating hasil kerja.
type Standing string

// Standings of a result or an indicator against its target.
const (
	StandingAbove   Standing = "above"   // exceeds the target
	StandingMeets   Standing = "meets"   // reaches it
	StandingBelow   Standing = "below"   // falls short
	StandingUnknown Standing = "unknown" // no number to compare (a narrative target, no realisasi)
)

// IndicatorStanding compares a realisasi with a target. Both are numbers
// as people type them ("12", "12,5", "1.250"); a target may be a range
// ("1-2"), met from its lower end and exceeded beyond its upper end. A
// target or realisasi that is not a number gives StandingUnknown.
func IndicatorStanding(target, realisasi string) Standing {
	lo, hi, ok := parseTarget(target)
	v, okv := parseAmount(realisasi)
	if !ok || !okv {
		return StandingUnknown
	}
	switch {
	case v > hi:
		return StandingAbove
	case v >= lo:
		return StandingMeets
	}
	return StandingBelow
}

func parseTarget(s string) (lo, hi float64, ok bool) {
	s = strings.TrimSpace(s)
	if a, b, found := strings.Cut(s, "-"); found && strings.TrimSpace(a) != "" {
		lo, ok1 := parseAmount(a)
		hi, ok2 := parseAmount(b)
		if ok1 && ok2 && lo <= hi {
			return lo, hi, true
		}
		return 0, 0, false
	}
	v, ok := parseAmount(s)
	return v, v, ok
}

// parseAmount reads a number as Indonesians write it: a comma is the
// decimal mark; a dot followed by three digits groups thousands.
func parseAmount(s string) (float64, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if s == "" {
		return 0, false
	}
	if strings.Contains(s, ",") {
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	} else if i := strings.LastIndex(s, "."); i >= 0 && len(s)-i-1 == 3 && strings.Count(s, ".") >= 1 && !strings.HasPrefix(s, "0.") {
		s = strings.ReplaceAll(s, ".", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return 0, false
	}
	return v, true
}

// ResultStanding is one RHK's standing for the suggestion: its kind and
// the standing of each of its indicators.
type ResultStanding struct {
	RHKID      string
	Kind       RHKKind
	Indicators []Standing
}

// Standing combines the indicators: below when any is below, above when
// every comparable one at least meets and one exceeds, meets otherwise,
// unknown when none can be compared.
func (r ResultStanding) Standing() Standing {
	known, above := 0, 0
	for _, s := range r.Indicators {
		switch s {
		case StandingBelow:
			return StandingBelow
		case StandingAbove:
			above++
			known++
		case StandingMeets:
			known++
		}
	}
	switch {
	case known == 0:
		return StandingUnknown
	case above > 0:
		return StandingAbove
	}
	return StandingMeets
}

// Suggestion is a suggested rating hasil kerja with the reasons it rests
// on. It is advice for the pejabat penilai, never the rating itself.
type Suggestion struct {
	Rating                       Rating // empty when no result could be compared
	Above, Meets, Below, Unknown int
	UtamaBelow                   int
	Reasons                      []Message
}

// SuggestHasilKerja suggests a rating hasil kerja from how the results
// stand against their targets, by the guidance of PermenPANRB 6/2022 as
// BKN presents it (table C2): di atas when most results exceed the
// expectation and no utama result is below it; di bawah when most
// results are below it; sesuai otherwise. Results that cannot be compared
// are left out and named in the reasons.
func SuggestHasilKerja(results []ResultStanding) Suggestion {
	var s Suggestion
	for _, r := range results {
		switch r.Standing() {
		case StandingAbove:
			s.Above++
		case StandingMeets:
			s.Meets++
		case StandingBelow:
			s.Below++
			if r.Kind == RHKUtama {
				s.UtamaBelow++
			}
		default:
			s.Unknown++
		}
	}
	known := s.Above + s.Meets + s.Below
	s.Reasons = append(s.Reasons, Msg("suggest.counts", known, s.Above, s.Meets, s.Below))
	if s.Unknown > 0 {
		s.Reasons = append(s.Reasons, Msg("suggest.unknown", s.Unknown))
	}
	switch {
	case known == 0:
		s.Reasons = append(s.Reasons, Msg("suggest.none"))
		return s
	case 2*s.Below > known:
		s.Rating = RatingDiBawah
		s.Reasons = append(s.Reasons, Msg("suggest.most_below"))
	case 2*s.Above > known && s.UtamaBelow == 0:
		s.Rating = RatingDiAtas
		s.Reasons = append(s.Reasons, Msg("suggest.most_above"))
	default:
		s.Rating = RatingSesuai
		if 2*s.Above > known {
			s.Reasons = append(s.Reasons, Msg("suggest.utama_below", s.UtamaBelow))
		} else {
			s.Reasons = append(s.Reasons, Msg("suggest.most_meet"))
		}
	}
	return s
}

// PeriodStanding compares what an indicator reached in a period with the
// part of its yearly target due in that period. share is that part (the
// period's days within the SKP over the SKP's days; 1 for the whole SKP).
// A level — a percentage, or the quality aspect — is expected in every
// period at its full target; a count is expected in proportion, rounded
// up to a whole number when the target is whole (a yearly 12 is 1 a
// month, a yearly 5 is also 1).
func PeriodStanding(target, realisasi string, share float64, level bool) Standing {
	if level || share >= 1 {
		return IndicatorStanding(target, realisasi)
	}
	lo, hi, ok := parseTarget(target)
	v, okv := parseAmount(realisasi)
	if !ok || !okv || share <= 0 {
		return StandingUnknown
	}
	part := func(x float64) float64 {
		y := x * share
		if x == math.Trunc(x) {
			y = math.Ceil(y - 1e-9)
		}
		return y
	}
	lo, hi = part(lo), part(hi)
	switch {
	case v > hi:
		return StandingAbove
	case v >= lo:
		return StandingMeets
	}
	return StandingBelow
}

// SumAmounts adds numbers as people type them, for the realisasi of a
// year made of its periods; false when one is not a number.
func SumAmounts(values []string) (string, bool) {
	total := 0.0
	for _, s := range values {
		v, ok := parseAmount(s)
		if !ok {
			return "", false
		}
		total += v
	}
	return strings.Replace(strconv.FormatFloat(total, 'f', -1, 64), ".", ",", 1), true
}
