package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
)

const skpColumns = `id, instansi_id, employee_id, position_id, year, period_start, period_end, approach, format, status, version,
	revision, return_note, submitted_at, approved_at, approved_by, employee_snapshot, rater_snapshot, upper_snapshot, lampiran, acting`

func scanSKP(sc interface{ Scan(...any) error }) (model.SKP, error) {
	var s model.SKP
	var pos, approach, format, status, submitted, approved, emp, rater, upper, lampiran, start, end, acting string
	err := sc.Scan(&s.ID, &s.InstansiID, &s.EmployeeID, nullString{&pos}, &s.Year, &start, &end, &approach, &format, &status,
		&s.Version, &s.Revision, &s.ReturnNote, &submitted, &approved, &s.ApprovedBy, &emp, &rater, &upper, &lampiran, &acting)
	if err != nil {
		return s, err
	}
	s.PositionID, s.Acting = pos, model.PlacementKind(acting)
	s.PeriodStart, s.PeriodEnd = model.Date(start), model.Date(end)
	s.Approach, s.Format, s.Status = model.Approach(approach), model.SKPFormat(format), model.SKPStatus(status)
	s.SubmittedAt, s.ApprovedAt = parseTime(submitted), parseTime(approved)
	_ = json.Unmarshal([]byte(emp), &s.Employee)
	_ = json.Unmarshal([]byte(rater), &s.Rater)
	_ = json.Unmarshal([]byte(upper), &s.UpperRater)
	_ = json.Unmarshal([]byte(lampiran), &s.Lampiran)
	return s, nil
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// CreateSKP stores a new draft SKP with the seven core values.
func (tx *Tx) CreateSKP(ctx context.Context, s model.SKP, positionID string) (model.SKP, error) {
	s.ID = model.NewID()
	s.PositionID = positionID
	s.Status, s.Version, s.Revision = model.SKPDraft, 1, 1
	_, err := tx.exec(ctx, `INSERT INTO skps (id, instansi_id, employee_id, position_id, year, period_start, period_end, approach,
		format, status, version, revision, rater_id, upper_rater_id, employee_snapshot, rater_snapshot, upper_snapshot, lampiran,
		created_at, updated_at, acting) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.ID, s.InstansiID, s.EmployeeID, nullable(positionID), s.Year, string(s.PeriodStart), string(s.PeriodEnd),
		string(s.Approach), string(s.Format), string(s.Status), s.Version, s.Revision, nullable(s.Rater.EmployeeID),
		nullable(s.UpperRater.EmployeeID), mustJSON(s.Employee), mustJSON(s.Rater), mustJSON(s.UpperRater), mustJSON(s.Lampiran),
		formatTime(tx.now), formatTime(tx.now), string(s.Acting))
	if err != nil {
		return s, fmt.Errorf("create SKP: %w", err)
	}
	s.Behaviours = nil
	for i, cv := range model.CoreValues {
		b := model.Behaviour{ID: model.NewID(), SKPID: s.ID, Value: cv.Value, Guides: cv.Guides}
		if _, err := tx.exec(ctx, `INSERT INTO skp_behaviours (id, skp_id, core_value, guides, expectation, position) VALUES (?, ?, ?, ?, ?, ?)`,
			b.ID, s.ID, string(b.Value), mustJSON(b.Guides), "", i+1); err != nil {
			return s, fmt.Errorf("create SKP behaviour: %w", err)
		}
		s.Behaviours = append(s.Behaviours, b)
	}
	return s, tx.audit(ctx, "skp.create", "skp", s.ID, nil, map[string]any{"employee_id": s.EmployeeID, "year": s.Year,
		"approach": s.Approach, "format": s.Format, "position_id": positionID, "acting": s.Acting})
}

// SKP returns one SKP with its RHK, indicators and behaviours.
func (c conn) SKP(ctx context.Context, id string) (model.SKP, error) {
	s, err := scanSKP(c.queryRow(ctx, `SELECT `+skpColumns+` FROM skps WHERE id = ?`, id))
	if err != nil {
		return s, notFound(err, "SKP "+id)
	}
	return s, c.loadSKPParts(ctx, &s)
}

func (c conn) loadSKPParts(ctx context.Context, s *model.SKP) error {
	rows, err := c.query(ctx, `SELECT id, kind, description, parent_rhk_id, parent_text, penugasan_dari, perspektif, pk_sasaran_id, position
		FROM rhk WHERE skp_id = ? ORDER BY CASE WHEN kind = 'utama' THEN 0 ELSE 1 END, position, id`, s.ID)
	if err != nil {
		return err
	}
	idx := map[string]int{}
	s.RHK = nil
	for rows.Next() {
		var r model.RHK
		var kind string
		if err := rows.Scan(&r.ID, &kind, &r.Description, nullString{&r.ParentRHKID}, &r.ParentText, &r.PenugasanDari, &r.Perspektif, nullString{&r.PKSasaranID}, &r.Position); err != nil {
			rows.Close()
			return err
		}
		r.SKPID, r.Kind = s.ID, model.RHKKind(kind)
		idx[r.ID] = len(s.RHK)
		s.RHK = append(s.RHK, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = c.query(ctx, `SELECT i.id, i.rhk_id, i.aspect, i.description, i.target, i.unit, i.position FROM indicators i
		JOIN rhk r ON r.id = i.rhk_id WHERE r.skp_id = ? ORDER BY i.position, i.id`, s.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var in model.Indicator
		var aspect string
		if err := rows.Scan(&in.ID, &in.RHKID, &aspect, &in.Description, &in.Target, &in.Unit, &in.Position); err != nil {
			rows.Close()
			return err
		}
		in.Aspect = model.Aspect(aspect)
		if i, ok := idx[in.RHKID]; ok {
			s.RHK[i].Indicators = append(s.RHK[i].Indicators, in)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = c.query(ctx, `SELECT id, core_value, guides, expectation FROM skp_behaviours WHERE skp_id = ? ORDER BY position`, s.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	s.Behaviours = nil
	for rows.Next() {
		var b model.Behaviour
		var value, guides string
		if err := rows.Scan(&b.ID, &value, &guides, &b.Expectation); err != nil {
			return err
		}
		b.SKPID, b.Value = s.ID, model.CoreValue(value)
		_ = json.Unmarshal([]byte(guides), &b.Guides)
		s.Behaviours = append(s.Behaviours, b)
	}
	return rows.Err()
}

// SKPsWhole returns the SKPs of ids, each as SKP returns it (with its RHK,
// indicators and behaviours, in the same order), keyed by id, in a few
// queries for every 500 SKPs; an id not found is left out.
func (c conn) SKPsWhole(ctx context.Context, ids []string) (map[string]model.SKP, error) {
	out := make(map[string]model.SKP, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := anys(ids[start:min(start+500, len(ids))])
		in := placeholders(len(chunk))
		rows, err := c.query(ctx, `SELECT `+skpColumns+` FROM skps WHERE id IN (`+in+`)`, chunk...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			s, err := scanSKP(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			out[s.ID] = s
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		rhk := map[string][]model.RHK{}
		place := map[string]int{} // RHK id: its place in its SKP's list
		rows, err = c.query(ctx, `SELECT id, skp_id, kind, description, parent_rhk_id, parent_text, penugasan_dari, perspektif, pk_sasaran_id,
			position FROM rhk WHERE skp_id IN (`+in+`) ORDER BY skp_id, CASE WHEN kind = 'utama' THEN 0 ELSE 1 END, position, id`, chunk...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var r model.RHK
			var kind string
			if err := rows.Scan(&r.ID, &r.SKPID, &kind, &r.Description, nullString{&r.ParentRHKID}, &r.ParentText, &r.PenugasanDari,
				&r.Perspektif, nullString{&r.PKSasaranID}, &r.Position); err != nil {
				rows.Close()
				return nil, err
			}
			r.Kind = model.RHKKind(kind)
			place[r.ID] = len(rhk[r.SKPID])
			rhk[r.SKPID] = append(rhk[r.SKPID], r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		rows, err = c.query(ctx, `SELECT i.id, i.rhk_id, r.skp_id, i.aspect, i.description, i.target, i.unit, i.position FROM indicators i
			JOIN rhk r ON r.id = i.rhk_id WHERE r.skp_id IN (`+in+`) ORDER BY i.position, i.id`, chunk...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var ind model.Indicator
			var skpID, aspect string
			if err := rows.Scan(&ind.ID, &ind.RHKID, &skpID, &aspect, &ind.Description, &ind.Target, &ind.Unit, &ind.Position); err != nil {
				rows.Close()
				return nil, err
			}
			ind.Aspect = model.Aspect(aspect)
			if i, ok := place[ind.RHKID]; ok {
				list := rhk[skpID]
				list[i].Indicators = append(list[i].Indicators, ind)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		behaviours := map[string][]model.Behaviour{}
		rows, err = c.query(ctx, `SELECT id, skp_id, core_value, guides, expectation FROM skp_behaviours WHERE skp_id IN (`+in+`)
			ORDER BY skp_id, position`, chunk...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var b model.Behaviour
			var value, guides string
			if err := rows.Scan(&b.ID, &b.SKPID, &value, &guides, &b.Expectation); err != nil {
				rows.Close()
				return nil, err
			}
			b.Value = model.CoreValue(value)
			_ = json.Unmarshal([]byte(guides), &b.Guides)
			behaviours[b.SKPID] = append(behaviours[b.SKPID], b)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for _, id := range chunk {
			s, ok := out[id.(string)]
			if !ok {
				continue
			}
			s.RHK, s.Behaviours = rhk[s.ID], behaviours[s.ID]
			out[s.ID] = s
		}
	}
	return out, nil
}

// SKPFilter selects SKPs (without their parts).
type SKPFilter struct {
	InstansiID  string
	EmployeeIDs []string
	RaterID     string
	Year        int
	Status      model.SKPStatus
}

// where gives the condition on skps that f selects; none reports that it
// selects nothing (an empty list of employees).
func (f SKPFilter) where() (where string, args []any, none bool) {
	// With employees or a rater given, their own indexes are far narrower
	// than the instansi's; the instansi is then checked on the rows read.
	conds := []string{"1 = 1"}
	if f.EmployeeIDs == nil && f.RaterID == "" {
		conds = append(conds, "instansi_id = ?")
		args = append(args, f.InstansiID)
	}
	if f.EmployeeIDs != nil {
		if len(f.EmployeeIDs) == 0 {
			return "", nil, true
		}
		conds = append(conds, "employee_id IN ("+placeholders(len(f.EmployeeIDs))+")")
		for _, id := range f.EmployeeIDs {
			args = append(args, id)
		}
	}
	if f.RaterID != "" {
		conds = append(conds, "rater_id = ?")
		args = append(args, f.RaterID)
	}
	if f.Year != 0 {
		conds = append(conds, "year = ?")
		args = append(args, f.Year)
	}
	if f.Status != "" {
		conds = append(conds, "status = ?")
		args = append(args, string(f.Status))
	}
	return strings.Join(conds, " AND "), args, false
}

// SKPs lists every SKP the filter selects, newest first, without RHK (use
// SKP for the whole): the lists built on it are shown whole.
func (c conn) SKPs(ctx context.Context, f SKPFilter) ([]model.SKP, error) {
	where, args, none := f.where()
	if none {
		return nil, nil
	}
	rows, err := c.query(ctx, `SELECT `+skpColumns+` FROM skps WHERE `+where+` ORDER BY year DESC, id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("list SKPs: %w", err)
	}
	defer rows.Close()
	var out []model.SKP
	for rows.Next() {
		s, err := scanSKP(rows)
		if err != nil {
			return nil, err
		}
		if s.InstansiID == f.InstansiID {
			out = append(out, s)
		}
	}
	return out, rows.Err()
}

// RHKCounts counts the RHK of each SKP f selects, in one query; an SKP
// without RHK is left out.
func (c conn) RHKCounts(ctx context.Context, f SKPFilter) (map[string]int, error) {
	out := map[string]int{}
	where, args, none := f.where()
	if none {
		return out, nil
	}
	rows, err := c.query(ctx, `SELECT skp_id, COUNT(*) FROM rhk WHERE skp_id IN (SELECT id FROM skps WHERE `+where+`) GROUP BY skp_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("count RHK: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// touchSKP bumps an SKP's version if it is still at version; a stale
// version is a conflict, so two people never overwrite each other.
func (tx *Tx) touchSKP(ctx context.Context, id string, version int) error {
	res, err := tx.exec(ctx, `UPDATE skps SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?`, formatTime(tx.now), id, version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("SKP %s changed since version %d: %w", id, version, model.ErrStale)
	}
	return nil
}

// SaveRHK creates or updates an RHK of an SKP read at version.
func (tx *Tx) SaveRHK(ctx context.Context, version int, r model.RHK) (model.RHK, error) {
	if err := tx.touchSKP(ctx, r.SKPID, version); err != nil {
		return r, err
	}
	if r.ID == "" {
		r.ID = model.NewID()
		var n int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM rhk WHERE skp_id = ?`, r.SKPID).Scan(&n); err != nil {
			return r, err
		}
		r.Position = n + 1
		_, err := tx.exec(ctx, `INSERT INTO rhk (id, skp_id, kind, description, parent_rhk_id, parent_text, penugasan_dari, perspektif,
			pk_sasaran_id, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, r.SKPID, string(r.Kind), r.Description,
			nullable(r.ParentRHKID), r.ParentText, r.PenugasanDari, r.Perspektif, nullable(r.PKSasaranID), r.Position, formatTime(tx.now))
		if err != nil {
			return r, fmt.Errorf("create RHK: %w", err)
		}
		return r, tx.audit(ctx, "rhk.create", "skp", r.SKPID, nil, r)
	}
	before, err := tx.RHKByID(ctx, r.ID)
	if err != nil {
		return r, err
	}
	before.Indicators = nil
	_, err = tx.exec(ctx, `UPDATE rhk SET kind = ?, description = ?, parent_rhk_id = ?, parent_text = ?, penugasan_dari = ?,
		perspektif = ?, pk_sasaran_id = ? WHERE id = ? AND skp_id = ?`, string(r.Kind), r.Description, nullable(r.ParentRHKID), r.ParentText,
		r.PenugasanDari, r.Perspektif, nullable(r.PKSasaranID), r.ID, r.SKPID)
	if err != nil {
		return r, fmt.Errorf("update RHK: %w", err)
	}
	after := r
	after.Indicators = nil
	return r, tx.audit(ctx, "rhk.update", "skp", r.SKPID, before, after)
}

// RHKInUse names the first record that keeps an RHK from being removed:
// "intervened" (an RHK of another SKP intervenes it), "proposal" (an RHK
// proposed from it), "progress", "realisasi" (on one of its indicators),
// "team" (a team member links it) or "need" (a development need names
// it); "" when none does.
func (c conn) RHKInUse(ctx context.Context, rhkID string) (string, error) {
	checks := []struct{ what, query string }{
		{"intervened", `SELECT COUNT(*) FROM rhk WHERE parent_rhk_id = ?`},
		{"proposal", `SELECT COUNT(*) FROM rhk_proposals WHERE parent_rhk_id = ?`},
		{"progress", `SELECT COUNT(*) FROM progress_entries WHERE rhk_id = ?`},
		{"realisasi", `SELECT COUNT(*) FROM realisasi r JOIN indicators i ON i.id = r.indicator_id WHERE i.rhk_id = ?`},
		{"team", `SELECT COUNT(*) FROM team_members WHERE rhk_id = ?`},
		{"need", `SELECT COUNT(*) FROM needs WHERE rhk_id = ?`},
	}
	for _, ch := range checks {
		var n int
		if err := c.queryRow(ctx, ch.query, rhkID).Scan(&n); err != nil {
			return "", fmt.Errorf("RHK %s in use by %s: %w", rhkID, ch.what, err)
		}
		if n > 0 {
			return ch.what, nil
		}
	}
	return "", nil
}

// DeleteRHK removes an RHK and its indicators.
func (tx *Tx) DeleteRHK(ctx context.Context, version int, skpID, rhkID string) error {
	if err := tx.touchSKP(ctx, skpID, version); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `DELETE FROM indicators WHERE rhk_id = ?`, rhkID); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `DELETE FROM rhk WHERE id = ? AND skp_id = ?`, rhkID, skpID); err != nil {
		return err
	}
	return tx.audit(ctx, "rhk.delete", "skp", skpID, map[string]string{"rhk_id": rhkID}, nil)
}

// SaveIndicator adds an indicator to an RHK of an SKP read at version or,
// with an ID, changes its aspect, description, target and unit; the audit
// keeps it as it was.
func (tx *Tx) SaveIndicator(ctx context.Context, version int, skpID string, in model.Indicator) (model.Indicator, error) {
	if err := tx.touchSKP(ctx, skpID, version); err != nil {
		return in, err
	}
	if in.ID != "" {
		before, err := tx.IndicatorByID(ctx, in.ID)
		if err != nil {
			return in, err
		}
		if _, err := tx.exec(ctx, `UPDATE indicators SET aspect = ?, description = ?, target = ?, unit = ? WHERE id = ? AND rhk_id = ?`,
			string(in.Aspect), in.Description, in.Target, in.Unit, in.ID, before.RHKID); err != nil {
			return in, fmt.Errorf("update indicator: %w", err)
		}
		in.RHKID, in.Position = before.RHKID, before.Position
		return in, tx.audit(ctx, "indicator.update", "skp", skpID, before, in)
	}
	in.ID = model.NewID()
	var n int
	if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM indicators WHERE rhk_id = ?`, in.RHKID).Scan(&n); err != nil {
		return in, err
	}
	in.Position = n + 1
	if _, err := tx.exec(ctx, `INSERT INTO indicators (id, rhk_id, aspect, description, target, unit, position) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		in.ID, in.RHKID, string(in.Aspect), in.Description, in.Target, in.Unit, in.Position); err != nil {
		return in, fmt.Errorf("create indicator: %w", err)
	}
	return in, tx.audit(ctx, "indicator.create", "skp", skpID, nil, in)
}

// DeleteIndicator removes an indicator; the audit keeps it as it was.
func (tx *Tx) DeleteIndicator(ctx context.Context, version int, skpID, indicatorID string) error {
	if err := tx.touchSKP(ctx, skpID, version); err != nil {
		return err
	}
	before, err := tx.IndicatorByID(ctx, indicatorID)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `DELETE FROM indicators WHERE id = ? AND rhk_id IN (SELECT id FROM rhk WHERE skp_id = ?)`, indicatorID, skpID); err != nil {
		return err
	}
	return tx.audit(ctx, "indicator.delete", "skp", skpID, before, nil)
}

// IndicatorByID returns one indicator; its RHK names the SKP (RHKByID).
func (c conn) IndicatorByID(ctx context.Context, id string) (model.Indicator, error) {
	var in model.Indicator
	var aspect string
	err := c.queryRow(ctx, `SELECT id, rhk_id, aspect, description, target, unit, position FROM indicators WHERE id = ?`, id).
		Scan(&in.ID, &in.RHKID, &aspect, &in.Description, &in.Target, &in.Unit, &in.Position)
	in.Aspect = model.Aspect(aspect)
	if err != nil {
		return in, notFound(err, "indicator "+id)
	}
	return in, nil
}

// IndicatorRealisasi counts the realisasi recorded on an indicator, in
// every period.
func (c conn) IndicatorRealisasi(ctx context.Context, id string) (int, error) {
	var n int
	if err := c.queryRow(ctx, `SELECT COUNT(*) FROM realisasi WHERE indicator_id = ?`, id).Scan(&n); err != nil {
		return 0, fmt.Errorf("realisasi of indicator %s: %w", id, err)
	}
	return n, nil
}

// SetExpectation writes the supervisor's ekspektasi khusus for a value.
func (tx *Tx) SetExpectation(ctx context.Context, version int, skpID string, value model.CoreValue, text string) error {
	if err := tx.touchSKP(ctx, skpID, version); err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE skp_behaviours SET expectation = ? WHERE skp_id = ? AND core_value = ?`, text, skpID, string(value))
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return model.Invalid("core_value", "invalid.skp.behaviour.unknown")
	}
	return tx.audit(ctx, "skp.expectation", "skp", skpID, nil, map[string]string{"core_value": string(value), "expectation": text})
}

// SetLampiran replaces the SKP's lampiran.
func (tx *Tx) SetLampiran(ctx context.Context, version int, skpID string, l model.Lampiran) error {
	if err := tx.touchSKP(ctx, skpID, version); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE skps SET lampiran = ? WHERE id = ?`, mustJSON(l), skpID); err != nil {
		return err
	}
	return tx.audit(ctx, "skp.lampiran", "skp", skpID, nil, l)
}

// SetSKPStatus records a workflow step on an SKP read at version.
func (tx *Tx) SetSKPStatus(ctx context.Context, version int, s model.SKP, action model.SKPAction) error {
	if err := tx.touchSKP(ctx, s.ID, version); err != nil {
		return err
	}
	_, err := tx.exec(ctx, `UPDATE skps SET status = ?, revision = ?, return_note = ?, submitted_at = ?, approved_at = ?,
		approved_by = ?, period_end = ? WHERE id = ?`, string(s.Status), s.Revision, s.ReturnNote, formatTime(s.SubmittedAt),
		formatTime(s.ApprovedAt), s.ApprovedBy, string(s.PeriodEnd), s.ID)
	if err != nil {
		return fmt.Errorf("SKP %s: %w", action, err)
	}
	// The SKP's end decides which of a person's assessments the curve
	// counts (model.TallyCurve): the curves of its assessments change.
	if err := tx.bumpCurves(ctx, `EXISTS (SELECT 1 FROM assessments a WHERE a.skp_id = ? AND a.opd_id = calibrations.opd_id
		AND a.period_id = calibrations.period_id)`, s.ID); err != nil {
		return err
	}
	return tx.audit(ctx, "skp."+string(action), "skp", s.ID, nil, map[string]any{"status": s.Status, "revision": s.Revision,
		"note": s.ReturnNote})
}

// SaveSKPVersion keeps the approved document of a revision.
func (tx *Tx) SaveSKPVersion(ctx context.Context, s model.SKP) error {
	_, err := tx.exec(ctx, `INSERT INTO skp_versions (skp_id, revision, document, approved_at, approved_by) VALUES (?, ?, ?, ?, ?)`,
		s.ID, s.Revision, mustJSON(s), formatTime(s.ApprovedAt), s.ApprovedBy)
	return err
}

// SKPVersions returns every approved revision of an SKP, oldest first.
func (c conn) SKPVersions(ctx context.Context, skpID string) ([]model.SKP, error) {
	rows, err := c.query(ctx, `SELECT document FROM skp_versions WHERE skp_id = ? ORDER BY revision`, skpID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.SKP
	for rows.Next() {
		var doc string
		if err := rows.Scan(&doc); err != nil {
			return nil, err
		}
		var s model.SKP
		if err := json.Unmarshal([]byte(doc), &s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// RHKByID returns one RHK (without indicators) and its SKP's id.
func (c conn) RHKByID(ctx context.Context, id string) (model.RHK, error) {
	var r model.RHK
	var kind string
	err := c.queryRow(ctx, `SELECT id, skp_id, kind, description, parent_rhk_id, parent_text, penugasan_dari, perspektif, pk_sasaran_id,
		position FROM rhk WHERE id = ?`, id).Scan(&r.ID, &r.SKPID, &kind, &r.Description, nullString{&r.ParentRHKID}, &r.ParentText,
		&r.PenugasanDari, &r.Perspektif, nullString{&r.PKSasaranID}, &r.Position)
	r.Kind = model.RHKKind(kind)
	if err != nil {
		return r, notFound(err, "RHK "+id)
	}
	return r, nil
}

// AddDialogue records a dialog kinerja.
func (tx *Tx) AddDialogue(ctx context.Context, d model.Dialogue) (model.Dialogue, error) {
	d.ID, d.CreatedAt = model.NewID(), formatTime(tx.now)
	if _, err := tx.exec(ctx, `INSERT INTO skp_dialogues (id, skp_id, held_on, notes, expectations, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		d.ID, d.SKPID, string(d.HeldOn), d.Notes, d.Expectations, d.AuthorID, d.CreatedAt); err != nil {
		return d, err
	}
	return d, tx.audit(ctx, "skp.dialogue", "skp", d.SKPID, nil, d)
}

// Dialogues lists an SKP's dialogues, oldest first.
func (c conn) Dialogues(ctx context.Context, skpID string) ([]model.Dialogue, error) {
	rows, err := c.query(ctx, `SELECT id, skp_id, held_on, notes, expectations, author_id, created_at FROM skp_dialogues
		WHERE skp_id = ? ORDER BY held_on, id`, skpID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Dialogue
	for rows.Next() {
		var d model.Dialogue
		var held string
		if err := rows.Scan(&d.ID, &d.SKPID, &held, &d.Notes, &d.Expectations, &d.AuthorID, &d.CreatedAt); err != nil {
			return nil, err
		}
		d.HeldOn = model.Date(held)
		out = append(out, d)
	}
	return out, rows.Err()
}

// RHKTexts returns the description of each RHK named, by id, in one query;
// ids that name no RHK are left out.
func (c conn) RHKTexts(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := c.query(ctx, `SELECT id, description FROM rhk WHERE id IN (`+placeholders(len(ids))+`)`, anys(ids)...)
	if err != nil {
		return nil, fmt.Errorf("RHK texts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, text string
		if err := rows.Scan(&id, &text); err != nil {
			return nil, err
		}
		out[id] = text
	}
	return out, rows.Err()
}

// RHKOfSKPs returns the RHK (without indicators) of several SKPs in one
// query, by SKP id, each SKP's in its order.
func (c conn) RHKOfSKPs(ctx context.Context, skpIDs []string) (map[string][]model.RHK, error) {
	out := map[string][]model.RHK{}
	if len(skpIDs) == 0 {
		return out, nil
	}
	rows, err := c.query(ctx, `SELECT id, skp_id, kind, description, parent_rhk_id, parent_text, penugasan_dari, perspektif, pk_sasaran_id, position
		FROM rhk WHERE skp_id IN (`+placeholders(len(skpIDs))+`) ORDER BY skp_id, CASE WHEN kind = 'utama' THEN 0 ELSE 1 END, position, id`, anys(skpIDs)...)
	if err != nil {
		return nil, fmt.Errorf("RHK of SKPs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r model.RHK
		var kind string
		if err := rows.Scan(&r.ID, &r.SKPID, &kind, &r.Description, nullString{&r.ParentRHKID}, &r.ParentText, &r.PenugasanDari, &r.Perspektif,
			nullString{&r.PKSasaranID}, &r.Position); err != nil {
			return nil, err
		}
		r.Kind = model.RHKKind(kind)
		out[r.SKPID] = append(out[r.SKPID], r)
	}
	return out, rows.Err()
}

// IndicatorsOfSKPs returns the indicators of several SKPs, by RHK id, each
// RHK's in its order, in one query per few hundred SKPs.
func (c conn) IndicatorsOfSKPs(ctx context.Context, skpIDs []string) (map[string][]model.Indicator, error) {
	out := map[string][]model.Indicator{}
	for start := 0; start < len(skpIDs); start += 500 {
		chunk := skpIDs[start:min(start+500, len(skpIDs))]
		rows, err := c.query(ctx, `SELECT i.id, i.rhk_id, i.aspect, i.description, i.target, i.unit, i.position FROM indicators i
			JOIN rhk r ON r.id = i.rhk_id WHERE r.skp_id IN (`+placeholders(len(chunk))+`) ORDER BY i.rhk_id, i.position, i.id`, anys(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("indicators of SKPs: %w", err)
		}
		for rows.Next() {
			var in model.Indicator
			var aspect string
			if err := rows.Scan(&in.ID, &in.RHKID, &aspect, &in.Description, &in.Target, &in.Unit, &in.Position); err != nil {
				rows.Close()
				return nil, err
			}
			in.Aspect = model.Aspect(aspect)
			out[in.RHKID] = append(out[in.RHKID], in)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SetSKPRaters names anew the pejabat penilai and atasan pejabat penilai
// of s, an SKP not yet approved whose raters the organisation changed
// (decision 3), keeping what it named before in the audit log. It
// reports false, and changes nothing, when the SKP no longer names was's
// raters or is no longer pending: another request brought it up to date,
// or it moved on. The SKP's version is not bumped: nobody's edit is
// overtaken by a change of the organisation.
func (tx *Tx) SetSKPRaters(ctx context.Context, s, was model.SKP) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE skps SET rater_id = ?, upper_rater_id = ?, rater_snapshot = ?, upper_snapshot = ?, updated_at = ?
		WHERE id = ? AND COALESCE(rater_id, '') = ? AND COALESCE(upper_rater_id, '') = ? AND status IN (?, ?, ?)`,
		nullable(s.Rater.EmployeeID), nullable(s.UpperRater.EmployeeID), mustJSON(s.Rater), mustJSON(s.UpperRater), formatTime(tx.now),
		s.ID, was.Rater.EmployeeID, was.UpperRater.EmployeeID, string(model.SKPDraft), string(model.SKPSubmitted), string(model.SKPReturned))
	if err != nil {
		return false, fmt.Errorf("set SKP raters: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	person := func(p model.PersonSnapshot) map[string]any {
		return map[string]any{"employee_id": p.EmployeeID, "name": p.Name, "nip": p.NIP, "position": p.Position}
	}
	return true, tx.audit(ctx, "skp.raters", "skp", s.ID,
		map[string]any{"rater": person(was.Rater), "upper_rater": person(was.UpperRater)},
		map[string]any{"rater": person(s.Rater), "upper_rater": person(s.UpperRater)})
}

// SKPsByID returns the SKPs of ids without their parts (as SKPs lists
// them), keyed by id, in one statement for every 500; an id not found is
// left out.
func (c conn) SKPsByID(ctx context.Context, ids []string) (map[string]model.SKP, error) {
	out := make(map[string]model.SKP, len(ids))
	err := c.eachByID(ctx, `SELECT `+skpColumns+` FROM skps WHERE id IN (%s)`, ids, func(rows *sql.Rows) error {
		s, err := scanSKP(rows)
		out[s.ID] = s
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("SKPs by id: %w", err)
	}
	return out, nil
}
