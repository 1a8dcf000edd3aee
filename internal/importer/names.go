package importer

import (
	"strings"
	"unicode"
)

// Names and academic titles (gelar) as SIASN files carry them. SIASN keeps
// the name and the titles apart (NAMA, GELAR_DEPAN, GELAR_BELAKANG), but
// many exports and hand-made files hold the name with its titles
// ("Dr. H. Zulkifli Rangkuti, S.H., M.H."), sometimes beside the GELAR
// columns as well. The employee keeps them apart as the model does (Name,
// FrontTitle, BackTitle); FullName joins them once.

// knownFront are the front titles split off a name when the file gives no
// front title. They are matched without regard to case but with their
// dots, so "Ir." is a title and "Irwan" a name.
var knownFront = []string{
	"Prof.", "Dr.", "dr.", "drg.", "drh.", "Drs.", "Dra.", "Ir.", "H.", "Hj.", "K.H.", "KH.", "Ns.", "apt.",
}

// knownBack are the back titles split off a name after its first comma
// when the file gives no back title, matched without regard to case, dots
// or spaces ("S.H." = "SH"). Anything else after the comma keeps the whole
// text in the name: an unknown word is more likely a name than a title.
var knownBack = keySet(knownBackTitles...)

// knownBackTitles are the back titles in their standard spelling; where
// two spellings compare equal ("S.IP." and "S.I.P."), the first is the
// one a title in capitals takes.
var knownBackTitles = []string{
	"S.H.", "M.H.", "S.H.I.", "M.Kn.", "S.Pd.", "M.Pd.", "S.Pd.I.", "M.Pd.I.", "S.Pd.SD.", "Gr.",
	"S.Si.", "M.Si.", "S.Kom.", "M.Kom.", "S.I.Kom.", "M.I.Kom.", "S.T.", "M.T.", "S.ST.", "S.Tr.T.",
	"S.E.", "M.E.", "S.E.I.", "M.M.", "S.M.", "M.B.A.", "S.Ak.", "M.Ak.", "Ak.", "S.Tr.Ak.",
	"S.Sos.", "M.Sos.", "S.Sos.I.", "S.IP.", "M.IP.", "S.AP.", "M.AP.", "S.STP.", "S.Tr.IP.", "M.Tr.IP.",
	"S.Kep.", "M.Kep.", "Ns.", "S.Ked.", "S.K.M.", "M.K.M.", "S.Kes.", "M.Kes.", "S.Gz.", "S.Farm.",
	"M.Farm.", "Apt.", "S.Tr.Keb.", "S.Tr.Kep.", "S.Keb.", "M.Biomed.", "M.P.H.", "S.Psi.", "M.Psi.",
	"S.Ag.", "M.Ag.", "S.Th.", "S.Hum.", "M.Hum.", "S.S.", "S.Sn.", "S.Ds.", "S.P.", "M.P.", "S.Pt.",
	"S.Pi.", "S.Hut.", "S.TP.", "S.KH.", "S.Stat.", "S.Mat.", "S.Sy.", "M.Sc.", "M.Eng.", "M.A.",
	"Ph.D.", "A.Md.", "A.Md.Kep.", "A.Md.Keb.", "A.Md.Kes.", "A.Md.Ak.", "A.Md.Farm.", "A.Md.Gz.",
	"A.Md.T.", "A.Md.Kom.", "A.Ma.", "A.Ma.Pd.", "A.P.", "M.A.P.", "S.A.P.", "S.I.P.", "M.Si.",
	"Sp.A.", "Sp.PD.", "Sp.OG.", "Sp.B.", "Sp.An.", "Sp.M.", "Sp.THT-KL.", "Sp.KK.", "Sp.JP.", "Sp.N.",
	"Sp.Rad.", "Sp.P.", "Sp.KJ.", "Sp.PK.", "Sp.PA.", "Sp.S.", "Sp.FK.", "Sp.KG.", "Sp.Ort.", "Sp.BM.",
}

// standardTitle is title (one title, as found) in the standard spelling
// of the known title it is among known: the one spelled with the same
// letters in the same case ("dr." stays the physician's "dr."), else the
// first that compares equal ("DR" is "Dr.", "SH" is "S.H."). A title
// Kinerja does not know is kept as written.
func standardTitle(title string, known []string) string {
	key := titleKey(title)
	letters := strings.NewReplacer(".", "", " ", "", ",", "")
	first := ""
	for _, k := range known {
		if titleKey(k) != key {
			continue
		}
		if letters.Replace(k) == letters.Replace(title) {
			return k
		}
		if first == "" {
			first = k
		}
	}
	if first == "" {
		return title
	}
	return first
}

// standardFront writes front titles in their standard spelling, one space
// apart: "DR H" and "Dr.H." give "Dr. H."; from the first title Kinerja
// does not know on, the text is kept as written.
func standardFront(s string) string {
	if s == "" {
		return ""
	}
	ts := make([]frontTitle, len(knownFront))
	for i, t := range knownFront {
		ts[i] = frontTitle{t, true}
	}
	rest, took := cutFront(s, ts)
	for i, t := range took {
		took[i] = standardTitle(t, knownFront)
	}
	if rest != "" {
		took = append(took, rest)
	}
	return strings.Join(took, " ")
}

// standardBack writes back titles in their standard spelling, a comma and
// a space apart: "SH, MH" and "S.H.,M.H." give "S.H., M.H."; a title
// Kinerja does not know is kept as written.
func standardBack(s string) string {
	var out []string
	for _, p := range backParts(s) {
		if pieces, ok := joinedTitles(p, knownBack); ok {
			out = append(out, pieces...)
		} else {
			out = append(out, p)
		}
	}
	for i, p := range out {
		out[i] = standardTitle(p, knownBackTitles)
	}
	return strings.Join(out, ", ")
}

// joinedTitles splits one back title that is several known titles joined
// without a comma ("S.Pd.Gr" or "S.Pd.Gr.", the teacher's S.Pd. and Gr.;
// "SH.MH") into them, each written with its dots; ok is false when s is a
// known title by itself or cannot be cut into known titles alone. The
// cuts fall at dots and spaces, and the longest title is tried first, so
// "S.Pd.I." stays one title.
func joinedTitles(s string, known map[string]bool) (pieces []string, ok bool) {
	if known[titleKey(s)] {
		return nil, false
	}
	segs := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || unicode.IsSpace(r) })
	if len(segs) < 2 {
		return nil, false
	}
	var cut func(i int) []string
	cut = func(i int) []string {
		if i == len(segs) {
			return []string{}
		}
		for j := len(segs); j > i; j-- {
			if !known[titleKey(strings.Join(segs[i:j], ""))] {
				continue
			}
			if rest := cut(j); rest != nil {
				return append([]string{strings.Join(segs[i:j], ".") + "."}, rest...)
			}
		}
		return nil
	}
	pieces = cut(0)
	return pieces, len(pieces) > 1
}

// nameParticles stay in lower case inside a name written in capitals:
// "MUHAMMAD BIN ABDULLAH" is "Muhammad bin Abdullah".
var nameParticles = map[string]bool{"bin": true, "binti": true, "van": true, "von": true, "der": true, "den": true, "de": true}

// standardName is a name written entirely in capitals in title case, as
// SIASN exports write them: "ZULKIFLI RANGKUTI" is "Zulkifli Rangkuti",
// "SRI-REJEKI" is "Sri-Rejeki", "MA'RUF" is "Ma'ruf", "M. NUR" is
// "M. Nur", and the particles bin, binti, van, von, der, den and de
// after the first word are in lower case. A name with any lower-case
// letter is kept as written: its case is the writer's choice.
func standardName(name string) string {
	upper := false
	for _, r := range name {
		if unicode.IsLower(r) {
			return name
		}
		upper = upper || unicode.IsUpper(r)
	}
	if !upper {
		return name
	}
	words := strings.Split(strings.ToLower(name), " ")
	for i, w := range words {
		if i > 0 && nameParticles[w] {
			continue
		}
		rs := []rune(w)
		start := true
		for j, r := range rs {
			if start && unicode.IsLetter(r) {
				rs[j] = unicode.ToUpper(r)
			}
			start = r == '-' || r == '.'
		}
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}

// titleKey compares titles without regard to case, spaces, dots or commas.
func titleKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if !unicode.IsSpace(r) && r != '.' && r != ',' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func keySet(titles ...string) map[string]bool {
	m := map[string]bool{}
	for _, t := range titles {
		if k := titleKey(t); k != "" {
			m[k] = true
		}
	}
	return m
}

// frontTokens splits front titles into single titles: "Dr.H." and
// "Dr. H." both give "Dr." and "H.".
func frontTokens(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		for f != "" {
			i := strings.IndexByte(f, '.')
			if i < 0 || i == len(f)-1 {
				out = append(out, f)
				break
			}
			out = append(out, f[:i+1])
			f = f[i+1:]
		}
	}
	return out
}

// backParts splits back titles at their commas.
func backParts(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// frontTitle is a title cutFront looks for; loose lets the name leave out
// its dots ("DR H ZULKIFLI" for the given "Dr. H.").
type frontTitle struct {
	text  string
	loose bool
}

// matchFront tells how many bytes of s a title takes at its start, 0 if
// it is not there. A title ends the name's word, or ends with a dot
// ("Dr.H." holds two titles).
func matchFront(s string, t frontTitle) int {
	i := 0
	for j := 0; j < len(t.text); j++ {
		c := t.text[j]
		if c == '.' {
			if i < len(s) && s[i] == '.' {
				i++
			} else if !t.loose {
				return 0
			}
			continue
		}
		if i >= len(s) || unicode.ToLower(rune(s[i])) != unicode.ToLower(rune(c)) {
			return 0
		}
		i++
	}
	if i == 0 || i == len(s) || s[i] == ' ' || (s[i-1] == '.' && s[i] != '.' && s[i] != ',') {
		return i
	}
	return 0
}

// cutFront takes the titles found at the start of name off it, and gives
// the rest and the titles it took, as written.
func cutFront(name string, titles []frontTitle) (rest string, took []string) {
	rest = name
	for {
		best := 0
		for _, t := range titles {
			if n := matchFront(rest, t); n > best {
				best = n
			}
		}
		if best == 0 {
			return rest, took
		}
		took = append(took, rest[:best])
		rest = strings.TrimLeft(rest[best:], " ")
	}
}

// cutBack takes the titles after name's commas off it. With given titles
// (a GELAR_BELAKANG column), the end of the name that spells them, in
// full or title by title from the end, is taken. Without, the text after
// the first comma is taken only when every part of it is a known title.
func cutBack(name string, given string, known map[string]bool) (rest string, took []string) {
	first := strings.IndexByte(name, ',')
	if first < 0 {
		return name, nil
	}
	if given != "" {
		want := titleKey(given)
		for i := first; i >= 0; {
			if titleKey(name[i:]) == want {
				return strings.TrimRight(name[:i], " ,"), backParts(name[i:])
			}
			next := strings.IndexByte(name[i+1:], ',')
			if next < 0 {
				break
			}
			i += 1 + next
		}
		set := keySet(backParts(given)...)
		rest = name
		for {
			i := strings.LastIndexByte(rest, ',')
			if i < 0 || !set[titleKey(rest[i+1:])] {
				return rest, took
			}
			took = append([]string{strings.TrimSpace(rest[i+1:])}, took...)
			rest = strings.TrimRight(rest[:i], " ,")
		}
	}
	var parts []string
	for _, p := range backParts(name[first+1:]) {
		if known[titleKey(p)] {
			parts = append(parts, p)
		} else if pieces, ok := joinedTitles(p, known); ok {
			parts = append(parts, pieces...)
		} else {
			return name, nil
		}
	}
	return strings.TrimRight(name[:first], " ,"), parts
}

// splitName gives a row's name and titles apart, the titles Kinerja
// knows in their standard spelling (standardFront, standardBack). name is the NAMA cell
// with its spaces collapsed; front and back are the GELAR cells; stored
// are the titles the employee has now ("" for a new one). A GELAR cell
// that is filled is the title, and only its titles are taken off the
// name; a blank one lets the name's known (or stored) titles be split
// off, and else keeps what is stored. The name never becomes empty.
func splitName(name, front, back, storedFront, storedBack string) (n, f, b string) {
	front, back = strings.Join(strings.Fields(front), " "), strings.Join(strings.Fields(back), " ")
	if none(front) {
		front = ""
		storedFront = ""
	}
	if none(back) {
		back = ""
		storedBack = ""
	}
	n, f, b = name, front, back
	if front != "" {
		var ts []frontTitle
		for _, t := range frontTokens(front) {
			ts = append(ts, frontTitle{t, true})
		}
		n, _ = cutFront(n, ts)
	} else {
		ts := make([]frontTitle, 0, len(knownFront)+2)
		for _, t := range frontTokens(storedFront) {
			ts = append(ts, frontTitle{t, true})
		}
		for _, t := range knownFront {
			// Loose: SIASN exports often spell them in capitals
			// without dots ("DR H ZULKIFLI"); a title still has to
			// end a word, so "Irwan" keeps its "Ir".
			ts = append(ts, frontTitle{t, true})
		}
		var took []string
		n, took = cutFront(n, ts)
		f = pickTitle(took, " ", storedFront, frontTokens(storedFront))
	}
	if back != "" {
		n, _ = cutBack(n, back, nil)
	} else {
		known := knownBack
		if storedBack != "" {
			known = keySet(backParts(storedBack)...)
			for k := range knownBack {
				known[k] = true
			}
		}
		var took []string
		n, took = cutBack(n, "", known)
		b = pickTitle(took, ", ", storedBack, backParts(storedBack))
	}
	if strings.TrimSpace(n) == "" {
		return name, standardFront(front), standardBack(back)
	}
	return n, standardFront(f), standardBack(b)
}

// none tells a cell that says "no title" the way SIASN exports do: "-".
func none(s string) bool { return s != "" && strings.Trim(s, "-") == "" }

// pickTitle is the titles found in the name, joined by sep; or the stored
// title when the name held none, or only titles the stored one has (a
// blank cell never takes a title away).
func pickTitle(found []string, sep, stored string, storedParts []string) string {
	have := keySet(storedParts...)
	for _, t := range found {
		if !have[titleKey(t)] {
			return strings.Join(found, sep)
		}
	}
	return stored
}

// BareName is a name without the academic and religious titles Kinerja
// knows (Dr., H., S.H., M.Kom. ...), for comparing two records of one
// person where one was typed with its titles and the other without.
func BareName(name string) string {
	n, _, _ := splitName(strings.Join(strings.Fields(name), " "), "", "", "", "")
	return n
}
