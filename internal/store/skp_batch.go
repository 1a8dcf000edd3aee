package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

// SKPBatch plans many new SKPs in memory and writes them in bulk (see
// bulkInsert): its methods do to SKPs made in the batch what the Tx
// methods of the same names do, with the same checks, the same rows and
// the same audit entries, and Flush writes them all in a few statements.
// The demo city plans thousands of SKPs this way; until Flush, the Tx
// does not see them.
type SKPBatch struct {
	tx *Tx
	*batchData
}

// batchData is what a batch holds, shared by its views (SKPBatch.At).
type batchData struct {
	skps   map[string]*batchSKP
	order  []*batchSKP
	audits [][]any
	docs   [][]any // skp_versions rows
}

type batchSKP struct {
	s                                model.SKP // the row's fields, as stored
	employee, rater, upper, lampiran string    // JSON as stored
	rhk                              []model.RHK
	indicators                       map[string][]model.Indicator // by RHK
	behaviours                       []batchBehaviour
	flushed                          bool
}

type batchBehaviour struct {
	id, value, guides, expectation string
}

// NewSKPBatch starts a batch of new SKPs in the transaction.
func (tx *Tx) NewSKPBatch() *SKPBatch {
	return &SKPBatch{tx: tx, batchData: &batchData{skps: map[string]*batchSKP{}}}
}

// At returns the same batch acting as actor at the instant now (see
// Tx.At): the audit entries of its later changes carry them, as each act
// of an SKP's history is the person's who took it, when they took it.
func (b *SKPBatch) At(actor model.Actor, now time.Time) *SKPBatch {
	return &SKPBatch{tx: b.tx.At(actor, now), batchData: b.batchData}
}

// Len is how many SKPs the batch holds that are not written yet.
func (b *SKPBatch) Len() int { return len(b.order) }

func (b *SKPBatch) audit(action, entityType, entityID string, before, after any) error {
	row, err := b.tx.auditRow(action, entityType, entityID, before, after)
	if err != nil {
		return err
	}
	b.audits = append(b.audits, row)
	return nil
}

// CreateSKP is Tx.CreateSKP for an SKP of the batch.
func (b *SKPBatch) CreateSKP(s model.SKP, positionID string) (model.SKP, error) {
	s.ID = model.NewID()
	s.PositionID = positionID
	s.Status, s.Version, s.Revision = model.SKPDraft, 1, 1
	stored := s // what the insert of Tx.CreateSKP keeps
	stored.RHK, stored.Behaviours = nil, nil
	stored.ReturnNote, stored.SubmittedAt, stored.ApprovedAt, stored.ApprovedBy = "", time.Time{}, time.Time{}, ""
	bs := &batchSKP{s: stored, employee: mustJSON(s.Employee), rater: mustJSON(s.Rater), upper: mustJSON(s.UpperRater),
		lampiran: mustJSON(s.Lampiran), indicators: map[string][]model.Indicator{}}
	s.Behaviours = nil
	for _, cv := range model.CoreValues {
		beh := model.Behaviour{ID: model.NewID(), SKPID: s.ID, Value: cv.Value, Guides: cv.Guides}
		bs.behaviours = append(bs.behaviours, batchBehaviour{id: beh.ID, value: string(beh.Value), guides: mustJSON(beh.Guides)})
		s.Behaviours = append(s.Behaviours, beh)
	}
	b.skps[s.ID] = bs
	b.order = append(b.order, bs)
	return s, b.audit("skp.create", "skp", s.ID, nil, map[string]any{"employee_id": s.EmployeeID, "year": s.Year,
		"approach": s.Approach, "format": s.Format, "position_id": positionID, "acting": s.Acting})
}

// touch is Tx.touchSKP.
func (b *SKPBatch) touch(id string, version int) (*batchSKP, error) {
	bs, ok := b.skps[id]
	if !ok || bs.flushed {
		return nil, fmt.Errorf("SKP %s is not one the batch holds: %w", id, model.ErrNotFound)
	}
	if bs.s.Version != version {
		return nil, fmt.Errorf("SKP %s changed since version %d: %w", id, version, model.ErrStale)
	}
	bs.s.Version++
	return bs, nil
}

// SaveRHK is Tx.SaveRHK for a new RHK of an SKP of the batch.
func (b *SKPBatch) SaveRHK(version int, r model.RHK) (model.RHK, error) {
	if r.ID != "" {
		return r, fmt.Errorf("RHK %s: the batch only adds RHK", r.ID)
	}
	bs, err := b.touch(r.SKPID, version)
	if err != nil {
		return r, err
	}
	r.ID = model.NewID()
	r.Position = len(bs.rhk) + 1
	stored := r
	stored.Indicators = nil
	bs.rhk = append(bs.rhk, stored)
	return r, b.audit("rhk.create", "skp", r.SKPID, nil, r)
}

// SaveIndicator is Tx.SaveIndicator for an SKP of the batch.
func (b *SKPBatch) SaveIndicator(version int, skpID string, in model.Indicator) (model.Indicator, error) {
	bs, err := b.touch(skpID, version)
	if err != nil {
		return in, err
	}
	in.ID = model.NewID()
	in.Position = len(bs.indicators[in.RHKID]) + 1
	bs.indicators[in.RHKID] = append(bs.indicators[in.RHKID], in)
	return in, b.audit("indicator.create", "skp", skpID, nil, in)
}

// SetExpectation is Tx.SetExpectation for an SKP of the batch.
func (b *SKPBatch) SetExpectation(version int, skpID string, value model.CoreValue, text string) error {
	bs, err := b.touch(skpID, version)
	if err != nil {
		return err
	}
	n := 0
	for i := range bs.behaviours {
		if bs.behaviours[i].value == string(value) {
			bs.behaviours[i].expectation = text
			n++
		}
	}
	if n == 0 {
		return model.Invalid("core_value", "invalid.skp.behaviour.unknown")
	}
	return b.audit("skp.expectation", "skp", skpID, nil, map[string]string{"core_value": string(value), "expectation": text})
}

// SetSKPStatus is Tx.SetSKPStatus for an SKP of the batch.
func (b *SKPBatch) SetSKPStatus(version int, s model.SKP, action model.SKPAction) error {
	bs, err := b.touch(s.ID, version)
	if err != nil {
		return err
	}
	bs.s.Status, bs.s.Revision, bs.s.ReturnNote = s.Status, s.Revision, s.ReturnNote
	bs.s.SubmittedAt, bs.s.ApprovedAt = parseTime(formatTime(s.SubmittedAt)), parseTime(formatTime(s.ApprovedAt))
	bs.s.ApprovedBy, bs.s.PeriodEnd = s.ApprovedBy, s.PeriodEnd
	return b.audit("skp."+string(action), "skp", s.ID, nil, map[string]any{"status": s.Status, "revision": s.Revision,
		"note": s.ReturnNote})
}

// SKP is Tx.SKP for an SKP of the batch: it reads as it will once written.
func (b *SKPBatch) SKP(id string) (model.SKP, error) {
	bs, ok := b.skps[id]
	if !ok || bs.flushed {
		return model.SKP{}, fmt.Errorf("SKP %s is not one the batch holds: %w", id, model.ErrNotFound)
	}
	s := bs.s
	s.Employee, s.Rater, s.UpperRater, s.Lampiran = model.PersonSnapshot{}, model.PersonSnapshot{}, model.PersonSnapshot{}, model.Lampiran{}
	_ = json.Unmarshal([]byte(bs.employee), &s.Employee)
	_ = json.Unmarshal([]byte(bs.rater), &s.Rater)
	_ = json.Unmarshal([]byte(bs.upper), &s.UpperRater)
	_ = json.Unmarshal([]byte(bs.lampiran), &s.Lampiran)
	// As loadSKPParts orders them: utama before tambahan, then by
	// position; indicators by position.
	s.RHK = nil
	for _, kind := range []bool{true, false} {
		for _, r := range bs.rhk {
			if (r.Kind == model.RHKUtama) != kind {
				continue
			}
			r := model.RHK{ID: r.ID, SKPID: r.SKPID, Kind: r.Kind, Description: r.Description, ParentRHKID: r.ParentRHKID,
				ParentText: r.ParentText, PenugasanDari: r.PenugasanDari, Perspektif: r.Perspektif, PKSasaranID: r.PKSasaranID,
				Position: r.Position}
			for _, in := range bs.indicators[r.ID] {
				r.Indicators = append(r.Indicators, model.Indicator{ID: in.ID, RHKID: in.RHKID, Aspect: in.Aspect,
					Description: in.Description, Target: in.Target, Unit: in.Unit, Position: in.Position})
			}
			s.RHK = append(s.RHK, r)
		}
	}
	s.Behaviours = nil
	for _, beh := range bs.behaviours {
		v := model.Behaviour{ID: beh.id, SKPID: s.ID, Value: model.CoreValue(beh.value), Expectation: beh.expectation}
		_ = json.Unmarshal([]byte(beh.guides), &v.Guides)
		s.Behaviours = append(s.Behaviours, v)
	}
	return s, nil
}

// SaveSKPVersion is Tx.SaveSKPVersion for an SKP of the batch.
func (b *SKPBatch) SaveSKPVersion(s model.SKP) error {
	if bs, ok := b.skps[s.ID]; !ok || bs.flushed {
		return fmt.Errorf("SKP %s is not one the batch holds: %w", s.ID, model.ErrNotFound)
	}
	b.docs = append(b.docs, []any{s.ID, s.Revision, mustJSON(s), formatTime(s.ApprovedAt), s.ApprovedBy})
	return nil
}

var (
	skpInsertColumns = []string{"id", "instansi_id", "employee_id", "position_id", "year", "period_start", "period_end", "approach",
		"format", "status", "version", "revision", "return_note", "submitted_at", "approved_at", "approved_by", "rater_id",
		"upper_rater_id", "employee_snapshot", "rater_snapshot", "upper_snapshot", "lampiran", "created_at", "updated_at", "acting"}
	behaviourInsertColumns = []string{"id", "skp_id", "core_value", "guides", "expectation", "position"}
	rhkInsertColumns       = []string{"id", "skp_id", "kind", "description", "parent_rhk_id", "parent_text", "penugasan_dari",
		"perspektif", "pk_sasaran_id", "position", "created_at"}
	indicatorInsertColumns  = []string{"id", "rhk_id", "aspect", "description", "target", "unit", "position"}
	skpVersionInsertColumns = []string{"skp_id", "revision", "document", "approved_at", "approved_by"}
)

// Flush writes what the batch holds: the SKPs as they are now, their
// parts, the approved documents and every audit entry. The batch can be
// used again afterwards for new SKPs.
func (b *SKPBatch) Flush(ctx context.Context) error {
	if len(b.order) == 0 && len(b.audits) == 0 {
		return nil
	}
	now := formatTime(b.tx.now)
	var skps, behaviours, rhk, indicators [][]any
	for _, bs := range b.order {
		s := bs.s
		skps = append(skps, []any{s.ID, s.InstansiID, s.EmployeeID, nullable(s.PositionID), s.Year, string(s.PeriodStart),
			string(s.PeriodEnd), string(s.Approach), string(s.Format), string(s.Status), s.Version, s.Revision, s.ReturnNote,
			formatTime(s.SubmittedAt), formatTime(s.ApprovedAt), s.ApprovedBy, nullable(s.Rater.EmployeeID),
			nullable(s.UpperRater.EmployeeID), bs.employee, bs.rater, bs.upper, bs.lampiran, now, now, string(s.Acting)})
		for i, beh := range bs.behaviours {
			behaviours = append(behaviours, []any{beh.id, s.ID, beh.value, beh.guides, beh.expectation, i + 1})
		}
		for _, r := range bs.rhk {
			rhk = append(rhk, []any{r.ID, r.SKPID, string(r.Kind), r.Description, nullable(r.ParentRHKID), r.ParentText,
				r.PenugasanDari, r.Perspektif, nullable(r.PKSasaranID), r.Position, now})
			for _, in := range bs.indicators[r.ID] {
				indicators = append(indicators, []any{in.ID, in.RHKID, string(in.Aspect), in.Description, in.Target, in.Unit, in.Position})
			}
		}
	}
	for _, w := range []struct {
		table   string
		columns []string
		rows    [][]any
	}{
		{"skps", skpInsertColumns, skps},
		{"skp_behaviours", behaviourInsertColumns, behaviours},
		{"rhk", rhkInsertColumns, rhk},
		{"indicators", indicatorInsertColumns, indicators},
		{"skp_versions", skpVersionInsertColumns, b.docs},
		{"audit_log", auditColumns, b.audits},
	} {
		if err := b.tx.bulkInsert(ctx, w.table, w.columns, w.rows); err != nil {
			return fmt.Errorf("write planned SKPs: %w", err)
		}
	}
	for _, bs := range b.order {
		bs.flushed = true
	}
	b.order, b.audits, b.docs = nil, nil, nil
	return nil
}
