package api

import (
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/model"
)

func (h *handler) importEmployees(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	r.Body = http.MaxBytesReader(w, r.Body, importer.MaxFileSize+1<<20)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return model.ErrTooLarge
		}
		return model.Invalid("file", "invalid.import.multipart")
	}
	defer r.MultipartForm.RemoveAll()
	file, header, err := r.FormFile("file")
	if err != nil {
		return model.Invalid("file", "invalid.import.file")
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, importer.MaxFileSize+1))
	if err != nil {
		return err
	}
	if len(data) > importer.MaxFileSize {
		return model.ErrTooLarge
	}
	filename := header.Filename
	if !cleanText(filename) {
		filename = strings.ToValidUTF8(strings.ReplaceAll(filename, "\x00", ""), "?")
	}
	apply := false
	switch r.FormValue("apply") {
	case "", "false", "0":
	case "true", "1":
		apply = true
	default:
		return model.Invalid("apply", "invalid.import.apply")
	}
	rep, err := h.a.ImportEmployees(r.Context(), actor, filename, data, apply)
	if err != nil {
		return err
	}
	rep = rep.In(readerLang(r))
	if rep.Rows == nil {
		rep.Rows = []importer.RowResult{}
	}
	return writeJSON(w, http.StatusOK, rep)
}
