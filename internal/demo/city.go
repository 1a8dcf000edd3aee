package demo

import "github.com/kinerja-id/kinerja/internal/model"

// The structure of the demo city: Pemerintah Kota Sawahlunto's perangkat
// daerah as a small city combines them, the four kecamatan with the ten
// kelurahan, the RSUD, the puskesmas and the schools.

// opdSpec describes a perangkat daerah.
type opdSpec struct {
	code, name string
	kind       model.UnitKind
	head       string             // title of the head's position
	headKind   model.PositionKind // JPT Pratama or administrator
	secretary  string             // "Sekretaris" of a dinas or badan; empty when none
	divisions  []string           // bidang (or bagian, seksi)
	divKind    model.UnitKind
	divHead    string             // "Kepala Bidang", "Kepala Seksi", ...
	divHeadK   model.PositionKind // administrator or pengawas
	jf         []jfSpec           // functional posts spread over the divisions
	workDays   int
	weight     int // share of the staff not tied to a structural post
}

// jfSpec is a functional or executive post.
type jfSpec struct {
	name    string
	kind    model.PositionKind
	jenjang string
}

func jf(name, jenjang string) jfSpec { return jfSpec{name, model.PositionFungsional, jenjang} }
func pl(name string) jfSpec          { return jfSpec{name, model.PositionPelaksana, ""} }

var opds = []opdSpec{
	{code: "SETWAN", name: "Sekretariat DPRD", kind: model.UnitOPD, head: "Sekretaris DPRD", headKind: model.PositionJPTPratama,
		divisions: []string{"Umum dan Keuangan", "Persidangan dan Perundang-undangan", "Fasilitasi Penganggaran dan Pengawasan"},
		divKind:   model.UnitBagian, divHead: "Kepala Bagian", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Analis Kebijakan Ahli Pertama", "ahli_pertama"), pl("Pengadministrasi Perkantoran"), pl("Pengelola Keuangan")}, weight: 2},
	{code: "INSPEKTORAT", name: "Inspektorat Daerah", kind: model.UnitOPD, head: "Inspektur", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Inspektur Pembantu Wilayah I", "Inspektur Pembantu Wilayah II", "Inspektur Pembantu Wilayah III"},
		divKind:   model.UnitBidang, divHead: "Inspektur Pembantu", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Auditor Ahli Pertama", "ahli_pertama"), jf("Auditor Ahli Muda", "ahli_muda"), jf("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Pertama", "ahli_pertama")}, weight: 3},
	{code: "BAPPEDA", name: "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", kind: model.UnitOPD, head: "Kepala Badan", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Perencanaan Pemerintahan dan Pembangunan Manusia", "Perekonomian dan Sumber Daya Alam", "Infrastruktur dan Kewilayahan", "Penelitian dan Pengembangan"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Perencana Ahli Pertama", "ahli_pertama"), jf("Perencana Ahli Muda", "ahli_muda"), pl("Pengolah Data Perencanaan")}, weight: 3},
	{code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", kind: model.UnitOPD, head: "Kepala Badan", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Pengadaan, Pemberhentian dan Informasi", "Mutasi dan Promosi", "Pengembangan Kompetensi", "Penilaian Kinerja dan Penghargaan"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Analis Sumber Daya Manusia Aparatur Ahli Pertama", "ahli_pertama"), jf("Pranata Sumber Daya Manusia Aparatur Terampil", "terampil"), pl("Pengolah Data Kepegawaian")}, weight: 3},
	{code: "BKD", name: "Badan Keuangan Daerah", kind: model.UnitOPD, head: "Kepala Badan", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Anggaran", "Perbendaharaan", "Akuntansi dan Aset", "Pendapatan"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Analis Keuangan Pusat dan Daerah Ahli Pertama", "ahli_pertama"), pl("Pengelola Keuangan"), pl("Pengadministrasi Pendapatan")}, weight: 4},
	{code: "BPBD", name: "Badan Penanggulangan Bencana Daerah", kind: model.UnitOPD, head: "Kepala Pelaksana", headKind: model.PositionAdministrator,
		divisions: []string{"Pencegahan dan Kesiapsiagaan", "Kedaruratan dan Logistik", "Rehabilitasi dan Rekonstruksi"},
		divKind:   model.UnitSeksi, divHead: "Kepala Seksi", divHeadK: model.PositionPengawas,
		jf: []jfSpec{jf("Analis Kebencanaan Ahli Pertama", "ahli_pertama"), pl("Petugas Penanggulangan Bencana")}, weight: 2},
	{code: "KESBANGPOL", name: "Badan Kesatuan Bangsa dan Politik", kind: model.UnitOPD, head: "Kepala Badan", headKind: model.PositionAdministrator,
		divisions: []string{"Ideologi, Wawasan Kebangsaan dan Karakter Bangsa", "Politik Dalam Negeri dan Ormas"},
		divKind:   model.UnitSeksi, divHead: "Kepala Seksi", divHeadK: model.PositionPengawas,
		jf: []jfSpec{pl("Analis Politik Dalam Negeri"), pl("Pengadministrasi Perkantoran")}, weight: 1},
	{code: "DISDIKBUD", name: "Dinas Pendidikan dan Kebudayaan", kind: model.UnitOPD, head: "Kepala Dinas", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Pembinaan Sekolah Dasar", "Pembinaan Sekolah Menengah Pertama", "Pendidikan Anak Usia Dini dan Pendidikan Nonformal", "Kebudayaan"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Pamong Belajar Ahli Pertama", "ahli_pertama"), jf("Pengawas Sekolah Ahli Muda", "ahli_muda"), pl("Pengelola Data Pendidikan")}, weight: 3},
	{code: "DINKES", name: "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana", kind: model.UnitOPD, head: "Kepala Dinas", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Kesehatan Masyarakat", "Pencegahan dan Pengendalian Penyakit", "Pelayanan dan Sumber Daya Kesehatan", "Pengendalian Penduduk dan Keluarga Berencana"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Epidemiolog Kesehatan Ahli Pertama", "ahli_pertama"), jf("Penyuluh Kesehatan Masyarakat Ahli Pertama", "ahli_pertama"), jf("Penyuluh Keluarga Berencana Ahli Pertama", "ahli_pertama")}, weight: 3},
	{code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", kind: model.UnitOPD, head: "Kepala Dinas", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Bina Marga", "Sumber Daya Air", "Cipta Karya", "Penataan Ruang"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Teknik Jalan dan Jembatan Ahli Pertama", "ahli_pertama"), jf("Penata Ruang Ahli Pertama", "ahli_pertama"), pl("Pengawas Lapangan")}, weight: 4},
	{code: "DISPERKIMLH", name: "Dinas Perumahan, Kawasan Permukiman dan Lingkungan Hidup", kind: model.UnitOPD, head: "Kepala Dinas", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Perumahan dan Kawasan Permukiman", "Pengelolaan Sampah dan Limbah", "Penataan dan Pengendalian Lingkungan Hidup"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Pengendali Dampak Lingkungan Ahli Pertama", "ahli_pertama"), pl("Petugas Kebersihan"), pl("Pengawas Permukiman")}, weight: 4},
	{code: "DINSOSPMDP3A", name: "Dinas Sosial, Pemberdayaan Masyarakat Desa, Pemberdayaan Perempuan dan Perlindungan Anak", kind: model.UnitOPD, head: "Kepala Dinas", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Rehabilitasi dan Perlindungan Sosial", "Pemberdayaan Sosial dan Penanganan Fakir Miskin", "Pemberdayaan Masyarakat Desa", "Pemberdayaan Perempuan dan Perlindungan Anak"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Pekerja Sosial Ahli Pertama", "ahli_pertama"), jf("Penyuluh Sosial Ahli Pertama", "ahli_pertama"), pl("Pendamping Desa")}, weight: 3},
	{code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", kind: model.UnitOPD, head: "Kepala Dinas", headKind: model.PositionAdministrator,
		divisions: []string{"Pelayanan Pendaftaran Penduduk", "Pelayanan Pencatatan Sipil", "Pengelolaan Informasi Administrasi Kependudukan"},
		divKind:   model.UnitSeksi, divHead: "Kepala Seksi", divHeadK: model.PositionPengawas,
		jf: []jfSpec{jf("Administrator Database Kependudukan Ahli Pertama", "ahli_pertama"), pl("Operator Layanan Kependudukan")}, weight: 2},
	{code: "DISKOMINFO", name: "Dinas Komunikasi dan Informatika", kind: model.UnitOPD, head: "Kepala Dinas", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Aplikasi Informatika", "Informasi dan Komunikasi Publik", "Statistik dan Persandian"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Pranata Komputer Ahli Pertama", "ahli_pertama"), jf("Pranata Hubungan Masyarakat Ahli Pertama", "ahli_pertama"), jf("Statistisi Ahli Pertama", "ahli_pertama"), jf("Sandiman Ahli Pertama", "ahli_pertama")}, weight: 2},
	{code: "DISKOPUKMDAG", name: "Dinas Koperasi, Usaha Kecil dan Menengah, Perdagangan dan Perindustrian", kind: model.UnitOPD, head: "Kepala Dinas", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Koperasi dan Usaha Kecil Menengah", "Perdagangan", "Perindustrian"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Pengawas Koperasi Ahli Pertama", "ahli_pertama"), jf("Penera Terampil", "terampil"), pl("Pengelola Pasar")}, weight: 3},
	{code: "DISPARPORA", name: "Dinas Pariwisata, Pemuda dan Olahraga", kind: model.UnitOPD, head: "Kepala Dinas", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Destinasi Pariwisata dan Warisan Tambang", "Pemasaran Pariwisata", "Pemuda dan Olahraga"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Adyatama Kepariwisataan dan Ekonomi Kreatif Ahli Pertama", "ahli_pertama"), pl("Pemandu Museum"), pl("Pengelola Sarana Olahraga")}, weight: 3},
	{code: "DISTANPANGAN", name: "Dinas Pertanian, Pangan dan Perikanan", kind: model.UnitOPD, head: "Kepala Dinas", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Tanaman Pangan dan Hortikultura", "Peternakan dan Kesehatan Hewan", "Ketahanan Pangan", "Perikanan"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Penyuluh Pertanian Ahli Pertama", "ahli_pertama"), jf("Penyuluh Pertanian Terampil", "terampil"), jf("Medik Veteriner Ahli Pertama", "ahli_pertama")}, weight: 4},
	{code: "DISHUB", name: "Dinas Perhubungan", kind: model.UnitOPD, head: "Kepala Dinas", headKind: model.PositionAdministrator,
		divisions: []string{"Lalu Lintas dan Angkutan", "Sarana dan Prasarana Perhubungan"},
		divKind:   model.UnitSeksi, divHead: "Kepala Seksi", divHeadK: model.PositionPengawas,
		jf: []jfSpec{jf("Penguji Kendaraan Bermotor Terampil", "terampil"), pl("Petugas Pengatur Lalu Lintas")}, weight: 3},
	{code: "DPMPTSPNAKER", name: "Dinas Penanaman Modal, Pelayanan Terpadu Satu Pintu dan Tenaga Kerja", kind: model.UnitOPD, head: "Kepala Dinas", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Penanaman Modal", "Pelayanan Perizinan", "Tenaga Kerja"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Mediator Hubungan Industrial Ahli Pertama", "ahli_pertama"), pl("Verifikator Perizinan"), pl("Pengadministrasi Perizinan")}, weight: 2},
	{code: "DISPUSIP", name: "Dinas Perpustakaan dan Kearsipan", kind: model.UnitOPD, head: "Kepala Dinas", headKind: model.PositionAdministrator,
		divisions: []string{"Perpustakaan", "Kearsipan"},
		divKind:   model.UnitSeksi, divHead: "Kepala Seksi", divHeadK: model.PositionPengawas,
		jf: []jfSpec{jf("Pustakawan Ahli Pertama", "ahli_pertama"), jf("Arsiparis Ahli Pertama", "ahli_pertama"), jf("Arsiparis Terampil", "terampil")}, weight: 2},
	{code: "SATPOLPPDAMKAR", name: "Satuan Polisi Pamong Praja dan Pemadam Kebakaran", kind: model.UnitOPD, head: "Kepala Satuan", headKind: model.PositionJPTPratama, secretary: "Sekretaris",
		divisions: []string{"Penegakan Peraturan Daerah", "Ketertiban Umum dan Ketenteraman Masyarakat", "Pemadam Kebakaran dan Penyelamatan"},
		divKind:   model.UnitBidang, divHead: "Kepala Bidang", divHeadK: model.PositionAdministrator,
		jf: []jfSpec{jf("Polisi Pamong Praja Terampil", "terampil"), jf("Pemadam Kebakaran Terampil", "terampil"), pl("Petugas Ketertiban")}, workDays: 6, weight: 5},
}

// The Sekretariat Daerah: the Sekda, three asisten, and their bagian.
var asisten = []struct {
	name   string
	bagian []string
}{
	{"Asisten Pemerintahan dan Kesejahteraan Rakyat", []string{"Pemerintahan", "Hukum", "Kesejahteraan Rakyat"}},
	{"Asisten Perekonomian dan Pembangunan", []string{"Perekonomian dan Sumber Daya Alam", "Administrasi Pembangunan", "Pengadaan Barang dan Jasa"}},
	{"Asisten Administrasi Umum", []string{"Umum", "Organisasi", "Protokol dan Komunikasi Pimpinan"}},
}

// Kecamatan and their kelurahan. Talawi and Silungkang have desa only,
// which have no ASN of the pemda.
var kecamatan = []struct {
	code, name string
	kelurahan  []string
}{
	{"KEC-BARANGIN", "Barangin", []string{"Durian", "Lubang Panjang", "Saringan", "Santur"}},
	{"KEC-LEMBAHSEGAR", "Lembah Segar", []string{"Aur Mulyo", "Air Dingin", "Kubang Sirakuk Selatan", "Kubang Sirakuk Utara", "Pasar", "Tanah Lapang"}},
	{"KEC-SILUNGKANG", "Silungkang", nil},
	{"KEC-TALAWI", "Talawi", nil},
}

var puskesmas = []string{"Silungkang", "Talawi", "Lunto", "Sungai Durian", "Kampung Teleng", "Kolok"}

// UPT of the dinas: a unit with a kepala (pengawas) and its own staff.
var upts = []struct {
	opd, code, name string
	posts           []jfSpec
	workDays        int
	weight          int
}{
	{"DISPARPORA", "MUSEUM", "UPT Museum dan Situs Warisan Tambang Batubara Ombilin",
		[]jfSpec{jf("Pamong Budaya Ahli Pertama", "ahli_pertama"), pl("Pemandu Museum"), pl("Petugas Keamanan Situs")}, 6, 3},
	{"DISPERKIMLH", "SAMPAH", "UPT Pengelolaan Sampah",
		[]jfSpec{pl("Pengawas Lapangan Persampahan"), pl("Operator Alat Berat")}, 6, 3},
	{"DISKOPUKMDAG", "PASAR", "UPT Pengelolaan Pasar",
		[]jfSpec{pl("Pengelola Pasar"), pl("Penagih Retribusi")}, 6, 2},
	{"DISTANPANGAN", "BPP", "UPT Balai Penyuluhan Pertanian",
		[]jfSpec{jf("Penyuluh Pertanian Ahli Pertama", "ahli_pertama"), jf("Penyuluh Pertanian Terampil", "terampil")}, 5, 3},
	{"DINKES", "LABKESDA", "UPT Laboratorium Kesehatan Daerah",
		[]jfSpec{jf("Pranata Laboratorium Kesehatan Ahli Pertama", "ahli_pertama"), jf("Pranata Laboratorium Kesehatan Terampil", "terampil")}, 5, 2},
}
