package api

import (
	"fmt"
	"net/http/httptest"
	"slices"
	"testing"
)

// A report of three lists pages them together: limit of each a page, one
// cursor going on with each where it stopped, every item once, and no
// cursor once all three are read; a cursor that is not one is refused.
func TestReportPagesWalkEveryList(t *testing.T) {
	lists := [][]int{{1, 2, 3}, {}, {10, 11, 12, 13, 14}}
	var got [3][]int
	cursor, pages := "", 0
	for {
		pages++
		r := httptest.NewRequest("GET", "/x?limit=2"+cursor, nil)
		p, err := reportPagesOf(r, 3)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range lists {
			page := take(p, i, l)
			if len(page) > 2 {
				t.Errorf("page %d of list %d holds %d", pages, i, len(page))
			}
			got[i] = append(got[i], page...)
		}
		c := p.cursor()
		if c == nil {
			break
		}
		if pages > 5 {
			t.Fatal("no end")
		}
		cursor = "&cursor=" + *c
	}
	if pages != 3 {
		t.Errorf("%d pages, want 3", pages)
	}
	for i, l := range lists {
		if !slices.Equal(got[i], l) && (len(got[i]) > 0 || len(l) > 0) {
			t.Errorf("list %d read as %v, want %v", i, got[i], l)
		}
	}
	for _, bad := range []string{"3.0.1", "@1.2", "@a.0.0", "@-1.0.0"} {
		if _, err := reportPagesOf(httptest.NewRequest("GET", "/x?cursor="+bad, nil), 3); err == nil {
			t.Errorf("cursor %q taken", bad)
		}
	}
	if _, err := reportPagesOf(httptest.NewRequest("GET", fmt.Sprintf("/x?limit=%d", 201), nil), 3); err == nil {
		t.Error("limit=201 taken")
	}
}
