package store

import (
	"context"
	"encoding/base64"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

// ImportUpload is a file staged by an import dry run.
type ImportUpload struct {
	ID, InstansiID, UserID, FileName string
	Content                          []byte
	CreatedAt                        time.Time
}

// StageImport stores a file for a later apply and removes staged files
// older than a day.
func (tx *Tx) StageImport(ctx context.Context, u ImportUpload) (ImportUpload, error) {
	u.ID = model.NewID()
	u.CreatedAt = tx.now
	if _, err := tx.exec(ctx, `DELETE FROM import_uploads WHERE created_at < ?`, formatTime(tx.now.Add(-24*time.Hour))); err != nil {
		return u, err
	}
	_, err := tx.exec(ctx, `INSERT INTO import_uploads (id, instansi_id, user_id, file_name, content, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		u.ID, u.InstansiID, u.UserID, u.FileName, base64.StdEncoding.EncodeToString(u.Content), formatTime(u.CreatedAt))
	if err != nil {
		return u, fmt.Errorf("stage import: %w", err)
	}
	return u, tx.audit(ctx, "import.stage", "import", u.ID, nil, map[string]any{"file_name": u.FileName, "bytes": len(u.Content)})
}

// DeleteImportUpload removes a staged file once applied; a file already
// removed (applied by a concurrent request) is model.ErrNotFound, so that
// the transaction applying it again rolls back.
func (tx *Tx) DeleteImportUpload(ctx context.Context, id string) error {
	res, err := tx.exec(ctx, `DELETE FROM import_uploads WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete import upload %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("import upload %s: %w", id, model.ErrNotFound)
	}
	return nil
}

// ImportUpload returns a staged file.
func (c conn) ImportUpload(ctx context.Context, id string) (ImportUpload, error) {
	var u ImportUpload
	var content, created string
	err := c.queryRow(ctx, `SELECT id, instansi_id, user_id, file_name, content, created_at FROM import_uploads WHERE id = ?`, id).
		Scan(&u.ID, &u.InstansiID, &u.UserID, &u.FileName, &content, &created)
	if err != nil {
		return u, notFound(err, "import upload "+id)
	}
	u.CreatedAt = parseTime(created)
	u.Content, err = base64.StdEncoding.DecodeString(content)
	return u, err
}

// PositionHolders returns the active employees whose definitive position
// is positionID (the import checks that a head post has one holder).
func (c conn) PositionHolders(ctx context.Context, positionID string) ([]model.Employee, error) {
	rows, err := c.query(ctx, `SELECT `+employeeColumns+employeeFrom+` WHERE e.position_id = ? AND e.active = TRUE ORDER BY e.id`, positionID)
	if err != nil {
		return nil, fmt.Errorf("holders of position %s: %w", positionID, err)
	}
	defer rows.Close()
	var out []model.Employee
	for rows.Next() {
		e, err := scanEmployee(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
