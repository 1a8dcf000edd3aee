package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

const evidenceColumns = `id, instansi_id, owner_id, target_type, target_id, kind, sha256, size, content_type, file_name, url, created_by, created_at`

func scanEvidence(sc interface{ Scan(...any) error }) (model.Evidence, error) {
	var e model.Evidence
	var created string
	err := sc.Scan(&e.ID, &e.InstansiID, &e.OwnerID, &e.TargetType, &e.TargetID, &e.Kind, &e.SHA256, &e.Size, &e.ContentType,
		&e.FileName, &e.URL, &e.CreatedBy, &created)
	e.CreatedAt = parseTime(created)
	return e, err
}

// CreateEvidence records an attachment.
func (tx *Tx) CreateEvidence(ctx context.Context, e model.Evidence) (model.Evidence, error) {
	e.ID, e.CreatedAt = model.NewID(), tx.now
	if _, err := tx.exec(ctx, `INSERT INTO evidence (`+evidenceColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.InstansiID, e.OwnerID, e.TargetType, e.TargetID, e.Kind, e.SHA256, e.Size, e.ContentType, e.FileName, e.URL,
		e.CreatedBy, formatTime(tx.now)); err != nil {
		return e, fmt.Errorf("create evidence: %w", err)
	}
	return e, tx.audit(ctx, "evidence.create", e.TargetType, e.TargetID, nil, e)
}

// DeleteEvidence removes an attachment and reports whether its file is
// still used by another attachment (and so must be kept).
func (tx *Tx) DeleteEvidence(ctx context.Context, id string) (model.Evidence, bool, error) {
	e, err := tx.EvidenceByID(ctx, id)
	if err != nil {
		return e, false, err
	}
	if _, err := tx.exec(ctx, `DELETE FROM evidence WHERE id = ?`, id); err != nil {
		return e, false, err
	}
	used := false
	if e.SHA256 != "" {
		var n int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM evidence WHERE sha256 = ?`, e.SHA256).Scan(&n); err != nil {
			return e, false, err
		}
		used = n > 0
	}
	return e, used, tx.audit(ctx, "evidence.delete", e.TargetType, e.TargetID, e, nil)
}

// EvidenceByID returns one attachment.
func (c conn) EvidenceByID(ctx context.Context, id string) (model.Evidence, error) {
	e, err := scanEvidence(c.queryRow(ctx, `SELECT `+evidenceColumns+` FROM evidence WHERE id = ?`, id))
	if err != nil {
		return e, notFound(err, "evidence "+id)
	}
	return e, nil
}

// EvidenceOn returns the attachments of several targets of one type,
// oldest first, by target.
func (c conn) EvidenceOn(ctx context.Context, targetType string, targetIDs []string) (map[string][]model.Evidence, error) {
	out := map[string][]model.Evidence{}
	if len(targetIDs) == 0 {
		return out, nil
	}
	args := append([]any{targetType}, anys(targetIDs)...)
	rows, err := c.query(ctx, `SELECT `+evidenceColumns+` FROM evidence WHERE target_type = ? AND target_id IN (`+
		placeholders(len(targetIDs))+`) ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEvidence(rows)
		if err != nil {
			return nil, err
		}
		out[e.TargetID] = append(out[e.TargetID], e)
	}
	return out, rows.Err()
}

// EvidenceMaxBytes is the instansi's size limit for one evidence file.
func (c conn) EvidenceMaxBytes(ctx context.Context, instansiID string) (int64, error) {
	var n int64
	if err := c.queryRow(ctx, `SELECT evidence_max_bytes FROM instansi WHERE id = ?`, instansiID).Scan(&n); err != nil {
		return 0, notFound(err, "instansi "+instansiID)
	}
	return n, nil
}

// SetEvidenceMaxBytes changes the instansi's size limit for evidence files.
func (tx *Tx) SetEvidenceMaxBytes(ctx context.Context, instansiID string, n int64) error {
	before, err := tx.EvidenceMaxBytes(ctx, instansiID)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE instansi SET evidence_max_bytes = ? WHERE id = ?`, n, instansiID); err != nil {
		return err
	}
	return tx.audit(ctx, "instansi.evidence_limit", "instansi", instansiID, map[string]int64{"evidence_max_bytes": before},
		map[string]int64{"evidence_max_bytes": n})
}
