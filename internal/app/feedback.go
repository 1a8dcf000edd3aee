package app

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Feedback targets: the records of someone's work a thread can hang on.
const (
	TargetSKP       = "skp"
	TargetRHK       = "rhk"
	TargetProgress  = "progress"
	TargetRealisasi = "realisasi"
	// TargetAssessment is a result of penilaian: its thread is read and
	// written by those who see its ratings (feedbackTarget).
	TargetAssessment = "assessment"
)

// feedbackTarget resolves a feedback target and checks the actor may read
// its thread: a record of someone's work (target) for those who see the
// person's work (canSeeWorkOf); an assessment for those who may read it
// and see its ratings (ratingsSeen: its employee only once it is sent to
// them). One the actor may not read is not found.
func (a *App) feedbackTarget(ctx context.Context, actor model.Actor, typ, id string) (workTarget, error) {
	hidden := fmt.Errorf("%s %s: %w", typ, id, model.ErrNotFound)
	if typ == TargetAssessment {
		f, err := a.assessmentFacts(ctx, actor, id)
		if err != nil {
			return workTarget{}, err
		}
		if !ratingsSeen(actor, f.A) {
			return workTarget{}, hidden
		}
		return workTarget{f.A.InstansiID, f.A.EmployeeID, "/penilaian/" + f.A.ID + "#umpan-balik", f.Period.Name()}, nil
	}
	t, err := a.target(ctx, typ, id)
	if err != nil {
		return workTarget{}, err
	}
	if err := a.canSeeWorkOf(ctx, actor, t.InstansiID, t.OwnerID); err != nil {
		return workTarget{}, hidden
	}
	return t, nil
}

// readsThread reports whether the employee id, signed in, may read the
// thread on an assessment: whom its feedback is told to (an earlier
// author may have moved since, the rated employee has no result before
// it is sent). Targets of someone's work tell as they always did.
func (a *App) readsThread(ctx context.Context, instansiID, typ, id, employeeID string) bool {
	if typ != TargetAssessment {
		return true
	}
	reader := model.Actor{InstansiID: instansiID, EmployeeID: employeeID}
	if u, err := a.store.UserByEmployee(ctx, employeeID); err == nil {
		if reader, err = a.actorFor(ctx, u); err != nil {
			return false
		}
	}
	_, err := a.feedbackTarget(ctx, reader, typ, id)
	return err == nil
}

// workTarget is a record of someone's work: whose, and where it is shown.
type workTarget struct {
	InstansiID string
	OwnerID    string
	Link       string
	Label      string // what tells it apart in a notification: a year, an RHK, a date
}

// target resolves a target type and id to the work record it names.
func (a *App) target(ctx context.Context, typ, id string) (workTarget, error) {
	missing := fmt.Errorf("%s %s: %w", typ, id, model.ErrNotFound)
	switch typ {
	case TargetSKP:
		s, err := a.store.SKP(ctx, id)
		if err != nil {
			return workTarget{}, missing
		}
		return workTarget{s.InstansiID, s.EmployeeID, "/skp/" + s.ID + "#umpan-balik", fmt.Sprint(s.Year)}, nil
	case TargetRHK:
		r, err := a.store.RHKByID(ctx, id)
		if err != nil {
			return workTarget{}, missing
		}
		s, err := a.store.SKP(ctx, r.SKPID)
		if err != nil {
			return workTarget{}, missing
		}
		return workTarget{s.InstansiID, s.EmployeeID, "/skp/" + s.ID + "#rhk-" + r.ID, short(r.Description, 60)}, nil
	case TargetProgress:
		p, err := a.store.Progress(ctx, id)
		if err != nil {
			return workTarget{}, missing
		}
		return workTarget{p.InstansiID, p.EmployeeID, "/progres/" + p.ID, string(p.WorkDate)}, nil
	case TargetRealisasi:
		r, err := a.store.RealisasiByID(ctx, id)
		if err != nil {
			return workTarget{}, missing
		}
		s, err := a.store.SKP(ctx, r.SKPID)
		if err != nil {
			return workTarget{}, missing
		}
		return workTarget{s.InstansiID, s.EmployeeID, "/realisasi/" + s.ID + "?periode=" + r.PeriodID, fmt.Sprint(s.Year)}, nil
	}
	return workTarget{}, model.Invalid("target_type", "invalid.feedback.target")
}

// FeedbackThread returns the messages on a target the actor may see.
func (a *App) FeedbackThread(ctx context.Context, actor model.Actor, typ, id string) ([]model.Feedback, error) {
	t, err := a.Thread(ctx, actor, typ, id)
	return t.Items, err
}

// Thread is the umpan balik on one target with what the actor may do there.
type Thread struct {
	TargetType, TargetID string
	Items                []model.Feedback // oldest first
	Can                  ThreadRights
}

// ThreadRights are what the actor may do in a thread.
type ThreadRights struct {
	Post bool // add a message
}

// mayPost is the rule for writing in a thread the actor sees: messages have
// an author, so only people with an employee record write. AddFeedback
// enforces it; ThreadRights.Post shows it.
func mayPost(actor model.Actor) error {
	if actor.EmployeeID == "" {
		return forbidden("give feedback without an employee record")
	}
	return nil
}

func threadOf(actor model.Actor, typ, id string, items []model.Feedback) Thread {
	return Thread{TargetType: typ, TargetID: id, Items: items, Can: ThreadRights{Post: mayPost(actor) == nil}}
}

// Thread returns the thread on a target the actor may see, with whether
// they may write in it.
func (a *App) Thread(ctx context.Context, actor model.Actor, typ, id string) (Thread, error) {
	if _, err := a.feedbackTarget(ctx, actor, typ, id); err != nil {
		return Thread{}, err
	}
	items, err := a.store.FeedbackOn(ctx, typ, id)
	if err != nil {
		return Thread{}, err
	}
	return threadOf(actor, typ, id, items), nil
}

var mentionNIP = regexp.MustCompile(`@(\d{18})\b`)

// AddFeedback adds a message to the thread on a target. The other party
// (the owner, or the owner's pejabat penilai when the owner writes), the
// thread's earlier authors and anyone mentioned (@NIP or @Name, among the
// people who may see the target) are told at once.
func (a *App) AddFeedback(ctx context.Context, actor model.Actor, typ, id, body string) (model.Feedback, error) {
	t, err := a.feedbackTarget(ctx, actor, typ, id)
	if err != nil {
		return model.Feedback{}, err
	}
	if err := mayPost(actor); err != nil {
		return model.Feedback{}, err
	}
	body = strings.TrimSpace(body)
	if body == "" || len(body) > 4000 {
		return model.Feedback{}, model.Invalid("body", "invalid.feedback.body")
	}
	chart, err := a.OrgChart(ctx, t.InstansiID)
	if err != nil {
		return model.Feedback{}, err
	}
	// Who is told: the other party, earlier authors, mentions among the
	// owner's line (the only people besides admins who see the target).
	var told []string
	add := func(id string) {
		if id != "" && id != actor.EmployeeID && !slices.Contains(told, id) {
			told = append(told, id)
		}
	}
	if actor.EmployeeID == t.OwnerID {
		add(chart.Rater(t.OwnerID))
	} else {
		add(t.OwnerID)
	}
	thread, err := a.store.FeedbackOn(ctx, typ, id)
	if err != nil {
		return model.Feedback{}, err
	}
	for _, f := range thread {
		add(f.AuthorID)
	}
	line := []string{t.OwnerID}
	for up, i := chart.Rater(t.OwnerID), 0; up != "" && i < 8; up, i = chart.Rater(up), i+1 {
		line = append(line, up)
	}
	people, err := a.store.EmployeesByID(ctx, line)
	if err != nil {
		return model.Feedback{}, err
	}
	lower := strings.ToLower(body)
	nips := mentionNIP.FindAllStringSubmatch(body, -1)
	for _, id := range line {
		e, ok := people[id]
		if !ok {
			continue
		}
		byName := e.Name != "" && strings.Contains(lower, "@"+strings.ToLower(e.Name))
		byNIP := slices.ContainsFunc(nips, func(m []string) bool { return m[1] == e.NIP })
		if byName || byNIP {
			add(id)
		}
	}
	// Only those who may read the thread are told: the message and its
	// live event carry what it says.
	told = slices.DeleteFunc(told, func(who string) bool { return !a.readsThread(ctx, t.InstansiID, typ, id, who) })
	author := people[actor.EmployeeID]
	if author.ID == "" {
		if author, err = a.store.Employee(ctx, actor.EmployeeID); err != nil {
			return model.Feedback{}, err
		}
	}
	f := model.Feedback{InstansiID: t.InstansiID, OwnerID: t.OwnerID, TargetType: typ, TargetID: id, AuthorID: actor.EmployeeID, Body: body}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if f, err = tx.CreateFeedback(ctx, f); err != nil {
			return err
		}
		f.AuthorName = author.FullName()
		event := map[string]any{"id": f.ID, "target_type": typ, "target_id": id, "author_id": f.AuthorID, "author_name": f.AuthorName,
			"body": body, "created_at": f.CreatedAt, "link": t.Link}
		for _, who := range told {
			if err := tx.Emit(ctx, who, "feedback.created", event); err != nil {
				return err
			}
			if err := tx.Notify(ctx, model.Notification{InstansiID: t.InstansiID, EmployeeID: who, Kind: "feedback", Variant: typ,
				Args: []string{f.AuthorName, t.Label, short(body, 200)}, Link: t.Link}); err != nil {
				return err
			}
		}
		return nil
	})
	return f, err
}
