package app_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func answers(v int) []int { return []int{v, v, v, v, v, v, v, v, v} }

func kinds(notes []model.Notification) map[string]int {
	out := map[string]int{}
	for _, n := range notes {
		out[n.Kind]++
	}
	return out
}

func TestCoachingSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		today := e.a.Today(ctx, e.o.Instansi.ID) // 2026-03-02
		session := model.CoachingSession{EmployeeID: e.o.Staff1.ID, Kind: model.CoachingCoaching, HeldOn: "2026-02-27",
			Topic: "Penyelesaian laporan layanan daring", Notes: "Laporan Januari terlambat dua minggu",
			Actions: "Menyusun jadwal mingguan; laporan Februari selesai tanggal 5", NextReview: today}

		// Who may record: the pejabat penilai and those above, nobody else.
		for _, c := range []struct {
			actor string
			for_  string
		}{{"staff2", e.o.Staff1.ID}, {"nurse", e.o.Staff1.ID}, {"kabid", e.o.Nurse.ID}, {"staff1", e.o.Staff1.ID}, {"staff1", e.o.Kabid.ID}} {
			s := session
			s.EmployeeID = c.for_
			if _, err := e.a.RecordCoaching(ctx, who[c.actor], s); !errors.Is(err, model.ErrForbidden) {
				t.Errorf("%s recorded a session for %s: %v", c.actor, c.for_, err)
			}
		}
		if _, err := e.a.RecordCoaching(ctx, who["kabid"], model.CoachingSession{EmployeeID: "nope", Kind: model.CoachingCoaching, HeldOn: today, Topic: "x"}); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a session for nobody: %v", err)
		}
		var v *model.ValidationError
		bad := model.CoachingSession{EmployeeID: e.o.Staff1.ID, Kind: "ceramah", HeldOn: "2026-03-03", Topic: " ", NextReview: "2026-02-01"}
		if _, err := e.a.RecordCoaching(ctx, who["kabid"], bad); !errors.As(err, &v) || v.Fields["kind"] == "" || v.Fields["held_on"] == "" ||
			v.Fields["topic"] == "" || v.Fields["next_review"] == "" {
			t.Errorf("an invalid session: %v", err)
		}

		first, err := e.a.RecordCoaching(ctx, who["kabid"], session)
		if err != nil {
			t.Fatal(err)
		}
		if first.CoachID != e.o.Kabid.ID || first.InstansiID != e.o.Instansi.ID || first.Feedback != nil || first.Competence != nil {
			t.Fatalf("recorded = %+v", first)
		}
		later := session
		later.Kind, later.HeldOn, later.Topic, later.NextReview = model.CoachingMentoring, "2026-03-01", "Pengembangan aplikasi layanan", "2026-03-20"
		second, err := e.a.RecordCoaching(ctx, who["kadis"], later) // above in the line
		if err != nil {
			t.Fatal(err)
		}
		noReview := session
		noReview.Kind, noReview.EmployeeID, noReview.NextReview = model.CoachingDialog, e.o.Staff2.ID, ""
		if _, err := e.a.RecordCoaching(ctx, who["kabid"], noReview); err != nil {
			t.Fatal(err)
		}
		notes, _ := s.Notifications(ctx, e.o.Staff1.ID, 10)
		if k := kinds(notes); k["coaching.recorded"] != 2 {
			t.Errorf("the ASN's notifications = %v", k)
		}

		// Who may read.
		for name, ok := range map[string]bool{"staff1": true, "kabid": true, "kadis": true, "wali": true, "staff2": false, "nurse": false} {
			got, err := e.a.CoachingSession(ctx, who[name], first.ID)
			if ok && (err != nil || got.Topic != session.Topic || got.NextReview != today) {
				t.Errorf("%s reads the session: %+v, %v", name, got, err)
			}
			if !ok && !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s read a session outside their line: %v", name, err)
			}
		}
		if got, err := e.a.CoachingSession(ctx, e.admin, first.ID); err != nil || got.Can != (app.CoachingRights{}) {
			t.Errorf("the BKPSDM admin: %+v, %v", got.Can, err)
		}
		// The session comes with its people and what each may do.
		for name, want := range map[string]app.CoachingRights{"staff1": {Feedback: true}, "kabid": {Competence: true}, "kadis": {}} {
			got, _ := e.a.CoachingSession(ctx, who[name], first.ID)
			if got.Can != want || got.Employee.ID != e.o.Staff1.ID || got.Coach.ID != e.o.Kabid.ID || got.Coach.Name == "" {
				t.Errorf("%s reads %+v with %s coached by %s", name, got.Can, got.Employee.ID, got.Coach.Name)
			}
		}

		// B.1.8: the ASN, once, with nine answers on the scale.
		fb := model.CoachingFeedback{Answers: answers(4), Comment: " Sangat membantu "}
		if _, err := e.a.AnswerCoachingFeedback(ctx, who["kabid"], first.ID, fb); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the coach answered the ASN's feedback: %v", err)
		}
		if _, err := e.a.AnswerCoachingFeedback(ctx, who["staff2"], first.ID, fb); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague answered: %v", err)
		}
		if _, err := e.a.AnswerCoachingFeedback(ctx, who["staff1"], first.ID, model.CoachingFeedback{Answers: []int{4, 4, 4, 4, 4, 4, 4, 5}}); !errors.As(err, &v) ||
			v.Fields["answers"] == "" || v.Fields["answers[7]"] == "" {
			t.Errorf("eight answers, one off the scale: %v", err)
		}
		got, err := e.a.AnswerCoachingFeedback(ctx, who["staff1"], first.ID, fb)
		if err != nil {
			t.Fatal(err)
		}
		if got.Feedback == nil || got.Feedback.Comment != "Sangat membantu" || len(got.Feedback.Answers) != 9 || got.FeedbackAt.IsZero() {
			t.Fatalf("answered = %+v", got.Feedback)
		}
		if _, err := e.a.AnswerCoachingFeedback(ctx, who["staff1"], first.ID, model.CoachingFeedback{Answers: answers(1)}); !errors.Is(err, model.ErrConflict) {
			t.Errorf("answered twice: %v", err)
		}
		notes, _ = s.Notifications(ctx, e.o.Kabid.ID, 10)
		if k := kinds(notes); k["coaching.feedback"] != 1 {
			t.Errorf("the coach's notifications = %v", k)
		}

		// B.1.9: the coach only; empty rows of the form are dropped.
		scores := []model.CompetenceScore{{Competence: "Manajemen waktu", Score: 3, Reason: "Perlu jadwal tertulis"},
			{}, {Competence: "Penguasaan aplikasi", Score: 4, Reason: "Menguasai kerangka kerja"}}
		if _, err := e.a.EvaluateCompetence(ctx, who["staff1"], first.ID, scores); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the ASN evaluated themselves: %v", err)
		}
		if _, err := e.a.EvaluateCompetence(ctx, who["kadis"], first.ID, scores); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("someone who did not lead the session evaluated: %v", err)
		}
		if _, err := e.a.EvaluateCompetence(ctx, who["kabid"], first.ID, []model.CompetenceScore{{Competence: "Komunikasi", Score: 6}}); !errors.As(err, &v) || v.Fields["competences[0]"] == "" {
			t.Errorf("a score of 6 without a reason: %v", err)
		}
		if _, err := e.a.EvaluateCompetence(ctx, who["kabid"], first.ID, []model.CompetenceScore{{}}); !errors.As(err, &v) || v.Fields["competences"] == "" {
			t.Errorf("an empty evaluation: %v", err)
		}
		if _, err := e.a.EvaluateCompetence(ctx, who["kabid"], first.ID, scores); err != nil {
			t.Fatal(err)
		}
		got, _ = e.a.CoachingSession(ctx, who["staff1"], first.ID)
		if got.Can.Feedback {
			t.Error("the ASN may answer an answered session again")
		}
		if len(got.Competence) != 2 || got.Competence[1].Competence != "Penguasaan aplikasi" || got.Competence[1].Score != 4 || got.Feedback.Answers[8] != 4 {
			t.Errorf("read back = %+v / %+v", got.Competence, got.Feedback)
		}

		// Lists, a page at a time.
		for name, want := range map[string]int{"staff1": 2, "kabid": 3, "kadis": 3, "staff2": 1, "nurse": 0} {
			list, next, err := e.a.CoachingSessions(ctx, who[name], app.CoachingQuery{})
			if err != nil || len(list) != want || next != "" {
				t.Errorf("%s lists %d sessions (%q, %v), want %d", name, len(list), next, err, want)
			}
		}
		if list, _, _ := e.a.CoachingSessions(ctx, e.admin, app.CoachingQuery{EmployeeID: e.o.Staff1.ID}); len(list) != 2 {
			t.Errorf("the admin lists %d of Staff1's sessions", len(list))
		}
		if list, _, _ := e.a.CoachingSessions(ctx, who["staff2"], app.CoachingQuery{EmployeeID: e.o.Staff1.ID}); len(list) != 0 {
			t.Errorf("a colleague lists %d of Staff1's sessions", len(list))
		}
		page, next, err := e.a.CoachingSessions(ctx, who["staff1"], app.CoachingQuery{Limit: 1})
		if err != nil || len(page) != 1 || page[0].ID != second.ID || next != second.ID {
			t.Fatalf("first page = %d, %q, %v", len(page), next, err)
		}
		page, next, err = e.a.CoachingSessions(ctx, who["staff1"], app.CoachingQuery{Limit: 1, Cursor: next})
		if err != nil || len(page) != 1 || page[0].ID != first.ID || next != "" {
			t.Errorf("second page = %d, %q, %v", len(page), next, err)
		}
		if _, _, err := e.a.CoachingSessions(ctx, who["staff1"], app.CoachingQuery{Cursor: "' OR 1=1"}); !errors.As(err, &v) {
			t.Errorf("a forged cursor: %v", err)
		}

		// Reminders: once per session when the review is due.
		n, err := e.a.RemindCoachingReviews(ctx)
		if err != nil || n != 1 {
			t.Fatalf("reminded %d, %v; want the one due today", n, err)
		}
		if n, err := e.a.RemindCoachingReviews(ctx); err != nil || n != 0 {
			t.Errorf("reminded again: %d, %v", n, err)
		}
		for _, id := range []string{e.o.Staff1.ID, e.o.Kabid.ID} {
			notes, _ := s.Notifications(ctx, id, 20)
			if k := kinds(notes); k["coaching.review"] != 1 {
				t.Errorf("%s review reminders = %v", id, k)
			}
		}
		e.clock.add(20 * 24 * time.Hour) // 2026-03-22: the mentoring review is past
		if n, err := e.a.RemindCoachingReviews(ctx); err != nil || n != 1 {
			t.Errorf("after three weeks reminded %d, %v", n, err)
		}
		notes, _ = s.Notifications(ctx, e.o.Kadis.ID, 20)
		if k := kinds(notes); k["coaching.review"] != 1 {
			t.Errorf("the Kadis' review reminders = %v", k)
		}

		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "coaching", EntityID: first.ID})
		actions := map[string]int{}
		for _, en := range entries {
			actions[en.Action]++
		}
		if len(entries) != 4 || actions["coaching.create"] != 1 || actions["coaching.feedback"] != 1 || actions["coaching.competence"] != 1 || actions["coaching.remind"] != 1 {
			t.Errorf("audit of the session = %v", actions)
		}
	})
}
