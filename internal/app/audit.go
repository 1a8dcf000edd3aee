package app

import (
	"context"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Audit lists audit entries of the actor's instansi, newest first, for
// administrators and auditors.
func (a *App) Audit(ctx context.Context, actor model.Actor, f model.AuditFilter) ([]model.AuditEntry, error) {
	if !authz.Can(actor, authz.ReadAudit, authz.Target{InstansiID: actor.InstansiID}) {
		return nil, forbidden("audit log")
	}
	f.InstansiID = actor.InstansiID
	return a.Store.AuditEntries(ctx, f)
}
