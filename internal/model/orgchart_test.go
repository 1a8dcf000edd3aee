package model

import (
	"slices"
	"testing"
)

// chart builds:
//
//	wali (kepala daerah) — W
//	├── sekda (jpt pratama) — S
//	├── kadis (jpt pratama) — K
//	│   ├── kabid (administrator) — vacant, Plh P (also staff elsewhere)
//	│   │   └── staf (pelaksana) — A, B
//	│   └── kasubag (pengawas) — vacant
//	│       └── arsiparis (fungsional) — C
func chart(sekda bool, overrides ...RaterOverride) *OrgChart {
	pos := []Position{
		{ID: "wali", Kind: PositionKepalaDaerah},
		{ID: "sekda", Kind: PositionJPTPratama, SuperiorPositionID: "wali"},
		{ID: "kadis", Kind: PositionJPTPratama, SuperiorPositionID: "wali"},
		{ID: "kabid", Kind: PositionAdministrator, SuperiorPositionID: "kadis"},
		{ID: "staf", Kind: PositionPelaksana, SuperiorPositionID: "kabid"},
		{ID: "kasubag", Kind: PositionPengawas, SuperiorPositionID: "kadis"},
		{ID: "arsip", Kind: PositionFungsional, SuperiorPositionID: "kasubag"},
		{ID: "other", Kind: PositionPelaksana, SuperiorPositionID: "kadis"},
	}
	hold := []OrgHolding{
		{"W", "wali", PlacementDefinitif},
		{"S", "sekda", PlacementDefinitif},
		{"K", "kadis", PlacementDefinitif},
		{"A", "staf", PlacementDefinitif},
		{"B", "staf", PlacementDefinitif},
		{"C", "arsip", PlacementDefinitif},
		{"P", "other", PlacementDefinitif},
		{"P", "kabid", PlacementPlh},
	}
	sp := ""
	if sekda {
		sp = "sekda"
	}
	return NewOrgChart(pos, hold, overrides, sp)
}

func TestOrgChartRaters(t *testing.T) {
	c := chart(false)
	cases := []struct{ who, rater, upper string }{
		{"A", "P", "K"}, // the Plh of the vacant kabid post rates
		{"C", "K", "W"}, // kasubag vacant: up to kadis
		{"P", "K", "W"}, // P is rated from the definitive post
		{"K", "W", "W"}, // JPT rated by the wali kota, who also approves
		{"S", "W", "W"},
		{"W", "", ""},
		{"nobody", "", ""},
	}
	for _, tc := range cases {
		if got := c.Rater(tc.who); got != tc.rater {
			t.Errorf("Rater(%s) = %q, want %q", tc.who, got, tc.rater)
		}
		if got := c.UpperRater(tc.who); got != tc.upper {
			t.Errorf("UpperRater(%s) = %q, want %q", tc.who, got, tc.upper)
		}
	}
	team := c.Team("K")
	slices.Sort(team)
	if !slices.Equal(team, []string{"C", "P"}) {
		t.Errorf("Team(K) = %v", team)
	}
	if !c.InLine("K", "A") || !c.InLine("W", "A") || c.InLine("A", "K") || c.InLine("S", "A") {
		t.Error("InLine is wrong")
	}
	if !c.IsRater("P") || c.IsRater("A") {
		t.Error("IsRater is wrong")
	}
	below := c.Below("K")
	slices.Sort(below)
	if !slices.Equal(below, []string{"A", "B", "C", "P"}) {
		t.Errorf("Below(K) = %v, want everyone under the kadis", below)
	}
	if got := c.Below("A"); len(got) != 0 {
		t.Errorf("Below(A) = %v, want nobody", got)
	}
	for _, e := range c.Below("W") {
		if !c.InLine("W", e) {
			t.Errorf("Below(W) holds %s, who is not in the wali kota's line", e)
		}
	}
}

func TestOrgChartSekdaRatesJPT(t *testing.T) {
	c := chart(true)
	if got := c.Rater("K"); got != "S" {
		t.Errorf("with JPT rated by the Sekda, Rater(kadis) = %q, want S", got)
	}
	if got := c.Rater("S"); got != "W" {
		t.Errorf("the Sekda is still rated by the wali kota, got %q", got)
	}
	if got := c.UpperRater("K"); got != "W" {
		t.Errorf("UpperRater(kadis) = %q, want W", got)
	}
}

func TestOrgChartOverride(t *testing.T) {
	c := chart(false, RaterOverride{EmployeeID: "C", RaterID: "S", UpperRaterID: "K"})
	if c.Rater("C") != "S" || c.UpperRater("C") != "K" {
		t.Errorf("override: Rater(C) = %q, UpperRater(C) = %q", c.Rater("C"), c.UpperRater("C"))
	}
	if slices.Contains(c.Team("K"), "C") || !slices.Contains(c.Team("S"), "C") {
		t.Error("the overridden employee is in the wrong team")
	}
}

func TestOrgChartSurvivesACycle(t *testing.T) {
	pos := []Position{{ID: "a", SuperiorPositionID: "b"}, {ID: "b", SuperiorPositionID: "c"}, {ID: "c", SuperiorPositionID: "a"}}
	c := NewOrgChart(pos, []OrgHolding{{"X", "a", PlacementDefinitif}}, nil, "")
	if got := c.Rater("X"); got != "" {
		t.Errorf("Rater in a vacant cycle = %q, want none", got)
	}
}
