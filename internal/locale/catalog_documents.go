package locale

// The messages around the documents of penilaian (the printable pages);
// the documents themselves are official forms in Bahasa Indonesia.
var documentsID = map[string]string{
	"doc.hint":             "Dokumen ini siap dicetak dari peramban (Ctrl+P), atau unduh PDF-nya.",
	"doc.pdf":              "Unduh PDF",
	"doc.assessment.title": "Dokumen Evaluasi Kinerja Pegawai",
	"doc.evaluation.title": "Evaluasi Kinerja Pegawai",
	"doc.penetapan.title":  "Penetapan Predikat Kinerja Organisasi",
}

var documentsEN = map[string]string{
	"doc.hint":             "This document prints from the browser (Ctrl+P); or download its PDF. It is an official form, in Bahasa Indonesia.",
	"doc.pdf":              "Download PDF",
	"doc.assessment.title": "Employee performance evaluation document",
	"doc.evaluation.title": "Employee performance evaluation",
	"doc.penetapan.title":  "Organisational performance rating decision",
}

func init() {
	for k, v := range documentsID {
		catalogs["id"][k] = v
	}
	for k, v := range documentsEN {
		catalogs["en"][k] = v
	}
}
