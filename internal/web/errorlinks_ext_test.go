package web_test

import (
	"regexp"
	"strings"
	"testing"
)

// linksToOwnField checks that a refused form's summary has the message
// text linked to #id, and that the page holds the element with that id.
func linksToOwnField(t *testing.T, what, body, id, text string) {
	t.Helper()
	link := regexp.MustCompile(`<li><a href="#` + regexp.QuoteMeta(id) + `">[^<]+</a>: ` + regexp.QuoteMeta(text))
	if !link.MatchString(body) {
		t.Errorf("%s: no message %q linked to #%s", what, text, id)
	}
	if !strings.Contains(body, `id="`+id+`"`) {
		t.Errorf("%s: the page has no element #%s", what, id)
	}
}
