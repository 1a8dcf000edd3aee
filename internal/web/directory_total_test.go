package web_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The directory, a unit's people and the accounts say once how many people the list
// holds on all its pages (what the store counts for the same filter), and
// show no pager when one page holds them all.
func TestPeopleListsSayTheirTotalOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		b := e.browser(t)
		b.signIn("admin", "rahasia-admin")
		ctx := context.Background()
		for path, f := range map[string]model.EmployeeFilter{
			"/pegawai":                  {InstansiID: e.o.Instansi.ID},
			"/pegawai?status=aktif&q=a": {InstansiID: e.o.Instansi.ID, ActiveOnly: true, Query: "a"},
			"/unit/" + e.o.Aplikasi.ID:  {InstansiID: e.o.Instansi.ID, UnitID: e.o.Aplikasi.ID, ActiveOnly: true},
			"/akun":                     {InstansiID: e.o.Instansi.ID, ActiveOnly: true},
			"/akun?q=a":                 {InstansiID: e.o.Instansi.ID, ActiveOnly: true, Query: "a"},
		} {
			n, err := s.EmployeeCount(ctx, f)
			if err != nil || n == 0 {
				t.Fatalf("%s: count %d, %v", path, n, err)
			}
			resp, body := b.get(path)
			if resp.StatusCode != 200 {
				t.Fatalf("%s: %d", path, resp.StatusCode)
			}
			total := `<p class="muted small" data-count>` + strconv.Itoa(n) + ` pegawai</p>`
			if strings.Count(body, total) != 1 || strings.Count(body, "data-count") != 1 {
				t.Errorf("%s does not say once that it holds %d people", path, n)
			}
			if n <= 50 && strings.Contains(body, `class="pager"`) {
				t.Errorf("%s has a pager for %d people", path, n)
			}
		}
	})
}
