// Package locale holds Kinerja's user-interface text in Bahasa Indonesia
// (the default) and English, and looks messages up by key.
package locale

import (
	"fmt"
	"strings"
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
		return fmt.Sprintf(msg, args...)
	}
	return msg
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
