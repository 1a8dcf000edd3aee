package app

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

// SKPEvent is one step in the history of an SKP, as the SKP page and the
// API show it: who did what and when. Action is the step without its
// "skp." prefix: create, submit, approve, return, revise, close, or raters
// (the organisation handed it to other raters, From and To naming the
// pejabat penilai before and after). Note is a return's note.
type SKPEvent struct {
	At     time.Time
	By     string // the person or, for Kinerja itself, its name
	Action string
	Note   string
	From   string
	To     string
}

// skpHistorySteps are the audited actions that make an SKP's history;
// edits of its content are in the audit log.
var skpHistorySteps = []string{"create", "submit", "approve", "return", "revise", "close", "raters"}

// skpHistory reads the history of s from the audit log, oldest first.
func (a *App) skpHistory(ctx context.Context, s model.SKP) ([]SKPEvent, error) {
	entries, err := a.store.AuditEntries(ctx, model.AuditFilter{InstansiID: s.InstansiID, EntityType: "skp", EntityID: s.ID, Limit: 500})
	if err != nil {
		return nil, err
	}
	slices.Reverse(entries) // oldest first
	out := []SKPEvent{}
	for _, e := range entries {
		action, ok := strings.CutPrefix(e.Action, "skp.")
		if !ok || !slices.Contains(skpHistorySteps, action) {
			continue
		}
		ev := SKPEvent{At: e.At, By: e.ActorName, Action: action}
		var after, before struct {
			Note  string `json:"note"`
			Rater struct {
				Name string `json:"name"`
			} `json:"rater"`
		}
		_ = json.Unmarshal([]byte(e.After), &after)
		_ = json.Unmarshal([]byte(e.Before), &before)
		switch action {
		case "return":
			ev.Note = after.Note
		case "raters":
			ev.From, ev.To = cmp.Or(before.Rater.Name, "—"), cmp.Or(after.Rater.Name, "—")
		}
		out = append(out, ev)
	}
	return out, nil
}

// SKPHistory returns the history of an SKP to those who may read it.
func (a *App) SKPHistory(ctx context.Context, actor model.Actor, id string) ([]SKPEvent, error) {
	s, err := a.SKP(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	return a.skpHistory(ctx, s)
}
