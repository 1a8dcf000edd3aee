// Package locale holds Kinerja's user-interface text in Bahasa Indonesia
// (the default) and English, and looks messages up by key.
package locale

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Default is the language used when none is chosen.
const Default = "id"

// Supported lists the languages with a catalog, in display order.
var Supported = []string{"id", "en"}

// Normalize returns a supported language code for s, or Default.
func Normalize(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	for _, l := range Supported {
		if l == s {
			return l
		}
	}
	return Default
}

// T returns the message key in language lang, formatted with args when it
// has verbs. A key missing in English falls back to Indonesian; a key
// missing everywhere is returned as is, so a gap shows instead of hiding.
func T(lang, key string, args ...any) string {
	msg, ok := catalogs[lang][key]
	if !ok {
		msg, ok = catalogs[Default][key]
	}
	if !ok {
		return key
	}
	if len(args) > 0 {
		args = render(lang, args)
		return fmt.Sprintf(noDoubleDot(msg, args), args...)
	}
	return msg
}

// noDoubleDot drops the punctuation a message puts right after a %s or
// %v whose argument already ends with it, so that text a person typed (a
// reason, a note, a title) or a name ("Kartini, S.Pd., M.Pd.") never
// doubles it: a full stop after an argument that ends a sentence (".",
// "!", "?", "…"), and a comma, semicolon or colon after one that ends
// with the same mark. Indexed verbs (%[3]s) take their own argument, as
// fmt does, and the verbs after them the ones that follow.
func noDoubleDot(msg string, args []any) string {
	if !strings.Contains(msg, "%") {
		return msg
	}
	var b strings.Builder
	n := 0 // the argument the next verb takes
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		b.WriteByte(c)
		if c != '%' || i+1 >= len(msg) {
			continue
		}
		// Copy the verb with its flags, argument index, width and
		// precision.
		j := i + 1
		for j < len(msg) && strings.IndexByte("+-# 0", msg[j]) >= 0 {
			j++
		}
		if j < len(msg) && msg[j] == '[' {
			if k := strings.IndexByte(msg[j:], ']'); k > 0 {
				if index, err := strconv.Atoi(msg[j+1 : j+k]); err == nil && index > 0 {
					n = index - 1
				}
				j += k + 1
			}
		}
		for j < len(msg) && strings.IndexByte("0123456789.*", msg[j]) >= 0 {
			j++
		}
		if j >= len(msg) {
			b.WriteString(msg[i+1:])
			break
		}
		b.WriteString(msg[i+1 : j+1])
		verb := msg[j]
		i = j
		if verb == '%' {
			continue
		}
		arg := n
		n++
		if (verb == 's' || verb == 'v') && i+1 < len(msg) && arg < len(args) && endsWith(fmt.Sprint(args[arg]), msg[i+1]) {
			i++ // the argument's own mark serves
		}
	}
	return b.String()
}

// endsWith reports whether text already ends with what punctuation mark
// would add: a sentence's end for a full stop, the same mark for a comma,
// a semicolon or a colon.
func endsWith(text string, mark byte) bool {
	text = strings.TrimRight(text, " ")
	switch mark {
	case '.':
		return strings.HasSuffix(text, ".") || strings.HasSuffix(text, "!") || strings.HasSuffix(text, "?") || strings.HasSuffix(text, "…")
	case ',', ';', ':':
		return strings.HasSuffix(text, string(mark))
	}
	return false
}

// keyed is a message given as an argument of another (model.Message): it
// is rendered in the same language before it is put in its place.
type keyed interface {
	MessageKey() (string, []any)
}

// dated is a calendar date given as an argument (model.Date): a message
// shows it as people write dates in its language, not as 2026-12-01.
type dated interface {
	Time() time.Time
}

// realDate reports whether s is a calendar date written as 2026-12-01. A
// date typed wrong ("2026-13-01", "2026-02-30", "31-12-2026") is echoed as
// typed, never shown as the zero date its parse left ("1 Januari 1").
func realDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// LongDate writes a date as people read it: "1 Desember 2026" in
// Indonesian, "1 December 2026" in English.
func LongDate(lang string, t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), T(lang, "month."+strconv.Itoa(int(t.Month()))), t.Year())
}

// render returns args with every keyed message rendered in lang.
func render(lang string, args []any) []any {
	var out []any // a copy, made only when an argument is rendered
	for i, a := range args {
		if m, ok := a.(keyed); ok {
			if out == nil {
				out = append([]any(nil), args...)
			}
			key, margs := m.MessageKey()
			out[i] = T(lang, key, margs...)
		} else if d, ok := a.(dated); ok && realDate(fmt.Sprint(a)) {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = LongDate(lang, d.Time())
		}
	}
	if out == nil {
		return args
	}
	return out
}

// FromAcceptLanguage picks the supported language a request's
// Accept-Language header prefers most (by its q weights, then by order),
// or Default when it names none.
func FromAcceptLanguage(header string) string {
	best, bestQ := Default, 0.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			q = f
		}
		tag = strings.ToLower(strings.TrimSpace(tag))
		if i := strings.IndexAny(tag, "-_"); i > 0 {
			tag = tag[:i]
		}
		if q > bestQ && slices.Contains(Supported, tag) {
			best, bestQ = tag, q
		}
	}
	return best
}

// Keys lists every key of a language's catalog (for tests).
func Keys(lang string) []string {
	var out []string
	for k := range catalogs[lang] {
		out = append(out, k)
	}
	return out
}

// Lookup returns the message key in language lang (falling back to
// Indonesian) and whether any catalog has it, for text that is optional:
// a page shows a raw code when no friendlier name exists.
func Lookup(lang, key string) (string, bool) {
	if msg, ok := catalogs[lang][key]; ok {
		return msg, true
	}
	msg, ok := catalogs[Default][key]
	return msg, ok
}
