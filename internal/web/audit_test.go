package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The audit log names every action and shows a record's data as a person
// reads it: field labels, not Go or JSON identifiers, and statuses and
// flags by their names, in the reader's language.
func TestAuditLogReadsAsWords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		day := model.Date(time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly))
		err := e.s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			p, err := tx.CreateProgress(ctx, model.Progress{InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, RaterID: e.o.Kabid.ID,
				WorkDate: day, Description: "Memeriksa laporan", Minutes: 45})
			if err != nil {
				return err
			}
			_, err = tx.ReviewProgress(ctx, p.ID, p.Version, model.ProgressApproved, "", e.o.Kabid.ID)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		cases := []struct {
			lang string
			want []string
		}{
			{"id", []string{"Progres harian dicatat", "Progres harian disetujui", "<dt>Durasi (menit)</dt><dd>45</dd>",
				"<dt>Terlambat dikirim</dt><dd>tidak</dd>", "<dt>Dikirim pada</dt>", "<dt>Tanggal kerja</dt>", "Disetujui"}},
			{"en", []string{"Daily progress recorded", "Daily progress approved", "<dt>Duration (minutes)</dt><dd>45</dd>",
				"<dt>Sent late</dt><dd>no</dd>", "<dt>Submitted at</dt>", "Approved"}},
		}
		for _, c := range cases {
			_, body := admin.get("/audit?entity_type=progress&lang=" + c.lang)
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("%s: the audit log lacks %q", c.lang, w)
				}
			}
			for _, raw := range []string{"<strong>progress.", "<dt>Late</dt>", "<dt>Minutes</dt>", "<dt>SubmittedAt</dt>", "<dt>RHKID</dt>",
				"<dd>approved</dd>", "<ins>approved</ins>", "<dd>submitted</dd>", "<del>submitted</del>"} {
				if strings.Contains(body, raw) {
					t.Errorf("%s: the audit log shows the raw %q", c.lang, raw)
				}
			}
		}
	})
}
