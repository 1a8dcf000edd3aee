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

// TestOrgChartSelfRatings tries overrides and placements on the chart and
// checks that the model finds everyone who would assess themselves.
func TestOrgChartSelfRatings(t *testing.T) {
	plt := func(e, pos string) func(*OrgChart) *OrgChart {
		return func(c *OrgChart) *OrgChart { return c.WithHolding(OrgHolding{e, pos, PlacementPlt}) }
	}
	override := func(e, rater, upper string) func(*OrgChart) *OrgChart {
		return func(c *OrgChart) *OrgChart {
			return c.WithOverride(RaterOverride{EmployeeID: e, RaterID: rater, UpperRaterID: upper})
		}
	}
	// the same chart with the kadis post vacant (K transferred away)
	noKadis := func(c *OrgChart) *OrgChart { return c.WithHolding(OrgHolding{"K", "sekda", PlacementDefinitif}) }
	then := func(fs ...func(*OrgChart) *OrgChart) func(*OrgChart) *OrgChart {
		return func(c *OrgChart) *OrgChart {
			for _, f := range fs {
				c = f(c)
			}
			return c
		}
	}
	cases := []struct {
		name   string
		change func(*OrgChart) *OrgChart
		want   []SelfRating
	}{
		{"a substitute rater from another unit", override("C", "S", "K"), nil},
		{"a substitute atasan only", override("A", "P", "W"), nil},
		{"own pejabat penilai", override("A", "A", ""), []SelfRating{{"A", false}}},
		{"own atasan pejabat penilai", override("A", "P", "A"), []SelfRating{{"A", true}}},
		{"an atasan whom one rates", override("K", "W", "C"), []SelfRating{{"K", true}}},
		{"A rates B, B rates A", override("P", "A", ""), []SelfRating{{"A", false}, {"P", false}}},
		{"a cycle of three", override("K", "A", "W"), []SelfRating{{"A", false}, {"K", false}, {"P", false}}},
		{"a Plt of the post above", plt("A", "kabid"), nil},
		{"a Plt of a vacant post elsewhere", plt("A", "kasubag"), nil},
		{"a Plt two posts above becomes their own atasan", then(noKadis, plt("A", "kadis")),
			[]SelfRating{{"A", false}, {"P", false}}},
		{"a Plt of the vacant head post from outside", then(noKadis, plt("C", "kadis")), nil},
		// P acts as Plh of kabid, whose SKP is rated by K (kadis): K rated
		// by P through an override rates P's acting SKP, so each rates
		// the other, though P's own SKP goes to S.
		{"a Plh rated by whom they rate through an override", then(override("P", "S", ""), override("K", "P", "")),
			[]SelfRating{{"K", false}, {"P", false}}},
		{"a transfer", func(c *OrgChart) *OrgChart { return c.WithHolding(OrgHolding{"C", "staf", PlacementDefinitif}) }, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := chart(false)
			after := tc.change(before)
			if got := NewSelfRatings(before, after); !slices.Equal(got, tc.want) {
				t.Errorf("NewSelfRatings = %v, want %v", got, tc.want)
			}
			if got := before.SelfRatings(); len(got) != 0 {
				t.Errorf("the chart changed under the try: %v", got)
			}
		})
	}

	// P's substitute rater is S and K's is A, who is rated by P as Plh of
	// kabid (A's atasan named W, since the kabid post's superior is K, whom
	// A rates). K rates P's Plh SKP, so the three rate themselves already
	// through it; ending the Plh lets A's line climb to K, who is rated by
	// A: a fault already there, not a new one.
	before := chart(false, RaterOverride{ID: "p", EmployeeID: "P", RaterID: "S"}, RaterOverride{ID: "k", EmployeeID: "K", RaterID: "A", UpperRaterID: "W"},
		RaterOverride{ID: "a", EmployeeID: "A", UpperRaterID: "W"})
	if got, want := before.SelfRatings(), []SelfRating{{"A", false}, {"K", false}, {"P", false}}; !slices.Equal(got, want) {
		t.Fatalf("SelfRatings = %v, want %v", got, want)
	}
	after := before.WithoutHolding(OrgHolding{"P", "kabid", PlacementPlh})
	if got, want := after.SelfRatings(), []SelfRating{{"A", false}, {"K", false}}; !slices.Equal(got, want) {
		t.Errorf("after the Plh: %v, want %v", got, want)
	}
	if got := NewSelfRatings(before, after); len(got) != 0 {
		t.Errorf("ending the Plh: %v, want none new", got)
	}
	if got := NewSelfRatings(before, before.WithoutOverride("k")); len(got) != 0 {
		t.Errorf("ending K's override: %v", got)
	}
	if got := NewSelfRatings(after, after.WithoutOverride("k")); len(got) != 0 {
		t.Errorf("ending K's override after the Plh: %v", got)
	}
}

// TestOrgChartOldSelfRatingDoesNotBlock checks that a fault already in the
// chart is not counted against an unrelated change.
func TestOrgChartOldSelfRatingDoesNotBlock(t *testing.T) {
	before := chart(false, RaterOverride{EmployeeID: "A", RaterID: "P", UpperRaterID: "A"})
	if got := before.SelfRatings(); !slices.Equal(got, []SelfRating{{"A", true}}) {
		t.Fatalf("SelfRatings = %v", got)
	}
	after := before.WithHolding(OrgHolding{"B", "kasubag", PlacementPlt})
	if got := NewSelfRatings(before, after); len(got) != 0 {
		t.Errorf("an unrelated Plt is blamed for an old fault: %v", got)
	}
}

// A Plt or Plh is rated on the acting post by whoever rates that post, and
// rates its staff through it; on their definitive post nothing changes.
func TestOrgChartRatersOnAPost(t *testing.T) {
	c := chart(false, RaterOverride{EmployeeID: "P", RaterID: "S"}).WithHolding(OrgHolding{"K", "kasubag", PlacementPlt})
	cases := []struct{ who, post, rater, upper string }{
		{"A", "staf", "P", "K"},      // the definitive post: the Plh rates, whoever rates kabid is atasan (not P's own substitute rater)
		{"A", "", "P", "K"},          // no post named: the definitive one
		{"P", "other", "S", "W"},     // P's own post keeps the override
		{"P", "kabid", "K", "W"},     // the acting post: the holder of its superior, no override
		{"K", "kasubag", "W", "W"},   // acting below one's own post: never oneself, the next one up
		{"C", "arsip", "K", "W"},     // the Plt of kasubag rates C
		{"nobody", "staf", "P", "K"}, // the post decides, not the person
		{"A", "wali", "", ""},        // the top of the tree
	}
	for _, tc := range cases {
		if got := c.RaterOn(tc.who, tc.post); got != tc.rater {
			t.Errorf("RaterOn(%s, %s) = %q, want %q", tc.who, tc.post, got, tc.rater)
		}
		if got := c.UpperRaterOn(tc.who, tc.post); got != tc.upper {
			t.Errorf("UpperRaterOn(%s, %s) = %q, want %q", tc.who, tc.post, got, tc.upper)
		}
	}
	if c.Rater("A") != "P" || c.Rater("P") != "S" {
		t.Errorf("Rater changed: A by %q, P by %q", c.Rater("A"), c.Rater("P"))
	}
	posts := []struct {
		who, post, through string
		kind               PlacementKind
	}{
		{"A", "staf", "kabid", PlacementPlh},
		{"C", "arsip", "kasubag", PlacementPlt},
		{"P", "kabid", "kadis", PlacementDefinitif},
		{"P", "other", "", ""}, // an override names the rater
	}
	for _, tc := range posts {
		if through, kind := c.RaterPostOn(tc.who, tc.post); through != tc.through || kind != tc.kind {
			t.Errorf("RaterPostOn(%s, %s) = %q %q, want %q %q", tc.who, tc.post, through, kind, tc.through, tc.kind)
		}
	}
	if c.HeldAs("P", "kabid") != PlacementPlh || c.HeldAs("P", "other") != PlacementDefinitif || c.HeldAs("A", "kabid") != "" {
		t.Error("HeldAs is wrong")
	}
	if got := c.Superiors("staf"); !slices.Equal(got, []string{"kabid", "kadis", "wali"}) {
		t.Errorf("Superiors(staf) = %v", got)
	}
	s := chart(true)
	if s.RaterOn("K", "kadis") != "S" || s.UpperRaterOn("K", "kadis") != "W" {
		t.Errorf("with the Sekda option K is rated by %q, upper %q", s.RaterOn("K", "kadis"), s.UpperRaterOn("K", "kadis"))
	}
	if through, _ := s.RaterPostOn("K", "kadis"); through != "sekda" {
		t.Errorf("the Sekda rates through %q", through)
	}
}

// The staff of a post held by a Plt have as atasan pejabat penilai whoever
// rates the acting post, not the Plt's own pejabat penilai: the Sekda acting
// as kasubag under the kadis leaves the arsiparis with the kadis as atasan.
func TestOrgChartAtasanOfAnActingPostsStaff(t *testing.T) {
	c := chart(false).WithHolding(OrgHolding{"S", "kasubag", PlacementPlt})
	if got := c.Rater("C"); got != "S" {
		t.Fatalf("Rater(C) = %q, want the Plt S", got)
	}
	if got := c.UpperRater("C"); got != "K" {
		t.Errorf("UpperRater(C) = %q, want K, who rates the kasubag post (S's own rater is W)", got)
	}
	if got := c.UpperRaterOn("C", "arsip"); got != "K" {
		t.Errorf("UpperRaterOn(C, arsip) = %q, want K", got)
	}
	if got := c.UpperRater("S"); got != "W" {
		t.Errorf("the Plt's own atasan changed: %q", got)
	}
}
