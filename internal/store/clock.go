package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// InstansiTimeZone is the time zone the instansi works by (WIB when it
// never chose one).
func (c conn) InstansiTimeZone(ctx context.Context, instansiID string) (model.TimeZone, error) {
	var z string
	if err := c.queryRow(ctx, `SELECT time_zone FROM instansi WHERE id = ?`, instansiID).Scan(&z); err != nil {
		return "", notFound(err, "instansi "+instansiID)
	}
	if !model.TimeZone(z).Valid() {
		return model.DefaultTimeZone, nil
	}
	return model.TimeZone(z), nil
}

// SetInstansiTimeZone changes the time zone the instansi works by.
func (tx *Tx) SetInstansiTimeZone(ctx context.Context, instansiID string, z model.TimeZone) error {
	before, err := tx.InstansiTimeZone(ctx, instansiID)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE instansi SET time_zone = ? WHERE id = ?`, string(z), instansiID); err != nil {
		return fmt.Errorf("set time zone: %w", err)
	}
	return tx.audit(ctx, "instansi.time_zone", "instansi", instansiID, map[string]string{"time_zone": string(before)},
		map[string]string{"time_zone": string(z)})
}

// CoachingReviewsDueOn lists, across every instansi, sessions whose next
// review is on or before the instansi's today and whose people were not
// reminded yet; today gives the date in each time zone.
func (c conn) CoachingReviewsDueOn(ctx context.Context, today map[model.TimeZone]model.Date, limit int) ([]model.CoachingSession, error) {
	day := func(z model.TimeZone) string { return string(today[z]) }
	rows, err := c.query(ctx, `SELECT `+coachingColumns+` FROM coaching_sessions
		WHERE next_review <> '' AND reminded_at = '' AND next_review <= CASE
			(SELECT time_zone FROM instansi WHERE instansi.id = coaching_sessions.instansi_id)
			WHEN ? THEN ? WHEN ? THEN ? ELSE ? END
		ORDER BY next_review, id LIMIT ?`,
		string(model.ZoneWITA), day(model.ZoneWITA), string(model.ZoneWIT), day(model.ZoneWIT), day(model.ZoneWIB), clampLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("coaching reviews due: %w", err)
	}
	defer rows.Close()
	var out []model.CoachingSession
	for rows.Next() {
		s, err := scanCoaching(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
