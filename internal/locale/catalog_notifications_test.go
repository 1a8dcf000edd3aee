package locale

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestNotificationMessages: every notification wording renders in both
// languages from the same arguments. Their verbs are numbered (%[1]s), so
// a message may leave an argument out without fmt complaining, and the
// two languages use the same arguments.
func TestNotificationMessages(t *testing.T) {
	verb := regexp.MustCompile(`%(\[\d+\])?[a-z]`)
	args := []any{"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"}
	used := map[string]map[string][]string{} // message key → language → verbs
	for _, lang := range Supported {
		for key, msg := range catalogs[lang] {
			if !strings.HasPrefix(key, "notif.") || !(strings.HasSuffix(key, ".title") || strings.HasSuffix(key, ".body")) || key == "notif.title" {
				continue
			}
			prefix := key[:strings.LastIndex(key, ".")]
			for _, v := range verb.FindAllString(msg, -1) {
				if !strings.HasPrefix(v, "%[") {
					t.Errorf("%s (%s): the verb %s is not numbered", key, lang, v)
				}
				if used[prefix] == nil {
					used[prefix] = map[string][]string{}
				}
				if !slices.Contains(used[prefix][lang], v) {
					used[prefix][lang] = append(used[prefix][lang], v)
				}
			}
			if got := T(lang, key, args...); strings.Contains(got, "%!") {
				t.Errorf("%s (%s) renders as %q", key, lang, got)
			}
		}
	}
	for prefix, byLang := range used {
		id, en := byLang["id"], byLang["en"]
		slices.Sort(id)
		slices.Sort(en)
		if !slices.Equal(id, en) {
			t.Errorf("%s: Indonesian uses %v, English %v", prefix, id, en)
		}
		if _, ok := catalogs["id"][prefix+".title"]; !ok {
			t.Errorf("%s has a body but no title", prefix)
		}
	}
	for key := range notificationsID {
		if _, ok := notificationsEN[key]; !ok {
			t.Errorf("%s has no English text", key)
		}
	}
	for key := range notificationsEN {
		if _, ok := notificationsID[key]; !ok {
			t.Errorf("%s has no Indonesian text", key)
		}
	}
}
