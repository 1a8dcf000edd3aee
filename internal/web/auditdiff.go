package web

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/locale"
)

// fieldChange is one field of an audited record, before and after.
type fieldChange struct {
	Field, Before, After string
}

// diffJSON lists the top-level fields that differ between two JSON
// objects, in name order. ok is false when either side is not an object
// (a creation or a deletion, or something that is not JSON): then the
// page shows the whole record instead.
func diffJSON(before, after string) (changes []fieldChange, ok bool) {
	if before == "" || after == "" {
		return nil, false
	}
	var b, a map[string]json.RawMessage
	if json.Unmarshal([]byte(before), &b) != nil || json.Unmarshal([]byte(after), &a) != nil {
		return nil, false
	}
	var keys []string
	for k := range b {
		keys = append(keys, k)
	}
	for k := range a {
		if _, seen := b[k]; !seen {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		bv, av := compact(b[k]), compact(a[k])
		if bv != av {
			changes = append(changes, fieldChange{Field: k, Before: readable(bv), After: readable(av)})
		}
	}
	return changes, true
}

// compact normalises a JSON value so that spacing differences do not count
// as changes.
func compact(v json.RawMessage) string {
	if len(v) == 0 {
		return ""
	}
	var x any
	if json.Unmarshal(v, &x) != nil {
		return string(v)
	}
	b, _ := json.Marshal(x)
	return string(b)
}

// readable shows a JSON value to a person: strings without quotes, an
// absent or null value as a dash.
func readable(v string) string {
	if v == "" || v == "null" || v == `""` {
		return "—"
	}
	var s string
	if json.Unmarshal([]byte(v), &s) == nil {
		return s
	}
	return v
}

// summaryKeys are the fields that name a record, most telling first.
var summaryKeys = []string{"Name", "name", "display_name", "DisplayName", "username", "Username", "Code", "code", "file_name", "FileName"}

// summaryOf names the record an audit entry is about, from its after (or,
// for a deletion, its before) side: an employee's name, a unit's code.
func summaryOf(before, after string) string {
	for _, side := range []string{after, before} {
		var m map[string]json.RawMessage
		if side == "" || json.Unmarshal([]byte(side), &m) != nil {
			continue
		}
		for _, k := range summaryKeys {
			var s string
			if json.Unmarshal(m[k], &s) == nil && s != "" {
				return s
			}
		}
	}
	return ""
}

// fieldValue is one field of an audited record as a person reads it.
type fieldValue struct {
	Label, Value string
}

// auditView turns the audited record's field names and codes into what a
// person reads, in one language, for one type of record.
type auditView struct {
	lang, entity string
}

// label names a field: the catalog's "audit.field." name when there is
// one, otherwise its words ("SubmittedAt" becomes "Submitted at"), never
// the Go or JSON identifier itself.
func (v auditView) label(field string) string {
	snake := snakeCase(field)
	if msg, ok := locale.Lookup(v.lang, "audit.field."+snake); ok {
		return msg
	}
	words := strings.ReplaceAll(snake, "_", " ")
	r, n := utf8.DecodeRuneInString(words)
	return string(unicode.ToUpper(r)) + words[n:]
}

// valuePrefixes are the catalog families that name the codes a field
// holds, by field; "status" depends on the type of record.
var valuePrefixes = map[string][]string{
	"predikat":            {"predikat."},
	"from_predikat":       {"predikat."},
	"to_predikat":         {"predikat."},
	"hasil_kerja":         {"rating."},
	"perilaku_kerja":      {"rating."},
	"from_hasil_kerja":    {"rating."},
	"to_hasil_kerja":      {"rating."},
	"from_perilaku_kerja": {"rating."},
	"to_perilaku_kerja":   {"rating."},
	"gender":              {"gender."},
	"locale":              {"lang."},
	"roles":               {"role."},
	"role":                {"role."},
	"kind":                {"employment.kind."},
	"end_kind":            {"employment.kind."},
}

// statusPrefixes name a status by the type of record it belongs to.
var statusPrefixes = map[string]string{
	"employee":    "status.",
	"skp":         "skp.status.",
	"progress":    "progress.status.",
	"assessment":  "penilaian.status.",
	"calibration": "calib.status.",
	"need":        "need.status.",
	"followup":    "followup.status.",
	"objection":   "objection.status.",
	"period":      "period.",
}

// value shows a field's JSON value: a code by its catalog name, yes or no
// for a flag, a dash for nothing, a list joined by commas.
func (v auditView) value(field, raw string) string {
	snake := snakeCase(field)
	prefixes := valuePrefixes[snake]
	if snake == "status" {
		if p, ok := statusPrefixes[v.entity]; ok {
			prefixes = []string{p}
		} else {
			prefixes = []string{"status.", "skp.status.", "progress.status."}
		}
	}
	name := func(code string) string {
		for _, p := range prefixes {
			if msg, ok := locale.Lookup(v.lang, p+code); ok {
				return msg
			}
		}
		return code
	}
	switch raw {
	case "true":
		return locale.T(v.lang, "audit.value.yes")
	case "false":
		return locale.T(v.lang, "audit.value.no")
	case `"0001-01-01T00:00:00Z"`:
		return "—"
	}
	var list []string
	if len(prefixes) > 0 && json.Unmarshal([]byte(raw), &list) == nil {
		for i := range list {
			list[i] = name(list[i])
		}
		return strings.Join(list, ", ")
	}
	s := readable(raw)
	if len(prefixes) > 0 && s != "—" {
		return name(s)
	}
	return s
}

// changes labels diffJSON's fields and names their values.
func (v auditView) changes(list []fieldChange, before, after string) []fieldChange {
	var b, a map[string]json.RawMessage
	_ = json.Unmarshal([]byte(before), &b)
	_ = json.Unmarshal([]byte(after), &a)
	var out []fieldChange
	for _, c := range list {
		ch := fieldChange{Field: v.label(c.Field), Before: v.value(c.Field, compact(b[c.Field])), After: v.value(c.Field, compact(a[c.Field]))}
		if ch.Before != ch.After { // absent and empty read alike: no change to show
			out = append(out, ch)
		}
	}
	return out
}

// fields lists a whole record's fields in name order, labelled, or nil
// when side is not a JSON object (the page then shows it as it is).
func (v auditView) fields(side string) []fieldValue {
	var m map[string]json.RawMessage
	if side == "" || json.Unmarshal([]byte(side), &m) != nil {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]fieldValue, 0, len(keys))
	for _, k := range keys {
		out = append(out, fieldValue{Label: v.label(k), Value: v.value(k, compact(m[k]))})
	}
	return out
}

// snakeCase writes a Go or JSON field name in lower case with underscores:
// "SubmittedAt" and "submitted_at" both become "submitted_at", "SKPID"
// becomes "skp_id".
func snakeCase(s string) string {
	if base, ok := strings.CutSuffix(s, "ID"); ok && base != "" {
		return snakeCase(base) + "_id"
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsUpper(r) {
			prevLower := i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]))
			nextLower := i > 0 && i+1 < len(rs) && unicode.IsUpper(rs[i-1]) && unicode.IsLower(rs[i+1])
			if prevLower || nextLower {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
