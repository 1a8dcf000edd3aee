package app_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/notify"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestNotificationsInTheReadersLanguage: a reminder reaches Andi, who
// chose English, and Dewi, who kept Indonesian. Each reads it in their
// language in the app, on the live stream and in the e-mail; when Andi
// switches back, the same notification reads in Indonesian. A
// notification stored as text before shows as it was written.
func TestNotificationsInTheReadersLanguage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if err := s.Write(ctx, sys, func(tx *store.Tx) error {
			for email, emp := range map[string]model.Employee{"andi@uji.go.id": e.o.Staff1, "dewi@uji.go.id": e.o.Staff2} {
				emp.Email = email
				if _, err := tx.UpdateEmployee(ctx, emp); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if err := e.a.SetLocale(ctx, who["staff1"], "en"); err != nil {
			t.Fatal(err)
		}
		andi, dewi := e.login(t, storetest.NIPStaff1, "rahasia-staf1"), who["staff2"]
		if n, err := e.a.RemindBehind(ctx, e.admin, 2026, e.o.Aplikasi.ID); err != nil || n == 0 {
			t.Fatalf("remind: %d, %v", n, err)
		}

		read := func(actor model.Actor, title, body string) app.NotificationView {
			t.Helper()
			list, err := e.a.ListNotifications(ctx, actor, app.NotificationQuery{})
			if err != nil || len(list.Items) != 1 || list.Unread != 1 {
				t.Fatalf("notifications of %s = %+v, %v", actor.Name, list, err)
			}
			n := list.Items[0]
			if n.Kind != "skp.reminder" || n.Variant != "none" || n.Title != title || n.Body != body || n.Link != "/skp" || !n.Can.MarkRead {
				t.Errorf("%s reads %+v, want %q / %q", actor.Name, n, title, body)
			}
			return n
		}
		read(andi, "SKP 2026 reminder", "You have not drawn up your SKP for 2026 yet. Draw it up and submit it to your pejabat penilai.")
		read(dewi, "Pengingat SKP 2026", "Anda belum menyusun SKP tahun 2026. Susun dan ajukan kepada pejabat penilai Anda.")

		// The live stream renders it for its reader.
		opts, cancel, err := app.EventStream(e.a, ctx, andi)
		if err != nil {
			t.Fatal(err)
		}
		defer cancel()
		evs, err := opts.Fetch(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		var live map[string]any
		for _, ev := range evs {
			if ev.Type == "notification" {
				json.Unmarshal(ev.Data, &live)
			}
		}
		if live["title"] != "SKP 2026 reminder" || live["kind"] != "skp.reminder" || live["link"] != "/skp" {
			t.Errorf("the live notification = %v", live)
		}

		// The e-mails go out in each recipient's language.
		srv := startSMTP(t)
		mailer, err := notify.ParseSMTP("smtp://" + srv.ln.Addr().String() + "?from=kinerja@uji.go.id&timeout=10s")
		if err != nil {
			t.Fatal(err)
		}
		e.clock.add(time.Since(e.clock.now()) + app.EmailDelay + time.Minute)
		if n, err := e.a.SendPendingEmails(ctx, mailer, app.EmailDelay, "https://kinerja.example"); err != nil || n != 2 {
			t.Fatalf("sent %d, %v", n, err)
		}
		mail := map[string]string{}
		for _, m := range srv.messages() {
			for _, to := range []string{"andi@uji.go.id", "dewi@uji.go.id"} {
				if strings.Contains(m, "RCPT TO:<"+to+">") {
					mail[to] = m
				}
			}
		}
		for to, want := range map[string][]string{
			"andi@uji.go.id": {"Subject: [Kinerja] SKP 2026 reminder", "Dear " + e.o.Staff1.Name + ",", "You have not drawn up your SKP for 2026 yet",
				"Open: https://kinerja.example/skp", "Kinerja sent this message because"},
			"dewi@uji.go.id": {"Subject: [Kinerja] Pengingat SKP 2026", "Yth. " + e.o.Staff2.Name + ",", "Anda belum menyusun SKP tahun 2026",
				"Buka: https://kinerja.example/skp", "Pesan ini dikirim oleh Kinerja"},
		} {
			for _, w := range want {
				if !strings.Contains(mail[to], w) {
					t.Errorf("the e-mail to %s lacks %q: %q", to, w, mail[to])
				}
			}
		}
		if strings.Contains(mail["andi@uji.go.id"], "Pengingat") || strings.Contains(mail["dewi@uji.go.id"], "reminder") {
			t.Errorf("an e-mail mixes languages: %q", mail)
		}

		// Andi switches back: the same notification now reads in Indonesian.
		if err := e.a.SetLocale(ctx, andi, "id"); err != nil {
			t.Fatal(err)
		}
		andi = e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		n := read(andi, "Pengingat SKP 2026", "Anda belum menyusun SKP tahun 2026. Susun dan ajukan kepada pejabat penilai Anda.")

		// Marking read: someone else's is not found; one, then all.
		if _, err := e.a.MarkNotificationsRead(ctx, dewi, []string{n.ID}); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("Dewi marked Andi's notification: %v", err)
		}
		if left, err := e.a.MarkNotificationsRead(ctx, andi, []string{n.ID}); err != nil || left != 0 {
			t.Errorf("mark read = %d, %v", left, err)
		}
		if list, _ := e.a.ListNotifications(ctx, andi, app.NotificationQuery{}); list.Items[0].ReadAt.IsZero() || list.Items[0].Can.MarkRead {
			t.Errorf("after reading: %+v", list.Items[0])
		}

		// A notification stored as text shows as it was written.
		if err := s.Write(ctx, sys, func(tx *store.Tx) error {
			return tx.Notify(ctx, model.Notification{InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff2.ID, Kind: "skp.return",
				Title: "SKP 2026 Anda dikembalikan untuk diperbaiki", Body: "Tambahkan indikator kualitas"})
		}); err != nil {
			t.Fatal(err)
		}
		if err := e.a.SetLocale(ctx, dewi, "en"); err != nil {
			t.Fatal(err)
		}
		dewi = e.login(t, storetest.NIPStaff2, "rahasia-staf2")
		list, err := e.a.ListNotifications(ctx, dewi, app.NotificationQuery{Limit: 1})
		if err != nil || len(list.Items) != 1 || list.Items[0].Title != "SKP 2026 Anda dikembalikan untuk diperbaiki" || list.Items[0].Args != nil || list.NextCursor == "" || list.Unread != 2 || list.Total != 2 {
			t.Fatalf("the old notification = %+v, %v", list, err)
		}
		list, err = e.a.ListNotifications(ctx, dewi, app.NotificationQuery{Limit: 1, Cursor: list.NextCursor})
		if err != nil || len(list.Items) != 1 || list.Items[0].Title != "SKP 2026 reminder" || list.NextCursor != "" || list.Total != 2 {
			t.Errorf("the second page = %+v, %v", list, err)
		}

		// The notifications page marks everything read.
		if _, err := e.a.Notifications(ctx, dewi, ""); err != nil {
			t.Fatal(err)
		}
		if n, _ := e.a.UnreadNotifications(ctx, dewi); n != 0 {
			t.Errorf("unread after the page = %d", n)
		}
		// Read or not, each is counted in the total of every page.
		if list, err := e.a.ListNotifications(ctx, dewi, app.NotificationQuery{Limit: 1}); err != nil || list.Total != 2 || list.Unread != 0 {
			t.Errorf("after reading them: total %d, unread %d, %v", list.Total, list.Unread, err)
		}
	})
}
