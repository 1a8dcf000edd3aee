package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// LeaderMap returns the instansi's own map from capaian organisasi to the
// unit head's rating hasil kerja, nil when it keeps the regulation's.
func (c conn) LeaderMap(ctx context.Context, instansiID string) (model.LeaderMap, error) {
	var raw string
	if err := c.queryRow(ctx, `SELECT leader_map FROM instansi WHERE id = ?`, instansiID).Scan(&raw); err != nil {
		return nil, notFound(err, "instansi "+instansiID)
	}
	if raw == "" {
		return nil, nil
	}
	var m model.LeaderMap
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return nil, fmt.Errorf("leader map of instansi %s: %w", instansiID, err)
	}
	return m, nil
}

// SetLeaderMap sets the instansi's own map (nil for the regulation's) and
// audits it with the map before and after.
func (tx *Tx) SetLeaderMap(ctx context.Context, instansiID string, m model.LeaderMap) error {
	before, err := tx.LeaderMap(ctx, instansiID)
	if err != nil {
		return err
	}
	raw := ""
	if m != nil {
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		raw = string(b)
	}
	if _, err := tx.exec(ctx, `UPDATE instansi SET leader_map = ? WHERE id = ?`, raw, instansiID); err != nil {
		return fmt.Errorf("set leader map: %w", err)
	}
	return tx.audit(ctx, "instansi.leader_map", "instansi", instansiID, map[string]model.LeaderMap{"leader_map": before},
		map[string]model.LeaderMap{"leader_map": m})
}
