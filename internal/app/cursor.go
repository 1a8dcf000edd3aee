package app

import "github.com/kinerja-id/kinerja/internal/model"

// cursorGiven is the rule of every list's cursor: it is what a page of
// the list gave (the id of its last item, or a position in it), and one
// that names nothing the list holds (garbage, an id of nothing, a page
// past the end) is refused with a 422 naming cursor, under the list's own
// message key, rather than answering an empty page or the first one
// again. given says whether the cursor names something the list gave.
func cursorGiven(given bool, key string) error {
	if given {
		return nil
	}
	return model.Invalid("cursor", key)
}
