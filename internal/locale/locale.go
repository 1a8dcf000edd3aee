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

// noDoubleDot drops the full stop a message puts after a %s or %v whose
// argument already ends with one ("… oleh %s." with "Kartini, S.Pd.,
// M.Pd."), so that a sentence never ends in "..". A message with indexed
// verbs (%[2]s) is left as it is.
func noDoubleDot(msg string, args []any) string {
	if !strings.Contains(msg, "%") || strings.Contains(msg, "%[") {
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
		// Copy the verb with its flags, width and precision.
		j := i + 1
		for j < len(msg) && strings.IndexByte("+-# 0123456789.*", msg[j]) >= 0 {
			j++
		}
		if j >= len(msg) {
			continue
		}
		b.WriteString(msg[i+1 : j+1])
		verb := msg[j]
		i = j
		if verb == '%' {
			continue
		}
		arg := n
		n++
		if (verb == 's' || verb == 'v') && i+1 < len(msg) && msg[i+1] == '.' && arg < len(args) &&
			strings.HasSuffix(fmt.Sprint(args[arg]), ".") {
			i++ // the argument's own dot ends the sentence
		}
	}
	return b.String()
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
		} else if d, ok := a.(dated); ok && len(fmt.Sprint(a)) == len(time.DateOnly) {
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
