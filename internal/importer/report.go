// Package importer reads SIASN-style employee files (CSV or XLSX) and plans
// their import: which rows create, update or leave employees unchanged, and
// which are rejected and why, in words a BKPSDM admin understands.
package importer

import (
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Action is what an import does with one row.
type Action string

// Row actions.
const (
	ActionCreate    Action = "create"
	ActionUpdate    Action = "update"
	ActionUnchanged Action = "unchanged"
	ActionReject    Action = "reject"
)

// RowResult is the plan (or the outcome) for one row of the file.
type RowResult struct {
	Row    int    `json:"row"` // 1-based line (CSV) or row (XLSX), as an editor or Excel shows it
	NIP    string `json:"nip"`
	Name   string `json:"name"`
	Action Action `json:"action"`
	Reason string `json:"reason,omitempty"` // why a row is rejected
	// Column names the column (as the SIASN export spells it) whose cell a
	// rejected row is refused for, "" when the reason is the row as a
	// whole.
	Column  string   `json:"column,omitempty"`
	Changes []string `json:"changes,omitempty"` // for updates: "Golongan: III/a → III/b"
	// Why and What are Reason and Changes as messages; Report.In renders
	// them in a reader's language.
	Why  model.Message   `json:"-"`
	What []model.Message `json:"-"`
	// Unit (its code) and Position (its name) where the row places the
	// employee, for rows not rejected; NewPosition tells that the import
	// creates that position, so that a typo in JABATAN_NAMA shows in the
	// preview before it becomes a new post.
	Unit        string `json:"unit,omitempty"`
	Position    string `json:"position,omitempty"`
	NewPosition bool   `json:"new_position,omitempty"`
	// Status and Golongan are what the row gives the employee (the status
	// read from the NIP when the file does not say it), so that an admin
	// can check them before a new record is written.
	Status   model.EmployeeStatus `json:"status,omitempty"`
	Golongan string               `json:"golongan,omitempty"`
	// OldNIP is set when the row is a known person under a new NIP (a PPPK
	// appointed CPNS, a correction by BKN): the update changes the NIP of
	// their record from OldNIP to NIP ("NIP berubah").
	OldNIP string `json:"old_nip,omitempty"`
	// Note, on a row that creates an employee, names a record that may be
	// the same person under another number but is not taken for them
	// (the name agrees, the birth date or the status move does not):
	// Kinerja does not guess; NoteText is it rendered by In.
	Note     model.Message `json:"-"`
	NoteText string        `json:"note,omitempty"`
}

// Report is the answer to an import, dry run or applied.
type Report struct {
	FileName  string      `json:"file_name"`
	Applied   bool        `json:"applied"` // false for a dry run
	Total     int         `json:"total"`   // data rows read
	Created   int         `json:"created"`
	Updated   int         `json:"updated"`
	Unchanged int         `json:"unchanged"`
	Rejected  int         `json:"rejected"`
	Rows      []RowResult `json:"rows"`
	// UploadID names the staged file of a dry run, so that the same file can
	// be applied without uploading it again (the web page does this).
	UploadID string `json:"upload_id,omitempty"`
	// Blocked tells, on a dry run, why the file cannot be applied as it
	// stands although its rows are valid one by one (it would make someone
	// assess themselves); BlockedText is it rendered by In.
	Blocked     model.Message `json:"-"`
	BlockedText string        `json:"blocked,omitempty"`
	// Warnings tell, on a dry run, what the file does to who rates whom:
	// posts it leaves vacant, people whose pejabat penilai changes, people
	// left without one. They do not block the file.
	Warnings []RaterWarning `json:"warnings,omitempty"`
}

// In returns the report with the reason and the changes of every row
// rendered in lang. Plan answers it in Indonesian; an edge that knows its
// reader's language renders it again.
func (rep Report) In(lang string) Report {
	rows := make([]RowResult, len(rep.Rows))
	for i, r := range rep.Rows {
		if r.Why.Key != "" {
			r.Reason = locale.T(lang, r.Why.Key, r.Why.Args...)
		}
		if r.Note.Key != "" {
			r.NoteText = locale.T(lang, r.Note.Key, r.Note.Args...)
		}
		if len(r.What) > 0 {
			r.Changes = make([]string, len(r.What))
			for j, m := range r.What {
				r.Changes[j] = locale.T(lang, m.Key, m.Args...)
			}
		}
		rows[i] = r
	}
	if rep.Rows == nil {
		rows = nil
	}
	rep.Rows = rows
	if rep.Blocked.Key != "" {
		rep.BlockedText = locale.T(lang, rep.Blocked.Key, rep.Blocked.Args...)
	}
	rep.Warnings = renderWarnings(rep.Warnings, lang)
	return rep
}
