package web

import (
	"encoding/json"
	"slices"
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
