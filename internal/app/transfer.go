package app

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// A transfer (mutasi: a definitive placement in another position) closes
// the employee's SKP the day before its TMT (terhitung mulai tanggal);
// the employee then draws up a new SKP for the new position, starting on
// the TMT. This file holds what follows from it: which records belong to
// which SKP when the TMT lies in the past, and taking RHK over from the
// closed SKP into the new one. docs/organisasi-mutasi.md explains the
// decisions.

// closeSKPsOnTransfer ends, the day before a transfer, every open SKP of the
// employee that began before it (decision 10): the employee then starts a
// new SKP for the new position, from the transfer date. What was recorded
// on it after the TMT stays on it, readable, until the new SKP takes over
// the RHK it serves (TakeOverRHK).
func closeSKPsOnTransfer(ctx context.Context, tx *store.Tx, e model.Employee, start model.Date) error {
	list, err := tx.SKPs(ctx, store.SKPFilter{InstansiID: e.InstansiID, EmployeeIDs: []string{e.ID}})
	if err != nil {
		return err
	}
	end := model.Date(start.Time().AddDate(0, 0, -1).Format("2006-01-02"))
	for _, s := range list {
		if s.Status == model.SKPClosed || s.PeriodStart > end || s.PeriodEnd < start {
			continue
		}
		next, err := model.NextSKPStatus(s.Status, model.ActClose)
		if err != nil {
			continue
		}
		s.Status, s.PeriodEnd = next, end
		if err := tx.SetSKPStatus(ctx, s.Version, s, model.ActClose); err != nil {
			return err
		}
		if err := tx.Notify(ctx, model.Notification{InstansiID: e.InstansiID, EmployeeID: e.ID, Kind: "skp.close",
			Args: []string{fmt.Sprint(s.Year), string(start)},
			Link: "/skp"}); err != nil {
			return err
		}
	}
	return nil
}
