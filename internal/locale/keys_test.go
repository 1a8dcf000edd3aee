package locale

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// dynamicPrefixes lists the key families that code builds at run time
// from a code or a number, so that no literal names their keys. A key is
// used when it starts with one of these; add a prefix here only where the
// code really composes the key (and say where).
var dynamicPrefixes = []string{
	"err.",                // web.errorPage: "err." + status + ".title" / ".body"
	"skp.history.",        // templates: printf "skp.history.%s" (app.SKPEvent.Action)
	"action.",             // audit actions, base.Named("action.", ...)
	"entity.",             // audited record types, base.Named("entity.", ...)
	"role.",               // "role." + role
	"status.",             // templates: printf "status.%s" (employee status)
	"lang.",               // templates: printf "lang.%s"
	"unitkind.",           // templates: printf "unitkind.%s"
	"skp.status.",         // templates: printf "skp.status.%s"
	"skp.format.",         // templates: printf "skp.format.%s"
	"progress.status.",    // templates: printf "progress.status.%s"
	"need.category.",      // templates: printf "need.category.%s"
	"need.show.",          // templates: printf "need.show.%s"
	"need.kind.",          // templates: printf "need.kind.%s"
	"need.ok.",            // web: "need.ok." + step
	"coaching.scale.",     // web: fmt.Sprintf("coaching.scale.%d", v)
	"coaching.b18.q",      // web: fmt.Sprintf("coaching.b18.q%d", i+1)
	"import.col.",         // web: "import.col." + column
	"coaching.kind.",      // templates: printf "coaching.kind.%s"
	"gender.",             // templates: printf "gender.%s"
	"period.",             // templates: printf "period.%s" (a period's status)
	"month.",              // model.Period.Label: "month." + number
	"notif.",              // app.RenderNotification: "notif." + kind [+ "." + variant] + ".title" / ".body"
	"employment.kind.",    // templates: printf "employment.kind.%s" (why an employment ended)
	"employment.nip.",     // templates: printf "employment.nip.%s" (why a NIP changed)
	"rating.",             // model.Rating.Label: "rating." + rating
	"predikat.",           // model.Predikat.Label: "predikat." + predikat
	"capaian.",            // model.Capaian.Label: "capaian." + capaian
	"penilaian.step.",     // templates: printf "penilaian.step.%s" (app.AssessmentEvent.Action)
	"followup.status.",    // templates: printf "followup.status.%s"
	"followup.kind.",      // templates: printf "followup.kind.%s"
	"report.name.",        // templates: printf "report.name.%s"
	"calib.",              // templates: printf "calib.short.%s", "calib.status.%s", "calib.astatus.%s"; web: "calib.ok." + step
	"penilaian.status.",   // templates: printf "penilaian.status.%s" (an assessment's status)
	"penilaian.standing.", // templates: printf "penilaian.standing.%s" (model.Standing)
	"audit.field.",        // web.auditView.label: "audit.field." + a field in snake case
}

// root is the module's root directory.
const root = "../.."

// sourceStrings returns every string literal of the non-test Go files and
// every quoted word of the templates and scripts, outside this package's
// catalogs, with where each Go literal stands.
func sourceStrings(t *testing.T) (lits map[string]bool, calls []keyCall) {
	t.Helper()
	lits = map[string]bool{}
	quoted := regexp.MustCompile(`["'` + "`" + `]([A-Za-z0-9_.\-]+)["'` + "`" + `]`)
	fset := token.NewFileSet()
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name != "." && name != ".." && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasSuffix(path, "_test.go"):
			return nil
		case strings.HasSuffix(path, ".go"):
			if dir, _ := filepath.Abs(filepath.Dir(path)); dir == here {
				return nil // this package's own files define the keys
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BasicLit:
					if n.Kind == token.STRING {
						if s, err := strconv.Unquote(n.Value); err == nil {
							lits[s] = true
						}
					}
				case *ast.CallExpr:
					calls = append(calls, callKeys(fset, n)...)
				}
				return true
			})
		case strings.HasSuffix(path, ".html"), strings.HasSuffix(path, ".js"):
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range quoted.FindAllStringSubmatch(string(b), -1) {
				lits[m[1]] = true
			}
			if strings.HasSuffix(path, ".html") {
				calls = append(calls, templateCalls(path, string(b))...)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return lits, calls
}

// keyCall is a call that passes a message key and the arguments of its
// text: model.Invalid(field, key, args...), v.Add(field, key, args...),
// model.Msg(key, args...), locale.T(lang, key, args...), b.T(key, args...).
type keyCall struct {
	pos  string
	key  string
	args int
}

// templateT finds {{.T "key" args}} and {{$.T "key" args}} in a template.
var templateT = regexp.MustCompile(`\.T "([A-Za-z0-9_.\-]+)"`)

// templateCalls lists the keys a template passes to T, counting the
// arguments that follow each (a parenthesised pipeline or a quoted
// string counts as one).
func templateCalls(path, text string) []keyCall {
	var out []keyCall
	for _, m := range templateT.FindAllStringSubmatchIndex(text, -1) {
		key := text[m[2]:m[3]]
		n, i := 0, m[1]
	args:
		for i < len(text) {
			switch c := text[i]; {
			case c == ' ' || c == '\t' || c == '\n':
				i++
			case c == '}' || c == ')' || c == '|':
				break args
			case c == '(':
				depth := 0
				for ; i < len(text); i++ {
					if text[i] == '(' {
						depth++
					} else if text[i] == ')' {
						if depth--; depth == 0 {
							i++
							break
						}
					}
				}
				n++
			case c == '"':
				i++
				for i < len(text) && text[i] != '"' {
					if text[i] == '\\' {
						i++
					}
					i++
				}
				i++
				n++
			default:
				for i < len(text) && !strings.ContainsRune(" \t\n})|", rune(text[i])) {
					i++
				}
				n++
			}
		}
		line := strings.Count(text[:m[0]], "\n") + 1
		out = append(out, keyCall{pos: path + ":" + strconv.Itoa(line), key: key, args: n})
	}
	return out
}

func callKeys(fset *token.FileSet, c *ast.CallExpr) []keyCall {
	name := ""
	switch fn := c.Fun.(type) {
	case *ast.Ident:
		name = fn.Name
	case *ast.SelectorExpr:
		name = fn.Sel.Name
	}
	at := map[string]int{"Invalid": 1, "Add": 1, "Msg": 0, "T": -1, "fileError": 0}[name]
	if _, ok := map[string]bool{"Invalid": true, "Add": true, "Msg": true, "T": true, "fileError": true}[name]; !ok || c.Ellipsis.IsValid() {
		return nil
	}
	if at == -1 { // locale.T(lang, key, ...) or b.T(key, ...)
		at = 0
		if len(c.Args) > 1 {
			if lit, ok := c.Args[1].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				at = 1
			}
		}
	}
	if at >= len(c.Args) {
		return nil
	}
	lit, ok := c.Args[at].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil
	}
	key, err := strconv.Unquote(lit.Value)
	if err != nil {
		return nil
	}
	return []keyCall{{pos: fset.Position(c.Pos()).String(), key: key, args: len(c.Args) - at - 1}}
}

// verbs counts the arguments a catalog text takes: the highest argument a
// verb refers to, sequentially or by an explicit index such as %[2]s (a
// notification's wording may skip an argument it does not need).
func verbs(msg string) int {
	n := 0
	for _, v := range parseVerbs(msg) {
		n = max(n, v.arg)
	}
	return n
}

// verb is one formatting verb: the argument it takes (1-based) and its letter.
type verb struct {
	arg    int
	letter byte
}

// parseVerbs lists the verbs of a catalog text as fmt reads them.
func parseVerbs(msg string) []verb {
	var out []verb
	next := 1
	for i := 0; i < len(msg); i++ {
		if msg[i] != '%' {
			continue
		}
		i++
		if i < len(msg) && msg[i] == '%' {
			continue
		}
		arg := next
		for i < len(msg) && !unicode.IsLetter(rune(msg[i])) {
			if msg[i] == '[' {
				end := strings.IndexByte(msg[i:], ']')
				if end < 0 {
					break
				}
				if n, err := strconv.Atoi(msg[i+1 : i+end]); err == nil {
					arg = n
				}
				i += end
			}
			i++
		}
		if i >= len(msg) {
			break
		}
		out = append(out, verb{arg: arg, letter: msg[i]})
		next = arg + 1
	}
	return out
}

// sample returns arguments that fit the verbs of msg.
func sample(msg string) []any {
	vs := parseVerbs(msg)
	out := make([]any, verbs(msg))
	for i := range out {
		out[i] = "x"
	}
	for _, v := range vs {
		switch v.letter {
		case 'd', 'c':
			out[v.arg-1] = 7
		case 'f':
			out[v.arg-1] = 1.5
		}
	}
	return out
}

// TestEveryKeyInBothLanguages renders every key in both languages: each
// has a text in each (the English notes on import columns excepted: their
// Indonesian lives with the importer), the two take the same arguments,
// and rendering leaves no formatting mistake.
func TestEveryKeyInBothLanguages(t *testing.T) {
	keys := map[string]bool{}
	for _, lang := range Supported {
		for k := range catalogs[lang] {
			keys[k] = true
		}
	}
	for key := range keys {
		id, inID := catalogs["id"][key]
		en, inEN := catalogs["en"][key]
		if _, col := importColumnsEN[key]; col && !inID {
			id, inID = en, true
		}
		if !inID || !inEN {
			t.Errorf("%q is missing in %s", key, map[bool]string{true: "English", false: "Indonesian"}[inID])
			continue
		}
		if verbs(id) != verbs(en) {
			t.Errorf("%q takes %d arguments in Indonesian but %d in English: %q / %q", key, verbs(id), verbs(en), id, en)
		}
		for lang, msg := range map[string]string{"id": id, "en": en} {
			if strings.TrimSpace(msg) == "" {
				t.Errorf("%q is empty in %s", key, lang)
			}
			if out := T(lang, key, sample(msg)...); strings.Contains(out, "%!") {
				t.Errorf("%q renders badly in %s: %q", key, lang, out)
			}
		}
	}
}

// TestEveryKeyIsUsed fails on a catalog key that no Go source, template
// or script names, unless code builds it from one of dynamicPrefixes; and
// on a call that passes a key with a number of arguments its text does
// not take.
func TestEveryKeyIsUsed(t *testing.T) {
	lits, calls := sourceStrings(t)
	var unused []string
	needed := map[string]bool{} // prefixes that cover a key no literal names
	keys := map[string]bool{}
	for _, lang := range Supported {
		for key := range catalogs[lang] {
			keys[key] = true
		}
	}
	for key := range keys {
		if lits[key] {
			continue
		}
		dynamic := false
		for _, p := range dynamicPrefixes {
			if strings.HasPrefix(key, p) {
				dynamic, needed[p] = true, true
				break
			}
		}
		if !dynamic {
			unused = append(unused, key)
		}
	}
	for _, p := range dynamicPrefixes {
		if !needed[p] {
			t.Errorf("dynamic prefix %q covers no key that code builds: remove it from the list", p)
		}
	}
	sort.Strings(unused)
	for _, key := range unused {
		t.Errorf("%q is in the catalogs but nothing uses it", key)
	}
	for _, c := range calls {
		msg, ok := catalogs["id"][c.key]
		if !ok {
			continue // not a key: a word shown as it is, or another call
		}
		if want := verbs(msg); want != c.args {
			t.Errorf("%s: %q takes %d arguments, given %d", c.pos, c.key, want, c.args)
		}
	}
}
