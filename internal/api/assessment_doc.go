package api

import (
	"bytes"
	"io"
	"net/http"

	"github.com/kinerja-id/kinerja/internal/model"
)

// assessmentDocRoutes are the routes of the documents of penilaian: the
// Dokumen Evaluasi Kinerja Pegawai and the Evaluasi Kinerja Pegawai of an
// assessment, and the Penetapan Predikat Kinerja Organisasi of an OPD in
// a period, each as a PDF.
func assessmentDocRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/assessments/{id}/document.pdf", summary: "The Dokumen Evaluasi Kinerja Pegawai of an assessment: the pegawai, the pejabat penilai and the atasan, the capaian kinerja organisasi, the predikat, the catatan, the keberatan with its explanation and decision, and the three signatures; for those who may read the assessment", handle: (*handler).assessmentDocument,
			doc: op{tag: "penilaian", params: []string{"id"}, response: "pdf", errors: []int{404}}},
		{method: "GET", path: "/api/v1/assessments/{id}/evaluation.pdf", summary: "The Evaluasi Kinerja Pegawai of an assessment in the regulation's format: the capaian kinerja organisasi and its pola distribusi, each RHK with target, realisasi and umpan balik, each core value with its umpan balik, the ratings and the predikat; for those who may read the assessment", handle: (*handler).evaluationDocument,
			doc: op{tag: "penilaian", params: []string{"id"}, response: "pdf", errors: []int{404}}},
		{method: "GET", path: "/api/v1/units/{id}/performance/{period_id}/document.pdf", summary: "The Penetapan Predikat Kinerja Organisasi of an OPD in a period: the capaian with its basis, the recommendations, the pola distribusi with the OPD's counts and who set it; for those who may read the OPD's capaian", handle: (*handler).performanceDocument,
			doc: op{tag: "penilaian", params: []string{"id", "period_id"}, response: "pdf", errors: []int{404, 422}}},
	}
}

// writePDF answers a document that render writes, named name.pdf.
func writePDF(w http.ResponseWriter, name string, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="`+name+`.pdf"`)
	_, err := w.Write(buf.Bytes())
	return err
}

func (h *handler) assessmentDocument(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	id := r.PathValue("id")
	return writePDF(w, "dokumen-evaluasi-"+id, func(out io.Writer) error {
		return h.a.WriteAssessmentDocument(r.Context(), actor, id, out)
	})
}

func (h *handler) evaluationDocument(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	id := r.PathValue("id")
	return writePDF(w, "evaluasi-kinerja-"+id, func(out io.Writer) error {
		return h.a.WriteEvaluationDocument(r.Context(), actor, id, out)
	})
}

func (h *handler) performanceDocument(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	unit, period := r.PathValue("id"), r.PathValue("period_id")
	return writePDF(w, "penetapan-kinerja-organisasi-"+unit+"-"+period, func(out io.Writer) error {
		return h.a.WritePerformanceDocument(r.Context(), actor, unit, period, out)
	})
}
