package model

import "slices"

// OrgChart is a read-only picture of who holds which position in one
// instansi, from which the pejabat penilai and the atasan pejabat penilai of
// everyone are derived (domain decision 3):
//
//   - the pejabat penilai of an employee is the holder of the superior
//     position of their current position; when that position is vacant, the
//     holder of the next one up;
//   - the atasan pejabat penilai is the pejabat penilai of the pejabat penilai;
//   - a RaterOverride in force replaces either;
//   - JPT Pratama are rated by the kepala daerah, or by the Sekda when the
//     instansi says so.
//
// A position is held by its definitive holder, or when it has none by its
// Plt, then its Plh.
type OrgChart struct {
	superior  map[string]string // position -> superior position
	kind      map[string]PositionKind
	holder    map[string]string           // position -> employee
	main      map[string]string           // employee -> main (definitive) position
	held      map[string][]string         // employee -> every position held (definitif, plt, plh)
	holdKind  map[[2]string]PlacementKind // (employee, position) -> how it is held
	overrides map[string]RaterOverride
	sekda     string              // employee id of the Sekda when JPT are rated by the Sekda
	raters    map[string]string   // employee -> derived pejabat penilai
	teams     map[string][]string // pejabat penilai -> employees rated

	// what the chart was built from, so that a change can be tried on it
	positions []Position
	holdings  []OrgHolding
	ovList    []RaterOverride
	sekdaPos  string
}

// OrgHolding is one active placement, as NewOrgChart takes it.
type OrgHolding struct {
	EmployeeID string
	PositionID string
	Kind       PlacementKind
}

// NewOrgChart builds the chart from the positions, the active placements and
// the overrides in force. sekdaPositionID is the Sekda's position when JPT
// Pratama are rated by the Sekda, empty otherwise.
func NewOrgChart(positions []Position, holdings []OrgHolding, overrides []RaterOverride, sekdaPositionID string) *OrgChart {
	c := &OrgChart{
		superior:  make(map[string]string, len(positions)),
		kind:      make(map[string]PositionKind, len(positions)),
		holder:    make(map[string]string, len(holdings)),
		main:      make(map[string]string, len(holdings)),
		held:      make(map[string][]string, len(holdings)),
		holdKind:  make(map[[2]string]PlacementKind, len(holdings)),
		overrides: make(map[string]RaterOverride, len(overrides)),
		positions: positions,
		holdings:  holdings,
		ovList:    overrides,
		sekdaPos:  sekdaPositionID,
	}
	for _, p := range positions {
		c.superior[p.ID] = p.SuperiorPositionID
		c.kind[p.ID] = p.Kind
	}
	// Who holds a post for its staff: a Plh (standing in while the
	// definitive holder is away for a while) or a Plt (while the post has
	// no holder able to act) does the post's work during their term, its
	// staff's rating included (Surat Edaran Kepala BKN 1/2021), so an
	// acting placement outranks the definitive one while it lasts.
	rank := map[PlacementKind]int{PlacementPlh: 3, PlacementPlt: 2, PlacementDefinitif: 1}
	best := map[string]int{}
	for _, h := range holdings {
		if r := rank[h.Kind]; r > best[h.PositionID] {
			best[h.PositionID] = r
			c.holder[h.PositionID] = h.EmployeeID
		}
		c.held[h.EmployeeID] = append(c.held[h.EmployeeID], h.PositionID)
		if k := c.holdKind[[2]string{h.EmployeeID, h.PositionID}]; k == "" || rank[h.Kind] < rank[k] {
			c.holdKind[[2]string{h.EmployeeID, h.PositionID}] = h.Kind
		}
		if h.Kind == PlacementDefinitif {
			c.main[h.EmployeeID] = h.PositionID
		}
	}
	for _, h := range holdings {
		if _, ok := c.main[h.EmployeeID]; !ok {
			c.main[h.EmployeeID] = h.PositionID // only acting: rated from there
		}
	}
	for _, o := range overrides {
		c.overrides[o.EmployeeID] = o
	}
	if sekdaPositionID != "" {
		c.sekda = c.holder[sekdaPositionID]
	}
	c.raters = make(map[string]string, len(c.main))
	c.teams = map[string][]string{}
	for e := range c.main {
		c.setRater(e)
	}
	for e := range c.overrides {
		if _, done := c.raters[e]; !done {
			c.setRater(e)
		}
	}
	return c
}

func (c *OrgChart) setRater(e string) {
	r := c.deriveRater(e)
	c.raters[e] = r
	if r != "" {
		c.teams[r] = append(c.teams[r], e)
	}
}

// Holder returns the employee holding position id, or "".
func (c *OrgChart) Holder(positionID string) string { return c.holder[positionID] }

// Rater returns the pejabat penilai of employee id, or "" when there is none
// (the kepala daerah, or someone without a position).
func (c *OrgChart) Rater(employeeID string) string { return c.raters[employeeID] }

func (c *OrgChart) deriveRater(employeeID string) string {
	if o, ok := c.overrides[employeeID]; ok && o.RaterID != "" {
		return o.RaterID
	}
	r, _ := c.raterThrough(employeeID, c.main[employeeID])
	return r
}

// raterThrough returns who rates employeeID on position pos by the tree
// (no override): the holder of the nearest superior position held by
// someone else, and that position (the Sekda's when the Sekda rates a
// JPT; "" when nobody does).
func (c *OrgChart) raterThrough(employeeID, pos string) (rater, through string) {
	if pos == "" {
		return "", ""
	}
	if c.sekda != "" && c.kind[pos] == PositionJPTPratama && c.sekda != employeeID {
		return c.sekda, c.sekdaPos
	}
	seen := map[string]bool{pos: true}
	for p := c.superior[pos]; p != "" && !seen[p]; p = c.superior[p] {
		seen[p] = true
		if h := c.holder[p]; h != "" && h != employeeID {
			return h, p
		}
	}
	return "", ""
}

// isMain reports whether positionID is the position employeeID is rated
// from (their definitive one), or names none.
func (c *OrgChart) isMain(employeeID, positionID string) bool {
	return positionID == "" || positionID == c.main[employeeID]
}

// RaterOn returns the pejabat penilai of employee id for the work of one
// position they hold: for their definitive position, Rater (overrides
// apply); for a position they act in as Plt or Plh, the holder of that
// position's superior (the next one up when it is vacant), never the
// person themselves. A Plt is rated on the acting post by whoever rates
// that post.
func (c *OrgChart) RaterOn(employeeID, positionID string) string {
	if c.isMain(employeeID, positionID) {
		return c.Rater(employeeID)
	}
	r, _ := c.raterThrough(employeeID, positionID)
	return r
}

// UpperRaterOn returns the atasan pejabat penilai of employee id for the
// work of position positionID: UpperRater on the definitive position; on
// an acting one, the pejabat penilai of RaterOn for the post through which
// they rate it (RaterOn itself at the top of the tree).
func (c *OrgChart) UpperRaterOn(employeeID, positionID string) string {
	if c.isMain(employeeID, positionID) {
		return c.UpperRater(employeeID)
	}
	r, through := c.raterThrough(employeeID, positionID)
	if r == "" {
		return ""
	}
	up := c.RaterOn(r, through)
	if up == "" {
		return r
	}
	return up
}

// RaterPostOn returns the position through which RaterOn(employeeID,
// positionID) rates them: the superior position they hold (definitively,
// or as Plt or Plh), and how they hold it. It is "" when an override
// names the rater, or nobody rates.
func (c *OrgChart) RaterPostOn(employeeID, positionID string) (string, PlacementKind) {
	if c.isMain(employeeID, positionID) {
		if o, ok := c.overrides[employeeID]; ok && o.RaterID != "" {
			return "", ""
		}
		positionID = c.main[employeeID]
	}
	r, through := c.raterThrough(employeeID, positionID)
	if through == "" {
		return "", ""
	}
	return through, c.holdKind[[2]string{r, through}]
}

// HeldAs returns how employee id holds position id (definitif, plt or
// plh), or "" when they do not hold it.
func (c *OrgChart) HeldAs(employeeID, positionID string) PlacementKind {
	return c.holdKind[[2]string{employeeID, positionID}]
}

// Superiors returns the positions above position id, nearest first.
func (c *OrgChart) Superiors(positionID string) []string {
	var out []string
	seen := map[string]bool{positionID: true}
	for p := c.superior[positionID]; p != "" && !seen[p]; p = c.superior[p] {
		seen[p] = true
		out = append(out, p)
	}
	return out
}

// UpperRater returns the atasan pejabat penilai of employee id, or "": the
// override's when one names it, else the pejabat penilai of their pejabat
// penilai for the post through which that one rates them (so the staff of
// a post held by a Plt have the acting post's superior as atasan).
func (c *OrgChart) UpperRater(employeeID string) string {
	if o, ok := c.overrides[employeeID]; ok && o.UpperRaterID != "" {
		return o.UpperRaterID
	}
	r := c.Rater(employeeID)
	if r == "" {
		return ""
	}
	// The atasan is whoever rates the post through which r rates: for a
	// Plt or Plh that is the acting post's superior, not their own.
	through, _ := c.RaterPostOn(employeeID, "")
	up := c.RaterOn(r, through)
	if up == "" {
		return r // the top of the tree rates and approves alone
	}
	return up
}

// Team returns the employees whose pejabat penilai is employee id.
func (c *OrgChart) Team(employeeID string) []string { return c.teams[employeeID] }

// IsRater reports whether employee id rates anyone.
func (c *OrgChart) IsRater(employeeID string) bool { return len(c.teams[employeeID]) > 0 }

// InLine reports whether employee target is in the reporting line below
// employee boss (their rater, the rater's rater, and so on).
func (c *OrgChart) InLine(boss, target string) bool {
	seen := map[string]bool{}
	for e := c.Rater(target); e != "" && !seen[e]; e = c.Rater(e) {
		if e == boss {
			return true
		}
		seen[e] = true
	}
	return false
}

// Below returns everyone under boss in the reporting line: the people boss
// rates, the people they rate, and so on, nearest first.
func (c *OrgChart) Below(boss string) []string {
	var out []string
	seen := map[string]bool{boss: true}
	for queue := []string{boss}; len(queue) > 0; queue = queue[1:] {
		for _, e := range c.teams[queue[0]] {
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
				queue = append(queue, e)
			}
		}
	}
	return out
}

// WithOverride returns the chart as it would be with override o in force
// besides (and for o's employee, instead of) the overrides it holds.
func (c *OrgChart) WithOverride(o RaterOverride) *OrgChart {
	ovs := append(slices.Clone(c.ovList), o) // the last one of an employee wins
	return NewOrgChart(c.positions, c.holdings, ovs, c.sekdaPos)
}

// WithHolding returns the chart as it would be with placement h in force: a
// definitive placement replaces the employee's definitive one, Plt and Plh
// come beside it.
func (c *OrgChart) WithHolding(h OrgHolding) *OrgChart {
	hs := make([]OrgHolding, 0, len(c.holdings)+1)
	for _, x := range c.holdings {
		if h.Kind == PlacementDefinitif && x.Kind == PlacementDefinitif && x.EmployeeID == h.EmployeeID {
			continue
		}
		hs = append(hs, x)
	}
	return NewOrgChart(c.positions, append(hs, h), c.ovList, c.sekdaPos)
}

// WithoutHolding returns the chart as it would be once placement h ends.
func (c *OrgChart) WithoutHolding(h OrgHolding) *OrgChart {
	hs := slices.DeleteFunc(slices.Clone(c.holdings), func(x OrgHolding) bool { return x == h })
	return NewOrgChart(c.positions, hs, c.ovList, c.sekdaPos)
}

// WithoutOverride returns the chart as it would be once the override with
// id ends.
func (c *OrgChart) WithoutOverride(id string) *OrgChart {
	ovs := slices.DeleteFunc(slices.Clone(c.ovList), func(o RaterOverride) bool { return o.ID == id })
	return NewOrgChart(c.positions, c.holdings, ovs, c.sekdaPos)
}

// SelfRating is someone whom the chart makes assess themselves: nobody is
// their own pejabat penilai or their own atasan pejabat penilai, at any
// level (PermenPANRB 6/2022: the pejabat penilai is the superior).
type SelfRating struct {
	EmployeeID string
	// Upper is false when the employee comes back in their own line of
	// pejabat penilai (they rate themselves, or A rates B who rates A);
	// true when their atasan pejabat penilai is themselves or someone they
	// rate, directly or further down.
	Upper bool
}

// SelfRatings lists everyone the chart makes assess themselves, by id.
func (c *OrgChart) SelfRatings() []SelfRating {
	people := make([]string, 0, len(c.raters))
	for e := range c.raters {
		people = append(people, e)
	}
	slices.Sort(people)
	var out []SelfRating
	for _, e := range people {
		if c.inAnyLine(e, e) {
			out = append(out, SelfRating{EmployeeID: e})
			continue
		}
		ups := []string{c.UpperRater(e)}
		for _, p := range c.acting(e) {
			ups = append(ups, c.UpperRaterOn(e, p))
		}
		for _, up := range ups {
			if up != "" && (up == e || c.inAnyLine(e, up)) {
				out = append(out, SelfRating{EmployeeID: e, Upper: true})
				break
			}
		}
	}
	return out
}

// acting returns the posts employee id holds as Plt or Plh besides the one
// they are rated from.
func (c *OrgChart) acting(id string) []string {
	var out []string
	for _, p := range c.held[id] {
		if p != c.main[id] && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// inAnyLine is InLine over every SKP: target's pejabat penilai on their
// own position and on each post they act in (RaterOn), then theirs, and so
// on. A Plh rated on the acting post by someone they rate through an
// override rates, in effect, themselves.
func (c *OrgChart) inAnyLine(boss, target string) bool {
	seen := map[string]bool{}
	queue := []string{target}
	for len(queue) > 0 {
		e := queue[0]
		queue = queue[1:]
		raters := []string{c.Rater(e)}
		for _, p := range c.acting(e) {
			raters = append(raters, c.RaterOn(e, p))
		}
		for _, r := range raters {
			if r == "" || seen[r] {
				continue
			}
			if r == boss {
				return true
			}
			seen[r] = true
			queue = append(queue, r)
		}
	}
	return false
}

// NewSelfRatings returns the self-ratings of after that before did not
// have: what a change would bring, so that a fault already stored does not
// block every other change of the organisation.
func NewSelfRatings(before, after *OrgChart) []SelfRating {
	had := map[SelfRating]bool{}
	for _, s := range before.SelfRatings() {
		had[s] = true
	}
	var out []SelfRating
	for _, s := range after.SelfRatings() {
		if !had[s] {
			out = append(out, s)
		}
	}
	return out
}
