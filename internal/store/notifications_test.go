package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// Entries sent to a supervisor come as one notification that counts them
// while it is unread and fresh; read, or older than the window, the next
// one stands alone again. Kinds that do not come in numbers never group.
func TestNotificationsOfAKindGroup(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		o := storetest.SeedOrg(t, s)
		ctx := context.Background()
		now := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
		s.UseClock(func() time.Time { return now })
		sys := model.SystemActor(o.Instansi.ID, "test")
		notify := func(kind string, args ...string) {
			t.Helper()
			if err := s.Write(ctx, sys, func(tx *store.Tx) error {
				return tx.Notify(ctx, model.Notification{InstansiID: o.Instansi.ID, EmployeeID: o.Kabid.ID, Kind: kind, Args: args, Link: "/meja#x"})
			}); err != nil {
				t.Fatal(err)
			}
		}
		list := func() []model.Notification {
			t.Helper()
			ns, err := s.Notifications(ctx, o.Kabid.ID, 50)
			if err != nil {
				t.Fatal(err)
			}
			return ns
		}
		notify("progress.submitted", "Andi Pratama", "2026-03-02", "Memperbarui server")
		now = now.Add(30 * time.Minute)
		notify("progress.submitted", "Budi", "2026-03-02", "Menyusun laporan")
		now = now.Add(30 * time.Minute)
		notify("progress.submitted", "Citra", "2026-03-02", "Rapat koordinasi")
		ns := list()
		if len(ns) != 1 || ns[0].Variant != "many" || ns[0].Args[0] != "3" || ns[0].Args[1] != "Citra" || ns[0].Link != "/meja" {
			t.Fatalf("three entries within the window: %+v", ns)
		}
		if n, _ := s.UnreadNotifications(ctx, o.Kabid.ID); n != 1 {
			t.Errorf("unread = %d, want 1", n)
		}

		// Another kind stands alone.
		notify("feedback", "Andi Pratama", "Terima kasih")
		if ns := list(); len(ns) != 2 {
			t.Fatalf("a feedback joined the group: %+v", ns)
		}

		// Once read, the next entry starts anew.
		if _, err := s.MarkNotificationsRead(ctx, o.Kabid.ID, []string{ns[0].ID}, now); err != nil {
			t.Fatal(err)
		}
		notify("progress.submitted", "Dedi", "2026-03-02", "Servis jaringan")
		if ns := list(); len(ns) != 3 || ns[0].Variant != "" || ns[0].Args[0] != "Dedi" {
			t.Fatalf("after reading: %+v", ns)
		}

		// Past the window, too.
		now = now.Add(store.NotificationGroupWindow + time.Minute)
		notify("progress.submitted", "Eka", "2026-03-02", "Pendataan aset")
		if ns := list(); len(ns) != 4 || ns[0].Variant != "" || ns[0].Args[0] != "Eka" {
			t.Fatalf("past the window: %+v", ns)
		}

		// The SKPs one change of the organisation hands to a rater come
		// as one notification, too.
		notify("skp.raters", "Andi Pratama", "2026", "Siti Rahmawati")
		notify("skp.raters", "Budi", "2026", "Siti Rahmawati")
		notify("skp.raters", "Citra", "2026", "Siti Rahmawati")
		if ns := list(); ns[0].Kind != "skp.raters" || ns[0].Variant != "many" || ns[0].Args[0] != "3" || ns[0].Args[1] != "Citra" ||
			ns[0].Link != "/meja#skp-wait-h" || ns[1].Kind == "skp.raters" {
			t.Fatalf("three SKPs handed over: %+v", ns)
		}
	})
}
