package model

import "testing"

// TestSuggestAnnualHasilKerja: the C2 guidance over the year's periodic
// results, lowered (never raised) by the year's realisasi, the realisasi
// alone when no periodic result is final.
func TestSuggestAnnualHasilKerja(t *testing.T) {
	a, m, b := RatingDiAtas, RatingSesuai, RatingDiBawah
	cases := []struct {
		name      string
		periodic  []Rating
		realisasi Rating
		want      Rating
	}{
		{"most above, none below, realisasi above", []Rating{a, a, m}, a, a},
		{"most above, none below, no realisasi", []Rating{a, a, m}, "", a},
		{"most above but one below", []Rating{a, a, b}, a, m},
		{"most below", []Rating{b, b, m}, a, b},
		{"half below is not most", []Rating{b, m}, m, m},
		{"mixed", []Rating{a, m, m}, a, m},
		{"realisasi lowers", []Rating{a, a, a}, m, m},
		{"realisasi lowers to di bawah", []Rating{a, m, m}, b, b},
		{"realisasi never raises", []Rating{b, b}, a, b},
		{"no periodic result: realisasi", nil, a, a},
		{"nothing at all", nil, "", ""},
		{"an unrated period is not counted", []Rating{a, ""}, a, a},
	}
	for _, c := range cases {
		got := SuggestAnnualHasilKerja(c.periodic, Suggestion{Rating: c.realisasi}, 1)
		if got.Rating != c.want || len(got.Reasons) == 0 {
			t.Errorf("%s: %q (%v), want %q", c.name, got.Rating, got.Reasons, c.want)
		}
	}
	if got := SuggestAnnualHasilKerja([]Rating{a}, Suggestion{}, 2); got.Reasons[0].Key != "suggest.annual.skps" || got.SKPs != 2 {
		t.Errorf("two SKPs: %v", got.Reasons)
	}
}
