package model

// ReportSKP is one SKP as the reconciliation reports list it: the columns
// of e-Kinerja BKN's Laporan SKP, and the key to its assessments.
type ReportSKP struct {
	SKPID     string
	NIP, Name string
	Acting    PlacementKind // Plt or Plh, "" on the definitive post
	// PeriodStart and PeriodEnd are the SKP's span (the Laporan SKP's
	// periode_akhir is its end).
	PeriodStart, PeriodEnd Date
	Status                 SKPStatus
	OPDName                string // skp_unor_induk
	UnitID                 string // skp_unor
	UnitName               string // skp_unor_nama
	Position               string // skp_jabatan: the post the SKP is for
	Jabatan                string // jabatan: the employee's definitive post now
}

// ReportAssessment is an assessment as the Laporan Penilaian SKP lists it.
type ReportAssessment struct {
	SKPID, PeriodID string
	HasilKerja      Rating
	PerilakuKerja   Rating
	Predikat        Predikat
	Status          AssessmentStatus
}

// EKinerjaPltPlh writes the is_plt_plh column as e-Kinerja BKN's
// exports do: 0 on the definitive post, 1 for an SKP as Plt or Plh
// (tools built on the exports keep the rows whose is_plt_plh is 0).
func EKinerjaPltPlh(k PlacementKind) int {
	if k == PlacementPlt || k == PlacementPlh {
		return 1
	}
	return 0
}

// EKinerjaSKPStatus names an SKP status as e-Kinerja BKN's export writes
// it ("persetujuan" for an approved SKP, the one value the published
// exports show); the others follow its wording as closely as known.
func EKinerjaSKPStatus(s SKPStatus) string {
	switch s {
	case SKPApproved:
		return "persetujuan"
	case SKPSubmitted:
		return "pengajuan"
	case SKPReturned:
		return "dikembalikan"
	case SKPClosed:
		return "selesai"
	}
	return "draft"
}

// EKinerjaPredikat writes a predikat as the hasil_akhir column of the
// Laporan Penilaian SKP: in capitals, "-" when there is none.
func EKinerjaPredikat(p Predikat) string {
	switch p {
	case PredikatSangatBaik:
		return "SANGAT BAIK"
	case PredikatBaik:
		return "BAIK"
	case PredikatButuhPerbaikan:
		return "BUTUH PERBAIKAN"
	case PredikatKurang:
		return "KURANG"
	case PredikatSangatKurang:
		return "SANGAT KURANG"
	}
	return "-"
}
