package model

import (
	"errors"
	"strings"
	"testing"
)

// The matrix as PermenPANRB 6/2022 prints it: rows are the rating hasil
// kerja (di atas, sesuai, di bawah), columns the rating perilaku kerja
// (di bawah, sesuai, di atas), as in the regulation's kuadran.
const matrixTable = `
di_atas  | kurang        | baik            | sangat_baik
sesuai   | kurang        | baik            | baik
di_bawah | sangat_kurang | butuh_perbaikan | butuh_perbaikan
`

func TestPredikatEveryCell(t *testing.T) {
	rules := CurrentRules()
	columns := []Rating{RatingDiBawah, RatingSesuai, RatingDiAtas}
	cells := 0
	for _, line := range strings.Split(strings.TrimSpace(matrixTable), "\n") {
		f := strings.Split(line, "|")
		hk := Rating(strings.TrimSpace(f[0]))
		for i, pk := range columns {
			want := Predikat(strings.TrimSpace(f[i+1]))
			got, err := rules.Predikat(hk, pk)
			if err != nil || got != want {
				t.Errorf("hasil kerja %s × perilaku kerja %s = %q, %v; want %q", hk, pk, got, err, want)
			}
			cells++
		}
	}
	if cells != 9 {
		t.Fatalf("checked %d cells, want 9", cells)
	}
}

func TestPredikatRefusesUnknownRatings(t *testing.T) {
	rules := CurrentRules()
	for _, c := range []struct {
		hk, pk Rating
		fields []string
	}{
		{"", RatingSesuai, []string{"hasil_kerja"}},
		{RatingSesuai, "istimewa", []string{"perilaku_kerja"}},
		{"DI_ATAS", "sangat_baik", []string{"hasil_kerja", "perilaku_kerja"}},
	} {
		p, err := rules.Predikat(c.hk, c.pk)
		var v *ValidationError
		if !errors.As(err, &v) || p != "" {
			t.Fatalf("Predikat(%q, %q) = %q, %v; want a validation error", c.hk, c.pk, p, err)
		}
		for _, f := range c.fields {
			if v.Fields[f] != "invalid.rating" {
				t.Errorf("Predikat(%q, %q): field %s = %q", c.hk, c.pk, f, v.Fields[f])
			}
		}
		if len(v.Fields) != len(c.fields) {
			t.Errorf("Predikat(%q, %q): fields %v, want %v", c.hk, c.pk, v.Fields, c.fields)
		}
	}
}

func TestRulesOfUnknownRegime(t *testing.T) {
	if _, err := RulesOf("pp-46-2011"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("RulesOf(pp-46-2011) = %v, want ErrNotFound", err)
	}
	if r, err := RulesOf(Regime2022); err != nil || r.Regime != Regime2022 {
		t.Fatalf("RulesOf(%s) = %v, %v", Regime2022, r.Regime, err)
	}
}

// counts builds a distribution: sangat baik, baik, butuh perbaikan,
// kurang, sangat kurang.
func counts(sb, b, bp, k, sk int) map[Predikat]int {
	return map[Predikat]int{PredikatSangatBaik: sb, PredikatBaik: b, PredikatButuhPerbaikan: bp, PredikatKurang: k, PredikatSangatKurang: sk}
}

func TestCurvePatterns(t *testing.T) {
	rules := CurrentRules()
	for _, c := range []struct {
		name    string
		capaian Capaian
		counts  map[Predikat]int
		broken  []string // rule ids violated
		small   bool
	}{
		// Istimewa: at most 70% Sangat Baik, rounded down.
		{"istimewa 7 of 10 sangat baik", CapaianIstimewa, counts(7, 3, 0, 0, 0), nil, false},
		{"istimewa 8 of 10 sangat baik", CapaianIstimewa, counts(8, 2, 0, 0, 0), []string{"istimewa.sangat_baik.max"}, false},
		// 70% of 11 is 7.7: the maximum rounds down to 7.
		{"istimewa 8 of 11 rounds down", CapaianIstimewa, counts(8, 3, 0, 0, 0), []string{"istimewa.sangat_baik.max"}, false},
		{"istimewa 7 of 11", CapaianIstimewa, counts(7, 4, 0, 0, 0), nil, false},
		// Baik: at most 70% Baik and some Butuh Perbaikan or Kurang.
		{"baik as the curve wants", CapaianBaik, counts(2, 7, 1, 0, 0), nil, false},
		{"baik with kurang only", CapaianBaik, counts(2, 7, 0, 1, 0), nil, false},
		{"baik 8 of 10 baik", CapaianBaik, counts(1, 8, 1, 0, 0), []string{"baik.baik.max"}, false},
		{"baik without the lower end", CapaianBaik, counts(3, 7, 0, 0, 0), []string{"baik.perbaikan_kurang.some"}, false},
		// Butuh Perbaikan: at least 60% (rounded up), at most 10% Sangat Baik.
		{"butuh perbaikan 6 of 10", CapaianButuhPerbaikan, counts(1, 3, 6, 0, 0), nil, false},
		{"butuh perbaikan 5 of 10", CapaianButuhPerbaikan, counts(1, 4, 5, 0, 0), []string{"butuh_perbaikan.butuh_perbaikan.min"}, false},
		// 60% of 11 is 6.6: the minimum rounds up to 7.
		{"butuh perbaikan 6 of 11 rounds up", CapaianButuhPerbaikan, counts(1, 4, 6, 0, 0), []string{"butuh_perbaikan.butuh_perbaikan.min"}, false},
		{"butuh perbaikan 2 sangat baik of 12", CapaianButuhPerbaikan, counts(2, 2, 8, 0, 0), []string{"butuh_perbaikan.sangat_baik.max"}, false},
		// Kurang: ≥60% Kurang, ≥10% Butuh Perbaikan, ≤10% Sangat Baik.
		{"kurang as the curve wants", CapaianKurang, counts(1, 1, 2, 6, 0), nil, false},
		{"kurang without butuh perbaikan", CapaianKurang, counts(1, 3, 0, 6, 0), []string{"kurang.butuh_perbaikan.min"}, false},
		{"kurang all broken", CapaianKurang, counts(2, 3, 0, 5, 0), []string{"kurang.kurang.min", "kurang.butuh_perbaikan.min", "kurang.sangat_baik.max"}, false},
		// Sangat Kurang: ≥60% Sangat Kurang, ≥10% Kurang or Butuh Perbaikan, no Sangat Baik.
		{"sangat kurang as the curve wants", CapaianSangatKurang, counts(0, 2, 1, 1, 6), nil, false},
		{"sangat kurang with butuh perbaikan for the 10%", CapaianSangatKurang, counts(0, 3, 1, 0, 6), nil, false},
		{"sangat kurang with one sangat baik", CapaianSangatKurang, counts(1, 1, 1, 1, 6), []string{"sangat_kurang.sangat_baik.none"}, false},
		{"sangat kurang too few", CapaianSangatKurang, counts(0, 4, 1, 0, 5), []string{"sangat_kurang.sangat_kurang.min"}, false},
		{"sangat kurang no middle", CapaianSangatKurang, counts(0, 4, 0, 0, 6), []string{"sangat_kurang.kurang_perbaikan.min"}, false},
		// An OPD of fewer than ten: the same violations, but only a warning.
		{"small opd warns", CapaianBaik, counts(0, 3, 0, 0, 0), []string{"baik.baik.max", "baik.perbaikan_kurang.some"}, true},
		{"nobody rated", CapaianBaik, counts(0, 0, 0, 0, 0), nil, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			check := rules.Curve(c.capaian, sumOf(c.counts), c.counts)
			var got []string
			for _, v := range check.Violations {
				got = append(got, v.Rule.ID)
			}
			if strings.Join(got, ",") != strings.Join(c.broken, ",") {
				t.Errorf("violations %v, want %v", got, c.broken)
			}
			if check.Small != c.small {
				t.Errorf("small = %v, want %v", check.Small, c.small)
			}
			if check.Breaks() != (len(c.broken) > 0 && !c.small) {
				t.Errorf("Breaks() = %v", check.Breaks())
			}
			if len(check.Limits) != len(rules.Pattern(c.capaian)) {
				t.Errorf("%d limits for %d rules", len(check.Limits), len(rules.Pattern(c.capaian)))
			}
		})
	}
}

func TestCurveBoundsRounding(t *testing.T) {
	max70 := CurveRule{MaxPercent: 70}
	min60 := CurveRule{MinPercent: 60, MaxPercent: 100}
	some := CurveRule{MinCount: 1, MaxPercent: 100}
	for _, c := range []struct {
		rule          CurveRule
		total, lo, hi int
	}{
		{max70, 3, 0, 2}, // 2.1 → 2
		{max70, 9, 0, 6}, // 6.3 → 6
		{max70, 10, 0, 7},
		{min60, 3, 2, 3},   // 1.8 → 2
		{min60, 11, 7, 11}, // 6.6 → 7
		{min60, 10, 6, 10},
		{CurveRule{MinPercent: 10, MaxPercent: 100}, 3, 1, 3},   // 0.3 → 1
		{CurveRule{MinPercent: 10, MaxPercent: 100}, 20, 2, 20}, // exactly 2
		{some, 1, 1, 1},
		{some, 0, 0, 0},
		{CurveRule{MaxPercent: 10}, 9, 0, 0}, // 0.9 → 0
	} {
		lo, hi := c.rule.Bounds(c.total)
		if lo != c.lo || hi != c.hi {
			t.Errorf("%+v over %d: bounds %d..%d, want %d..%d", c.rule, c.total, lo, hi, c.lo, c.hi)
		}
	}
}

func TestCurveMessagesNameTheLimit(t *testing.T) {
	check := CurrentRules().Curve(CapaianIstimewa, 10, counts(8, 2, 0, 0, 0))
	if len(check.Violations) != 1 {
		t.Fatalf("violations %v", check.Violations)
	}
	m := check.Violations[0].Message
	if m.Key != "curve.max" || len(m.Args) != 4 || m.Args[1] != 70 || m.Args[2] != 7 || m.Args[3] != 8 {
		t.Fatalf("message %+v", m)
	}
}

func TestLeaderRating(t *testing.T) {
	rules := CurrentRules()
	want := map[Capaian]Rating{CapaianIstimewa: RatingDiAtas, CapaianBaik: RatingSesuai,
		CapaianButuhPerbaikan: RatingDiBawah, CapaianKurang: RatingDiBawah, CapaianSangatKurang: RatingDiBawah}
	for c, r := range want {
		if got := rules.LeaderRating(c, nil); got != r {
			t.Errorf("LeaderRating(%s) = %s, want %s", c, got, r)
		}
	}
	own := LeaderMap{CapaianButuhPerbaikan: RatingSesuai, CapaianKurang: "bogus"}
	if got := rules.LeaderRating(CapaianButuhPerbaikan, own); got != RatingSesuai {
		t.Errorf("own map: %s", got)
	}
	if got := rules.LeaderRating(CapaianKurang, own); got != RatingDiBawah {
		t.Errorf("an invalid own rating falls back to the regime's: %s", got)
	}
	if got := rules.LeaderRating("luar_biasa", nil); got != "" {
		t.Errorf("unknown capaian: %q", got)
	}
}

func TestAngkaKredit(t *testing.T) {
	rules := CurrentRules()
	for _, c := range []struct {
		p       Predikat
		jenjang string
		months  int
		want    int
	}{
		// Peraturan BKN 3/2023's own examples.
		{PredikatSangatBaik, "ahli_pertama", 12, 1875},
		{PredikatBaik, "ahli_pertama", 2, 208},
		// Every percentage on one koefisien.
		{PredikatBaik, "ahli_madya", 12, 3750},
		{PredikatButuhPerbaikan, "ahli_madya", 12, 2813}, // 28.125 → 28.13
		{PredikatKurang, "ahli_madya", 12, 1875},
		{PredikatSangatKurang, "ahli_madya", 12, 938}, // 9.375 → 9.38
		// Every jenjang for a full Baik year.
		{PredikatBaik, "pemula", 12, 375},
		{PredikatBaik, "terampil", 12, 500},
		{PredikatBaik, "mahir", 12, 1250},
		{PredikatBaik, "penyelia", 12, 2500},
		{PredikatBaik, "ahli_muda", 12, 2500},
		{PredikatBaik, "ahli_utama", 12, 5000},
		// Part of a year.
		{PredikatSangatBaik, "ahli_muda", 6, 1875},
		{PredikatBaik, "terampil", 1, 42}, // 0.4166 → 0.42
	} {
		got, ok := rules.AngkaKredit(c.p, c.jenjang, c.months)
		if !ok || got != c.want {
			t.Errorf("AngkaKredit(%s, %s, %d) = %d, %v; want %d", c.p, c.jenjang, c.months, got, ok, c.want)
		}
	}
	for _, c := range []struct {
		p       Predikat
		jenjang string
		months  int
	}{{PredikatBaik, "", 12}, {PredikatBaik, "ahli_muda", 0}, {PredikatBaik, "ahli_muda", 13}, {"istimewa", "ahli_muda", 12}} {
		if v, ok := rules.AngkaKredit(c.p, c.jenjang, c.months); ok {
			t.Errorf("AngkaKredit(%s, %q, %d) = %d, want none", c.p, c.jenjang, c.months, v)
		}
	}
	if s := FormatHundredths(208); s != "2,08" {
		t.Errorf("FormatHundredths(208) = %s", s)
	}
}

func TestIndicatorStanding(t *testing.T) {
	for _, c := range []struct {
		target, realisasi string
		want              Standing
	}{
		{"12", "12", StandingMeets},
		{"12", "13", StandingAbove},
		{"12", "11", StandingBelow},
		{"12,5", "12,5", StandingMeets},
		{"100%", "98,5", StandingBelow},
		{"1.250", "1.300", StandingAbove},
		{"1-2", "1", StandingMeets},
		{"1-2", "2", StandingMeets},
		{"1-2", "3", StandingAbove},
		{"1-2", "0", StandingBelow},
		{"laporan tepat waktu", "ya", StandingUnknown},
		{"12", "", StandingUnknown},
		{"12", "-1", StandingUnknown},
		{"2-1", "1", StandingUnknown},
	} {
		if got := IndicatorStanding(c.target, c.realisasi); got != c.want {
			t.Errorf("IndicatorStanding(%q, %q) = %s, want %s", c.target, c.realisasi, got, c.want)
		}
	}
}

func TestSuggestHasilKerja(t *testing.T) {
	r := func(kind RHKKind, s ...Standing) ResultStanding { return ResultStanding{Kind: kind, Indicators: s} }
	above, meets, below, unknown := StandingAbove, StandingMeets, StandingBelow, StandingUnknown
	for _, c := range []struct {
		name    string
		results []ResultStanding
		want    Rating
	}{
		{"most above, no utama below", []ResultStanding{r(RHKUtama, above, meets), r(RHKUtama, above), r(RHKTambahan, below)}, RatingDiAtas},
		{"most above but an utama below", []ResultStanding{r(RHKUtama, above), r(RHKTambahan, above), r(RHKUtama, below)}, RatingSesuai},
		{"all meet", []ResultStanding{r(RHKUtama, meets), r(RHKUtama, meets)}, RatingSesuai},
		{"half above is not most", []ResultStanding{r(RHKUtama, above), r(RHKUtama, meets)}, RatingSesuai},
		{"most below", []ResultStanding{r(RHKUtama, below), r(RHKUtama, meets, below), r(RHKUtama, above)}, RatingDiBawah},
		{"one indicator below makes the result below", []ResultStanding{r(RHKUtama, above, below), r(RHKUtama, below, above)}, RatingDiBawah},
		{"nothing comparable", []ResultStanding{r(RHKUtama, unknown)}, ""},
		{"unknown left out", []ResultStanding{r(RHKUtama, unknown), r(RHKUtama, above)}, RatingDiAtas},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := SuggestHasilKerja(c.results)
			if s.Rating != c.want {
				t.Errorf("rating %q, want %q (%+v)", s.Rating, c.want, s)
			}
			if len(s.Reasons) < 2 {
				t.Errorf("reasons %v: a suggestion says why", s.Reasons)
			}
		})
	}
}

func TestPeriodStanding(t *testing.T) {
	for _, c := range []struct {
		target, realisasi string
		share             float64
		level             bool
		want              Standing
	}{
		{"12", "1", 1.0 / 12, false, StandingMeets},
		{"12", "2", 1.0 / 12, false, StandingAbove},
		{"12", "0", 1.0 / 12, false, StandingBelow},
		{"5", "1", 1.0 / 12, false, StandingMeets}, // 0.42 rounds up to 1
		{"24", "5", 0.25, false, StandingBelow},    // a quarter of 24 is 6
		{"24", "7", 0.25, false, StandingAbove},
		{"90", "90", 1.0 / 12, true, StandingMeets},
		{"90", "85", 1.0 / 12, true, StandingBelow},
		{"12", "12", 1, false, StandingMeets},
		{"12,5", "1,1", 1.0 / 12, false, StandingAbove}, // 1.04 is not rounded
		{"12", "1", 0, false, StandingUnknown},
	} {
		if got := PeriodStanding(c.target, c.realisasi, c.share, c.level); got != c.want {
			t.Errorf("PeriodStanding(%q, %q, %.3f, %v) = %s, want %s", c.target, c.realisasi, c.share, c.level, got, c.want)
		}
	}
	if s, ok := SumAmounts([]string{"1", "2,5", "3"}); !ok || s != "6,5" {
		t.Errorf("SumAmounts = %q, %v", s, ok)
	}
	if _, ok := SumAmounts([]string{"1", "banyak"}); ok {
		t.Error("SumAmounts of a word")
	}
}

func sumOf(m map[Predikat]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
