package web

import (
	"bytes"
	"io"
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
)

// The documents of penilaian as printable pages, each with its PDF: the
// Dokumen Evaluasi Kinerja Pegawai and the Evaluasi Kinerja Pegawai of an
// assessment, and the Penetapan Predikat Kinerja Organisasi of an OPD in
// a period. The pages print without the menu (the print stylesheet); the
// documents are official forms and read in Bahasa Indonesia.

func (u *ui) assessmentDocRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
	page("GET /penilaian/{id}/dokumen", u.showAssessmentDocument)
	page("GET /penilaian/{id}/dokumen.pdf", u.assessmentDocumentPDF)
	page("GET /penilaian/{id}/evaluasi", u.showEvaluationDocument)
	page("GET /penilaian/{id}/evaluasi.pdf", u.evaluationDocumentPDF)
	page("GET /capaian-organisasi/{unit}/{period}/penetapan", u.showPerformanceDocument)
	page("GET /capaian-organisasi/{unit}/{period}/penetapan.pdf", u.performanceDocumentPDF)
}

type assessmentDocPage struct {
	base
	ID  string
	Doc app.AssessmentDocument
}

type evaluationDocPage struct {
	base
	ID  string
	Doc app.EvaluationDocument
}

type performanceDocPage struct {
	base
	UnitID, PeriodID string
	Doc              app.PerformanceDocument
}

func (u *ui) showAssessmentDocument(w http.ResponseWriter, r *http.Request, b base) error {
	doc, err := u.a.AssessmentDocument(r.Context(), *b.Actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	p := assessmentDocPage{base: b, ID: r.PathValue("id"), Doc: doc}
	p.Title, p.Nav = b.T("doc.assessment.title"), "assessment"
	u.render(w, r, http.StatusOK, "assessment_document", p)
	return nil
}

func (u *ui) showEvaluationDocument(w http.ResponseWriter, r *http.Request, b base) error {
	doc, err := u.a.EvaluationDocument(r.Context(), *b.Actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	p := evaluationDocPage{base: b, ID: r.PathValue("id"), Doc: doc}
	p.Title, p.Nav = b.T("doc.evaluation.title"), "assessment"
	u.render(w, r, http.StatusOK, "assessment_evaluation", p)
	return nil
}

func (u *ui) showPerformanceDocument(w http.ResponseWriter, r *http.Request, b base) error {
	doc, err := u.a.PerformanceDocument(r.Context(), *b.Actor, r.PathValue("unit"), r.PathValue("period"))
	if err != nil {
		return err
	}
	p := performanceDocPage{base: b, UnitID: r.PathValue("unit"), PeriodID: r.PathValue("period"), Doc: doc}
	p.Title, p.Nav = b.T("doc.penetapan.title"), "unitperf"
	u.render(w, r, http.StatusOK, "unit_performance_penetapan", p)
	return nil
}

// sendPDF answers the document render writes, named name.pdf.
func sendPDF(w http.ResponseWriter, name string, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="`+name+`.pdf"`)
	_, err := w.Write(buf.Bytes())
	return err
}

func (u *ui) assessmentDocumentPDF(w http.ResponseWriter, r *http.Request, b base) error {
	return sendPDF(w, "dokumen-evaluasi-kinerja", func(out io.Writer) error {
		return u.a.WriteAssessmentDocument(r.Context(), *b.Actor, r.PathValue("id"), out)
	})
}

func (u *ui) evaluationDocumentPDF(w http.ResponseWriter, r *http.Request, b base) error {
	return sendPDF(w, "evaluasi-kinerja-pegawai", func(out io.Writer) error {
		return u.a.WriteEvaluationDocument(r.Context(), *b.Actor, r.PathValue("id"), out)
	})
}

func (u *ui) performanceDocumentPDF(w http.ResponseWriter, r *http.Request, b base) error {
	return sendPDF(w, "penetapan-predikat-kinerja-organisasi", func(out io.Writer) error {
		return u.a.WritePerformanceDocument(r.Context(), *b.Actor, r.PathValue("unit"), r.PathValue("period"), out)
	})
}
