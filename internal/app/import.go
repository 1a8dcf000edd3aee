package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// stagedImportTTL is how long a previewed file can still be applied.
const stagedImportTTL = 2 * time.Hour

// importScope returns the OPD check for the actor, nil for the whole
// instansi, or an error when the actor may not import at all.
func importScope(actor model.Actor) (importer.Scope, error) {
	switch authz.Widest(actor, authz.ImportEmployees) {
	case authz.ScopeInstansi:
		return nil, nil
	case authz.ScopeOPD:
		opds := authz.OPDs(actor, authz.ImportEmployees)
		return func(opd string) bool { return opd != "" && slices.Contains(opds, opd) }, nil
	}
	return nil, forbidden("import employees")
}

// ImportEmployees reads a SIASN-style CSV or XLSX file of employees. As a
// dry run (apply false) it writes nothing and reports what would be
// created, updated or rejected and why. Applied, it writes the valid rows
// in one transaction, planned again inside it; rejected rows are skipped.
func (a *App) ImportEmployees(ctx context.Context, actor model.Actor, filename string, data []byte, apply bool) (importer.Report, error) {
	return a.importEmployees(ctx, actor, importFileName(filename), data, apply, nil)
}

// importFileName is the name an imported file is reported and kept under:
// its own name without a path and without the characters text may not
// hold (model.CleanCell), which are removed rather than refused, since
// the name comes from the sender's disk, not from their typing.
func importFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(model.CleanCell(name), "\\", "/"))
	if name == "." || name == "/" {
		return ""
	}
	return name
}

// importEmployees is ImportEmployees; when applying, also runs in the same
// transaction after the rows are written.
func (a *App) importEmployees(ctx context.Context, actor model.Actor, filename string, data []byte, apply bool, also func(*store.Tx) error) (out importer.Report, err error) {
	scope, err := importScope(actor)
	if err != nil {
		return importer.Report{}, err
	}
	rows, err := importer.Parse(data)
	if err != nil {
		return importer.Report{FileName: filename}, err
	}
	if !apply {
		rep, _, err := importer.Plan(ctx, a.store, actor.InstansiID, rows, scope, a.Today(ctx, actor.InstansiID))
		rep.FileName = filename
		if err != nil || rep.Created+rep.Updated == 0 {
			return rep, err
		}
		rep.Blocked, rep.Warnings, err = a.tryImport(ctx, actor, rows, scope)
		return rep, err
	}
	var rep importer.Report
	defer func() {
		// A file refused as a whole when applied: the refusal comes with
		// everything its preview finds, so that it is fixed in one go.
		var v *model.ValidationError
		if err == nil || !errors.As(err, &v) || v.Message("file").Key == "" {
			return
		}
		if preview, perr := a.importEmployees(ctx, actor, filename, data, false, nil); perr == nil {
			preview.Blocked = v.Message("file")
			out, err = preview, &ImportBlockedError{Report: preview, Err: err}
		}
	}()
	err = a.orgWrite(ctx, actor, actor.InstansiID, func(tx *store.Tx) error {
		var plan []importer.Planned
		today := a.Today(ctx, actor.InstansiID)
		rep, plan, err = importer.Plan(ctx, tx, actor.InstansiID, rows, scope, today)
		if err != nil {
			return err
		}
		charts, err := a.readImportCharts(ctx, tx, actor.InstansiID, today, plan)
		if err != nil {
			return err
		}
		rep.FileName, rep.Applied = filename, true
		if err := applyImport(ctx, tx, plan); err != nil {
			return err
		}
		if err := charts.refuse(ctx, tx); err != nil {
			return err
		}
		if also != nil {
			if err := also(tx); err != nil {
				return err
			}
		}
		if rep.Created+rep.Updated == 0 {
			return nil
		}
		return tx.Audit(ctx, "import.apply", "import", model.NewID(), nil, map[string]any{
			"file_name": filename, "created": rep.Created, "updated": rep.Updated, "rejected": rep.Rejected})
	})
	if err == nil && rep.Created+rep.Updated > 0 {
		// An import may have grown the tables many times over (a first
		// import fills an empty instansi): the planner's statistics are
		// refreshed so the next queries are planned for what is there.
		// The import stands whether or not this succeeds.
		if aerr := a.store.Analyze(ctx); aerr != nil {
			a.log.Warn("analyze after import", "err", aerr)
		}
	}
	return rep, err
}

// ImportBlockedError refuses to apply a file that cannot be applied as
// it stands (it would make someone assess themselves): it is the
// refusal (a model.ValidationError on "file", 422), and carries Report,
// the file's preview with the refusal, its rows in error, its warnings
// and what it would do, shown beside the refusal.
type ImportBlockedError struct {
	Report importer.Report
	Err    error
}

func (e *ImportBlockedError) Error() string { return "import blocked: " + e.Err.Error() }

// Unwrap gives the refusal.
func (e *ImportBlockedError) Unwrap() error { return e.Err }

// errTried ends the transaction of a tried import, so that nothing of it
// is written.
var errTried = errors.New("import tried")

// tryImport applies the rows in a transaction that is then rolled back,
// and answers why the import could not be applied as it stands (someone
// would assess themselves, domain decision 3), or the zero Message; and
// what it does, or would do once fixed, to who rates whom (raterWarnings).
// A preview shows both before the admin presses "Terapkan".
func (a *App) tryImport(ctx context.Context, actor model.Actor, rows []importer.Row, scope importer.Scope) (model.Message, []importer.RaterWarning, error) {
	var blocked model.Message
	var warnings []importer.RaterWarning
	err := a.store.Write(ctx, actor, func(tx *store.Tx) error {
		today := a.Today(ctx, actor.InstansiID)
		_, plan, err := importer.Plan(ctx, tx, actor.InstansiID, rows, scope, today)
		if err != nil {
			return err
		}
		was, err := readImportBefore(ctx, tx, actor.InstansiID, importDay(today, plan))
		if err != nil {
			return err
		}
		charts, err := a.readImportCharts(ctx, tx, actor.InstansiID, today, plan)
		if err != nil {
			return err
		}
		if err := applyImport(ctx, tx, plan); err != nil {
			return err
		}
		var v *model.ValidationError
		if err := charts.refuse(ctx, tx); errors.As(err, &v) {
			// Blocked: what the file would do is still told, so that the
			// admin fixes it in one go.
			blocked = v.Message("file")
		} else if err != nil {
			return err
		}
		if warnings, err = raterWarnings(ctx, tx, actor.InstansiID, was, plan); err != nil {
			return err
		}
		return errTried
	})
	if errors.Is(err, errTried) {
		err = nil
	}
	return blocked, warnings, err
}

// lockPlanned locks the record a planned row updates and checks that it
// still carries the NIP the plan found it by (the old one, for a row that
// gives a new NIP): a record merged, or given another number, by an act
// at the same moment is not updated from a plan that read it before
// (409, changed since it was read).
func lockPlanned(ctx context.Context, tx *store.Tx, p importer.Planned) error {
	locked, err := tx.LockEmployees(ctx, p.Employee.ID)
	if err != nil {
		return err
	}
	nip := p.Employee.NIP
	if p.OldNIP != "" {
		nip = p.OldNIP
	}
	// An import carries no version: the refusal says what the record is
	// now, merged into another or under another NIP.
	if locked[0].NIP != nip {
		if err := refuseMerged(ctx, tx, locked[0]); err != nil {
			return err
		}
		return model.Refused("conflict.import.changed", locked[0].FullName(), nip, locked[0].NIP)
	}
	return nil
}

func applyImport(ctx context.Context, tx *store.Tx, plan []importer.Planned) error {
	made := map[string]string{} // unit + name of positions created in this import
	for _, p := range plan {
		pos := p.Position
		if pos.ID == "" {
			key := pos.UnitID + "\x00" + strings.ToLower(pos.Name) // names match case-insensitively
			if id, ok := made[key]; ok {
				pos.ID = id
			} else {
				if pos.Code == "" {
					pos.Code = "IMP-" + model.NewID()[:16]
				}
				created, err := tx.CreatePosition(ctx, pos, p.NewHead)
				if err != nil {
					return fmt.Errorf("row %d: %w", p.Row, err)
				}
				pos.ID = created.ID
				made[key] = pos.ID
			}
		}
		e := p.Employee
		if p.Action == importer.ActionCreate {
			created, err := tx.CreateEmployee(ctx, e)
			if err != nil {
				return fmt.Errorf("row %d: %w", p.Row, err)
			}
			e = created
		} else if err := lockPlanned(ctx, tx, p); err != nil {
			return fmt.Errorf("row %d: %w", p.Row, err)
		} else if _, err := tx.UpdateEmployee(ctx, e); err != nil {
			return fmt.Errorf("row %d: %w", p.Row, err)
		} else if p.OldNIP != "" {
			if err := recordNIPChange(ctx, tx, e, p.OldNIP); err != nil {
				return fmt.Errorf("row %d: %w", p.Row, err)
			}
		}
		if p.Move {
			start := p.Start
			if cur, err := tx.Placements(ctx, e.ID); err == nil {
				for _, c := range cur {
					if c.Kind == model.PlacementDefinitif && c.End == "" && c.Start >= start {
						start = model.Date(c.Start.Time().AddDate(0, 0, 1).Format(time.DateOnly))
					}
				}
			}
			if _, err := tx.Place(ctx, model.Placement{EmployeeID: e.ID, PositionID: pos.ID, Kind: model.PlacementDefinitif,
				Start: start, Decree: "Impor data pegawai"}); err != nil {
				return fmt.Errorf("row %d: %w", p.Row, err)
			}
			if p.Action == importer.ActionUpdate {
				if err := closeSKPsOnTransfer(ctx, tx, e, start); err != nil {
					return fmt.Errorf("row %d: %w", p.Row, err)
				}
			}
		}
	}
	return nil
}

// StageImport runs a dry run and keeps the file, so that the same file can
// be applied after the preview; Report.UploadID names it.
func (a *App) StageImport(ctx context.Context, actor model.Actor, filename string, data []byte) (importer.Report, error) {
	filename = importFileName(filename)
	rep, err := a.ImportEmployees(ctx, actor, filename, data, false)
	if err != nil {
		return rep, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		u, err := tx.StageImport(ctx, store.ImportUpload{InstansiID: actor.InstansiID, UserID: actor.UserID, FileName: filename, Content: data})
		rep.UploadID = u.ID
		return err
	})
	return rep, err
}

// ApplyStagedImport applies a file the same user previewed within the last
// two hours; a file of another user, expired or already applied is
// model.ErrNotFound.
func (a *App) ApplyStagedImport(ctx context.Context, actor model.Actor, uploadID string) (importer.Report, error) {
	u, err := a.store.ImportUpload(ctx, uploadID)
	if err != nil {
		return importer.Report{}, err
	}
	if u.UserID != actor.UserID || u.InstansiID != actor.InstansiID || a.Now().Sub(u.CreatedAt) > stagedImportTTL {
		return importer.Report{}, fmt.Errorf("import upload %s: %w", uploadID, model.ErrNotFound)
	}
	// The staged file is removed in the applying transaction, so that it
	// is applied at most once.
	return a.importEmployees(ctx, actor, u.FileName, u.Content, true, func(tx *store.Tx) error {
		return tx.DeleteImportUpload(ctx, uploadID)
	})
}
