package cli_test

import (
	"context"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/cli"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestServeRemindsOfCoachingReviews: a server started on a database with
// a coaching review past due tells both people at once, and only once.
func TestServeRemindsOfCoachingReviews(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.DSN(t, engine)
			s, err := store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			o := storetest.SeedOrg(t, s)
			err = s.Write(ctx, model.SystemActor(o.Instansi.ID, "test"), func(tx *store.Tx) error {
				_, err := tx.CreateCoachingSession(ctx, model.CoachingSession{InstansiID: o.Instansi.ID, EmployeeID: o.Staff1.ID, CoachID: o.Kabid.ID,
					Kind: model.CoachingCounseling, HeldOn: "2026-01-05", Topic: "Ketepatan waktu laporan", NextReview: "2026-02-05"})
				return err
			})
			s.Close()
			if err != nil {
				t.Fatal(err)
			}

			var logs syncBuffer
			srv, err := cli.Start(ctx, cli.ServerConfig{Addr: "127.0.0.1:0", DB: dsn, Log: &logs, DataDir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			defer srv.Close()
			// The server's notifications are read as any program would: through
			// a connection of our own.
			s, err = store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var got []model.Notification
			for i := 0; i < 500; i++ {
				if got, _ = s.Notifications(ctx, o.Kabid.ID, 10); len(got) > 0 {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			if len(got) != 1 || got[0].Kind != "coaching.review" {
				t.Fatalf("the coach's notifications = %+v (log %s)", got, logs.String())
			}
			staff, _ := s.Notifications(ctx, o.Staff1.ID, 10)
			if len(staff) != 1 || staff[0].Kind != "coaching.review" {
				t.Errorf("the ASN's notifications = %+v", staff)
			}
			if n, err := srv.App.RemindCoachingReviews(ctx); n != 0 || err != nil {
				t.Errorf("reminded again: %d, %v", n, err)
			}
		})
	}
}
