package web

import (
	"errors"
	"io"
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

func (u *ui) importRoutes(page func(string, func(http.ResponseWriter, *http.Request, base) error)) {
	page("GET /impor", u.showImport)
	page("POST /impor", u.previewImport)
	page("POST /impor/terapkan", u.applyImport)
}

type importPage struct {
	base
	Columns   any
	Error     string
	Report    *importer.Report
	Rejected  []importer.RowResult
	Updates   []importer.RowResult
	Creates   []importer.RowResult
	Unchanged int
	MaxBytes  int64 // the largest file an import takes
	MaxMB     int64
}

// Note gives a column's note in the page's language: the importer's own
// (Indonesian) note unless the catalog has a translation.
func (p importPage) Note(column, hint string) string {
	if hint == "" {
		return ""
	}
	if msg, ok := locale.Lookup(p.Lang, "import.col."+column); ok {
		return msg
	}
	return hint
}

// warnShown is how many people of a warning the preview lists at once;
// the others are one click away ("dan N lainnya"), never left out.
const warnShown = 5

// Warned counts the people whose pejabat penilai the warnings of the
// report name as changed (or lost).
func (p importPage) Warned() int {
	n := 0
	if p.Report != nil {
		for _, w := range p.Report.Warnings {
			if w.Kind != importer.WarnUpperChanged {
				n += len(w.People)
			}
		}
	}
	return n
}

// UpperWarned counts the people whose atasan pejabat penilai alone
// changes.
func (p importPage) UpperWarned() int {
	n := 0
	if p.Report != nil {
		for _, w := range p.Report.Warnings {
			if w.Kind == importer.WarnUpperChanged {
				n += len(w.People)
			}
		}
	}
	return n
}

// Head returns the people of a warning listed at once.
func (p importPage) Head(people []importer.RaterChange) []importer.RaterChange {
	return people[:min(len(people), warnShown)]
}

// Rest returns the people of a warning behind "dan N lainnya".
func (p importPage) Rest(people []importer.RaterChange) []importer.RaterChange {
	return people[min(len(people), warnShown):]
}

func (u *ui) importBase(b base) (importPage, error) {
	if !b.CanImport {
		return importPage{}, model.ErrForbidden
	}
	b.Title, b.Nav = b.T("import.title"), "import"
	return importPage{base: b, Columns: importer.Columns, MaxBytes: importer.MaxFileSize, MaxMB: importer.MaxFileSize >> 20}, nil
}

func (u *ui) showImport(w http.ResponseWriter, r *http.Request, b base) error {
	p, err := u.importBase(b)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("expired") != "" {
		p.Error = b.T("import.expired")
	}
	u.render(w, r, http.StatusOK, "import", p)
	return nil
}

func (p *importPage) split(rep importer.Report) {
	p.Report = &rep
	for _, row := range rep.Rows {
		switch row.Action {
		case importer.ActionReject:
			p.Rejected = append(p.Rejected, row)
		case importer.ActionUpdate:
			p.Updates = append(p.Updates, row)
		case importer.ActionCreate:
			p.Creates = append(p.Creates, row)
		}
	}
}

func (u *ui) previewImport(w http.ResponseWriter, r *http.Request, b base) error {
	p, err := u.importBase(b)
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, importer.MaxFileSize+1<<20)
	file, header, err := r.FormFile("file")
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			p.Error = b.T("import.toobig", importer.MaxFileSize>>20)
		} else {
			p.Error = b.T("import.nofile")
		}
		u.render(w, r, http.StatusUnprocessableEntity, "import", p)
		return nil
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, importer.MaxFileSize+1))
	if err != nil {
		return err
	}
	rep, err := u.a.StageImport(r.Context(), *b.Actor, header.Filename, data)
	if ve, ok := isValidation(err); ok {
		p.Error = b.Errs(ve)["file"]
		if p.Error == "" {
			p.Error = b.T("form.invalid")
		}
		u.render(w, r, http.StatusUnprocessableEntity, "import", p)
		return nil
	}
	if err != nil {
		return err
	}
	p.split(rep.In(b.Lang))
	p.Title = b.T("import.preview")
	u.render(w, r, http.StatusOK, "import_report", p)
	return nil
}

func (u *ui) applyImport(w http.ResponseWriter, r *http.Request, b base) error {
	p, err := u.importBase(b)
	if err != nil {
		return err
	}
	rep, err := u.a.ApplyStagedImport(r.Context(), *b.Actor, r.PostFormValue("upload_id"))
	if errors.Is(err, model.ErrNotFound) {
		http.Redirect(w, r, "/impor?expired=1", http.StatusSeeOther)
		return nil
	}
	var blocked *app.ImportBlockedError
	if errors.As(err, &blocked) {
		// Refused as a whole: the refusal with everything the preview
		// finds, to fix the file in one go.
		p.split(blocked.Report.In(b.Lang))
		p.Title = b.T("import.preview")
		u.render(w, r, http.StatusUnprocessableEntity, "import_report", p)
		return nil
	}
	if ve, ok := isValidation(err); ok { // the file as a whole is refused
		p.Error = b.Errs(ve)["file"]
		if p.Error == "" {
			p.Error = b.T("form.invalid")
		}
		u.render(w, r, http.StatusUnprocessableEntity, "import", p)
		return nil
	}
	if err != nil {
		return err
	}
	p.split(rep.In(b.Lang))
	p.Title = b.T("import.result")
	u.render(w, r, http.StatusOK, "import_report", p)
	return nil
}
