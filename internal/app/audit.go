package app

import (
	"context"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Audit lists audit entries of the actor's instansi, newest first, for
// administrators and auditors.
func (a *App) Audit(ctx context.Context, actor model.Actor, f model.AuditFilter) ([]model.AuditEntry, error) {
	if !mayReadAudit(actor) {
		return nil, forbidden("audit log")
	}
	f.InstansiID = actor.InstansiID
	return a.store.AuditEntries(ctx, f)
}

// AuditPage is a page of the audit log, newest first, with the cursor of
// the older entries when there are more.
type AuditPage struct {
	Items      []model.AuditEntry
	NextCursor string
}

// AuditLog reads a page of the audit log: f.Limit entries (at most 200)
// older than the entry f.Before. f.ActorID may also name the actor by
// username (an ASN's is their NIP), as people know them.
func (a *App) AuditLog(ctx context.Context, actor model.Actor, f model.AuditFilter) (AuditPage, error) {
	if !mayReadAudit(actor) {
		return AuditPage{}, forbidden("audit log")
	}
	if f.ActorID != "" {
		if u, err := a.store.UserByUsername(ctx, f.ActorID); err == nil && u.InstansiID == actor.InstansiID {
			f.ActorID = u.ID
		}
	}
	if f.Before != "" {
		// A cursor is the id of an entry the log gave; any other would
		// answer the first page again.
		ok, err := a.store.AuditEntryExists(ctx, actor.InstansiID, f.Before)
		if err != nil {
			return AuditPage{}, err
		}
		if !ok {
			return AuditPage{}, model.Invalid("cursor", "invalid.cursor.next")
		}
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 200
	}
	limit := f.Limit
	f.Limit++
	entries, err := a.Audit(ctx, actor, f)
	if err != nil {
		return AuditPage{}, err
	}
	page := AuditPage{Items: entries}
	if len(entries) > limit {
		page.Items = entries[:limit]
		page.NextCursor = entries[limit-1].ID
	}
	return page, nil
}

// mayReadAudit is the rule for the audit log: administrators and auditors
// of the instansi.
func mayReadAudit(actor model.Actor) bool {
	return authz.Can(actor, authz.ReadAudit, authz.Target{InstansiID: actor.InstansiID})
}
