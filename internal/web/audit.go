package web

import (
	"encoding/json"
	"net/http"
	"slices"

	"github.com/kinerja-id/kinerja/internal/model"
)

// auditRow is an audit entry as the page shows it: the changed fields of
// an update, and the whole record before and after, indented.
type auditRow struct {
	model.AuditEntry
	BeforePretty, AfterPretty string       // a side that is not a record, as it is
	BeforeFields, AfterFields []fieldValue // a side that is a record, field by field
	Changes                   []fieldChange
	IsUpdate                  bool   // both sides are records: Changes is meaningful
	Summary                   string // the record's name, when it has one
}

type auditPage struct {
	base
	EntityType, EntityID, ActorID string
	Types                         []string
	Rows                          []auditRow
	OlderURL                      string
}

func pretty(s string) string {
	if s == "" {
		return ""
	}
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return s
	}
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

func (u *ui) showAudit(w http.ResponseWriter, r *http.Request, b base) error {
	q := r.URL.Query()
	p := auditPage{base: b, EntityType: q.Get("entity_type"), EntityID: cleanParam(q.Get("entity_id"), 64),
		ActorID: cleanParam(q.Get("actor"), 64),
		Types:   []string{"employee", "unit", "position", "placement", "user", "session", "instansi", "import", "skp", "year", "period", "need"}}
	p.Title, p.Nav = b.T("audit.title"), "audit"
	if !slices.Contains(p.Types, p.EntityType) {
		p.EntityType = ""
	}
	f := model.AuditFilter{EntityType: p.EntityType, EntityID: p.EntityID, ActorID: p.ActorID, Before: cleanParam(q.Get("before"), 64), Limit: 50}
	page, err := u.a.AuditLog(r.Context(), *b.Actor, f)
	if _, bad := isValidation(err); bad && f.Before != "" {
		// A mangled cursor: start from the newest entries.
		f.Before = ""
		page, err = u.a.AuditLog(r.Context(), *b.Actor, f)
	}
	if err != nil {
		return err
	}
	if page.NextCursor != "" {
		q.Set("before", page.NextCursor)
		p.OlderURL = "/audit?" + q.Encode()
	}
	for _, e := range page.Items {
		v := auditView{lang: b.Lang, entity: e.EntityType}
		row := auditRow{AuditEntry: e, BeforeFields: v.fields(e.Before), AfterFields: v.fields(e.After)}
		if row.BeforeFields == nil {
			row.BeforePretty = pretty(e.Before)
		}
		if row.AfterFields == nil {
			row.AfterPretty = pretty(e.After)
		}
		changes, isUpdate := diffJSON(e.Before, e.After)
		row.Changes, row.IsUpdate = v.changes(changes, e.Before, e.After), isUpdate
		row.Summary = summaryOf(e.Before, e.After)
		p.Rows = append(p.Rows, row)
	}
	u.render(w, r, http.StatusOK, "audit", p)
	return nil
}
