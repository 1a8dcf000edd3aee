package demo

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// The demo year's development needs and resource constraints, across the
// OPDs and in every status, so that the summary BKPSDM reads has something
// to say: training on SPBE for Diskominfo staff, a broken laptop at a
// puskesmas, budget for outreach, too few teachers at a school. The demo
// staff account has one waiting for its Kepala Bidang to confirm.

// needSpec is one need of the demo: where (a prefix of the unit code,
// and a word of the unit's name when given), what, and how far it went.
type needSpec struct {
	unit, near  string
	kind        model.NeedKind
	title, desc string
	status      model.NeedStatus
	note        string // why it was closed, or what was done
	byBoss      bool   // the supervisor recorded it (confirmed at once)
	by          string // who addressed it: "bkpsdm", "opd" (the OPD admin, else BKPSDM) or "sekda"
	demoStaff   bool   // the demo staff account's own
}

var demoNeeds = []needSpec{
	{unit: "DISKOMINFO-BID1", kind: model.NeedTraining, demoStaff: true, status: model.NeedOpen,
		title: "Pelatihan arsitektur dan tata kelola SPBE",
		desc:  "Evaluasi SPBE menilai domain arsitektur masih rendah; belum ada staf bidang yang pernah mengikuti pelatihan arsitektur SPBE."},
	{unit: "DISKOMINFO-BID1", kind: model.NeedEquipment, byBoss: true, status: model.NeedConfirmed,
		title: "Laptop pengembangan aplikasi sering mati",
		desc:  "Laptop inventaris tahun 2017 tidak kuat menjalankan lingkungan pengembangan; pengujian aplikasi layanan tertunda."},
	{unit: "DISKOMINFO-BID3", kind: model.NeedCertification, status: model.NeedAddressed, by: "opd",
		title: "Sertifikasi keamanan informasi untuk pengelola persandian",
		desc:  "Pengamanan situs pemerintah kota memerlukan petugas bersertifikat.",
		note:  "Diikutkan uji kompetensi keamanan informasi BSSN gelombang Juni; biaya dari DPA Diskominfo."},
	{unit: "DISKOMINFO-BID2", kind: model.NeedMentoring, status: model.NeedOpen,
		title: "Pendampingan pengelolaan media sosial pemerintah kota",
		desc:  "Belum ada pedoman dan pendamping untuk menyusun konten layanan informasi publik."},
	{unit: "DINKES-PKM", near: "Talawi", kind: model.NeedEquipment, status: model.NeedConfirmed,
		title: "Laptop pelayanan puskesmas rusak",
		desc:  "Satu-satunya laptop untuk input data P-Care dan e-PPGBM rusak sejak Februari; petugas memakai laptop pribadi."},
	{unit: "DINKES-PKM", near: "Kolok", kind: model.NeedFacility, status: model.NeedOpen,
		title: "Jaringan internet puskesmas tidak stabil",
		desc:  "Pelaporan harian ke aplikasi Kementerian Kesehatan sering gagal terkirim."},
	{unit: "DINKES-PKM", near: "Silungkang", kind: model.NeedStaffing, byBoss: true, status: model.NeedConfirmed,
		title: "Kekurangan bidan untuk jadwal posyandu",
		desc:  "Dua bidan melayani sebelas posyandu; kunjungan rumah ibu hamil risiko tinggi tertunda."},
	{unit: "DINKES-PKM", kind: model.NeedTraining, status: model.NeedAddressed, by: "bkpsdm",
		title: "Pelatihan kegawatdaruratan (BTCLS) untuk perawat",
		desc:  "Sertifikat BTCLS perawat jaga sudah kedaluwarsa.",
		note:  "Enam perawat puskesmas dijadwalkan mengikuti BTCLS pada Agustus; biaya dari DPA Dinas Kesehatan perubahan."},
	{unit: "DINKES-UPT-LABKESDA", kind: model.NeedCertification, status: model.NeedOpen,
		title: "Sertifikasi pranata laboratorium untuk uji kualitas air",
		desc:  "Akreditasi laboratorium mensyaratkan analis bersertifikat."},
	{unit: "RSUD", kind: model.NeedCertification, status: model.NeedConfirmed,
		title: "Sertifikasi kompetensi perawat ICU",
		desc:  "Ruang ICU baru beroperasi; baru dua perawat yang bersertifikat."},
	{unit: "RSUD", kind: model.NeedEquipment, byBoss: true, status: model.NeedAddressed, by: "sekda",
		title: "Autoklaf kamar operasi perlu kalibrasi",
		desc:  "Masa kalibrasi alat sterilisasi habis; jadwal operasi elektif dibatasi.",
		note:  "Kalibrasi oleh balai pengamanan fasilitas kesehatan dijadwalkan bulan depan, dibiayai BLUD RSUD."},
	{unit: "DISDIKBUD-SDN", kind: model.NeedStaffing, byBoss: true, status: model.NeedConfirmed,
		title: "Kekurangan guru kelas",
		desc:  "Satu guru mengajar dua rombongan belajar sejak guru kelas IV pensiun."},
	{unit: "DISDIKBUD-SMPN", kind: model.NeedTraining, status: model.NeedAddressed, by: "bkpsdm",
		title: "Pelatihan Kurikulum Merdeka untuk guru mata pelajaran",
		desc:  "Guru belum pernah mengikuti pelatihan penyusunan asesmen diagnostik.",
		note:  "Diikutkan in-house training Kurikulum Merdeka Dinas Pendidikan dan Kebudayaan, Juli."},
	{unit: "DISDIKBUD-SDN", kind: model.NeedFacility, status: model.NeedOpen,
		title: "Atap ruang kelas bocor",
		desc:  "Saat hujan pembelajaran kelas V dipindahkan ke perpustakaan."},
	{unit: "DISDIKBUD-SMPN", kind: model.NeedEquipment, status: model.NeedClosed,
		title: "Proyektor pembelajaran rusak",
		desc:  "Proyektor laboratorium komputer tidak menyala.",
		note:  "Sudah diganti sekolah dari dana BOS."},
	{unit: "DINSOSPMDP3A-BID4", kind: model.NeedBudget, status: model.NeedConfirmed,
		title: "Anggaran sosialisasi pencegahan kekerasan terhadap anak",
		desc:  "Sosialisasi ke sekolah dan nagari belum dianggarkan tahun ini, padahal menjadi indikator RHK bidang."},
	{unit: "DINSOSPMDP3A-BID2", kind: model.NeedMentoring, status: model.NeedAddressed, by: "bkpsdm",
		title: "Pendampingan aplikasi SIKS-NG untuk verifikasi DTKS",
		desc:  "Operator baru belum menguasai pemutakhiran data terpadu kesejahteraan sosial.",
		note:  "Pendampingan dua hari oleh operator Dinas Sosial Provinsi telah dilaksanakan."},
	{unit: "DISDUKCAPIL", kind: model.NeedEquipment, status: model.NeedAddressed, by: "sekda",
		title: "Printer KTP-el sering macet",
		desc:  "Antrean pencetakan KTP-el menumpuk hingga dua minggu.",
		note:  "Diperbaiki melalui kontrak pemeliharaan; printer cadangan dipinjam dari provinsi."},
	{unit: "DISDUKCAPIL", kind: model.NeedStaffing, status: model.NeedOpen,
		title: "Operator pelayanan jemput bola kurang",
		desc:  "Pelayanan keliling ke desa hanya dapat dilakukan seminggu sekali."},
	{unit: "DISPARPORA-UPT-MUSEUM", kind: model.NeedTraining, status: model.NeedConfirmed,
		title: "Pelatihan pemandu wisata warisan tambang berbahasa Inggris",
		desc:  "Kunjungan wisatawan mancanegara ke situs Warisan Tambang Batubara Ombilin meningkat."},
	{unit: "DISPARPORA-BID", kind: model.NeedBudget, status: model.NeedClosed,
		title: "Anggaran promosi Warisan Tambang Batubara Ombilin",
		desc:  "Promosi ke biro perjalanan belum dianggarkan.",
		note:  "Dialihkan ke kerja sama promosi bersama Dinas Pariwisata Provinsi."},
	{unit: "BPBD", kind: model.NeedEquipment, byBoss: true, status: model.NeedConfirmed,
		title: "Perahu karet dan pelampung untuk siaga banjir",
		desc:  "Satu perahu karet bocor; musim hujan segera tiba."},
	{unit: "BPBD", kind: model.NeedTraining, status: model.NeedOpen,
		title: "Pelatihan kaji cepat bencana untuk TRC",
		desc:  "Anggota TRC baru belum pernah mengikuti pelatihan kaji cepat."},
	{unit: "SATPOLPPDAMKAR-BID3", kind: model.NeedCertification, status: model.NeedAddressed, by: "bkpsdm",
		title: "Sertifikasi petugas pemadam kebakaran",
		desc:  "Petugas damkar belum memiliki sertifikat kompetensi tingkat dasar.",
		note:  "Empat petugas diikutkan diklat pemadam kebakaran tingkat dasar."},
	{unit: "SATPOLPPDAMKAR", kind: model.NeedFacility, status: model.NeedOpen,
		title: "Kendaraan patroli rusak",
		desc:  "Dari tiga kendaraan patroli, dua tidak dapat dipakai."},
	{unit: "BKD-BID", kind: model.NeedCertification, status: model.NeedAddressed, by: "bkpsdm",
		title: "Sertifikasi pengadaan barang/jasa tingkat dasar",
		desc:  "Pejabat pengadaan di BKD belum bersertifikat.",
		note:  "Diikutkan ujian sertifikasi LKPP bulan Mei; dua orang lulus."},
	{unit: "BKD-BID", kind: model.NeedTraining, status: model.NeedConfirmed,
		title: "Pelatihan penatausahaan keuangan di SIPD",
		desc:  "Fitur penatausahaan SIPD baru diterapkan tahun ini."},
	{unit: "BAPPEDA", kind: model.NeedMentoring, status: model.NeedConfirmed,
		title: "Pendampingan penyusunan rancangan teknokratik RPJMD",
		desc:  "Tim perencana baru pertama kali menyusun rancangan teknokratik."},
	{unit: "DPUPR", kind: model.NeedCertification, status: model.NeedOpen,
		title: "Sertifikat kompetensi kerja ahli teknik jalan",
		desc:  "Pengawasan pekerjaan jalan mensyaratkan tenaga bersertifikat."},
	{unit: "DPUPR", kind: model.NeedEquipment, status: model.NeedClosed,
		title: "Alat ukur total station",
		desc:  "Pengukuran trase jalan lingkungan memakai alat pinjaman.",
		note:  "Dipinjam dari UPT peralatan provinsi sesuai jadwal kegiatan."},
	{unit: "DISPERKIMLH-UPT-SAMPAH", kind: model.NeedStaffing, status: model.NeedConfirmed,
		title: "Kekurangan sopir truk sampah",
		desc:  "Dua rute pengangkutan sampah hanya dilayani dua kali seminggu."},
	{unit: "DISPERKIMLH-UPT-SAMPAH", kind: model.NeedFacility, byBoss: true, status: model.NeedAddressed, by: "sekda",
		title: "Dua truk sampah rusak",
		desc:  "Armada pengangkutan tinggal tiga unit.",
		note:  "Satu truk diperbaiki; pengadaan satu unit diusulkan pada APBD perubahan."},
	{unit: "DISTANPANGAN-UPT-BPP", kind: model.NeedFacility, status: model.NeedOpen,
		title: "Sepeda motor penyuluh pertanian",
		desc:  "Penyuluh menjangkau kelompok tani dengan kendaraan pribadi."},
	{unit: "DISTANPANGAN", kind: model.NeedTraining, status: model.NeedAddressed, by: "bkpsdm",
		title: "Pelatihan pertanian organik untuk penyuluh",
		desc:  "Program kota pertanian organik memerlukan penyuluh terlatih.",
		note:  "Diikutkan pelatihan di Balai Pelatihan Pertanian Provinsi."},
	{unit: "KEC-", kind: model.NeedStaffing, status: model.NeedConfirmed,
		title: "Kelurahan kekurangan tenaga administrasi",
		desc:  "Pelayanan surat keterangan ditangani satu orang."},
	{unit: "KEC-", near: "Kelurahan", kind: model.NeedEquipment, status: model.NeedOpen,
		title: "Komputer pelayanan kelurahan",
		desc:  "Komputer pelayanan tidak dapat menjalankan aplikasi kependudukan terbaru."},
	{unit: "INSPEKTORAT", kind: model.NeedCertification, status: model.NeedConfirmed,
		title: "Diklat pembentukan auditor",
		desc:  "Dua pegawai yang akan diangkat ke jabatan fungsional auditor belum mengikuti diklat pembentukan."},
	{unit: "DISPUSIP", kind: model.NeedTraining, status: model.NeedOpen,
		title: "Pelatihan alih media arsip",
		desc:  "Arsip statis kota mulai rusak dan belum ada petugas yang terlatih mendigitalkan."},
	{unit: "DISHUB", kind: model.NeedBudget, status: model.NeedClosed,
		title: "Anggaran pemeliharaan rambu dan marka jalan",
		desc:  "Marka di jalan menuju kawasan wisata sudah pudar.",
		note:  "Sudah tercakup dalam DPA tahun berjalan."},
	{unit: "BKPSDM", kind: model.NeedOther, status: model.NeedOpen,
		title: "Belum ada aplikasi pembelajaran daring untuk ASN",
		desc:  "Pemenuhan 20 jam pelajaran pengembangan kompetensi sulit tanpa pembelajaran daring."},
	{unit: "DPMPTSPNAKER", kind: model.NeedMentoring, status: model.NeedAddressed, by: "bkpsdm",
		title: "Pendampingan perizinan berbasis risiko (OSS RBA)",
		desc:  "Petugas front office belum menguasai verifikasi perizinan berusaha berbasis risiko.",
		note:  "Pendampingan oleh Kementerian Investasi secara daring telah diikuti."},
}

// recordNeeds records demoNeeds, each for someone of a unit that fits it;
// a need whose unit a small city lacks is left out.
func recordNeeds(ctx context.Context, tx *store.Tx, instansiID string, today model.Date, seed int64) error {
	chart, err := tx.OrgChart(ctx, instansiID, today)
	if err != nil {
		return err
	}
	units, err := tx.Units(ctx, instansiID)
	if err != nil {
		return err
	}
	unitByID := map[string]model.Unit{}
	for _, u := range units {
		unitByID[u.ID] = u
	}
	var people []model.Employee
	for cursor := "first"; cursor != ""; {
		f := model.EmployeeFilter{InstansiID: instansiID, Limit: 200}
		if cursor != "first" {
			f.Cursor = cursor
		}
		page, err := tx.Employees(ctx, f)
		if err != nil {
			return err
		}
		people = append(people, page.Items...)
		cursor = page.NextCursor
	}
	slices.SortFunc(people, func(a, b model.Employee) int { return strings.Compare(a.NIP, b.NIP) })

	// The demo staff account: the first of the demo Kepala Bidang's team.
	var demoStaff string
	if pos, err := tx.PositionByCode(ctx, instansiID, codeSupervisorPosition); err == nil {
		team := chart.Team(chart.Holder(pos.ID))
		for _, e := range people {
			if slices.Contains(team, e.ID) {
				demoStaff = e.ID
				break
			}
		}
	}
	users := map[string]string{} // employee -> user id
	userOf := func(employeeID string) string {
		if id, ok := users[employeeID]; ok {
			return id
		}
		u, err := tx.UserByEmployee(ctx, employeeID)
		if err != nil {
			return ""
		}
		users[employeeID] = u.ID
		return u.ID
	}
	addresser := map[string]string{}
	for key, username := range map[string]string{"bkpsdm": "admin", "opd": "admin.kominfo"} {
		if u, err := tx.UserByUsername(ctx, username); err == nil {
			addresser[key] = u.ID
		}
	}
	if pos, err := tx.PositionByCode(ctx, instansiID, "SETDA-SEKDA"); err == nil {
		addresser["sekda"] = userOf(chart.Holder(pos.ID))
	}

	rng := rand.New(rand.NewPCG(uint64(seed), 0x6e65656473))
	used := map[string]bool{}
	year := today.Time().Year()
	for _, spec := range demoNeeds {
		var who model.Employee
		if spec.demoStaff {
			for _, e := range people {
				if e.ID == demoStaff {
					who = e
				}
			}
		} else {
			var fit []model.Employee
			for _, e := range people {
				u := unitByID[e.UnitID]
				if used[e.ID] || e.ID == demoStaff || chart.IsRater(e.ID) || chart.Rater(e.ID) == "" || !e.Active ||
					!strings.HasPrefix(u.Code, spec.unit) || !strings.Contains(u.Name, spec.near) {
					continue
				}
				fit = append(fit, e)
			}
			if len(fit) > 0 {
				who = fit[rng.IntN(len(fit))]
			}
		}
		if who.ID == "" {
			continue
		}
		used[who.ID] = true
		if err := recordNeed(ctx, tx, spec, who, unitByID[who.UnitID], chart.Rater(who.ID), userOf, addresser, year, rng); err != nil {
			return err
		}
	}
	return nil
}

// recordNeed records one need for who and takes it as far as spec says,
// telling people as the application would.
func recordNeed(ctx context.Context, tx *store.Tx, spec needSpec, who model.Employee, unit model.Unit, rater string,
	userOf func(string) string, addresser map[string]string, year int, rng *rand.Rand) error {
	n := model.Need{InstansiID: who.InstansiID, EmployeeID: who.ID, OPDID: unit.OPDID, UnitID: unit.ID, Year: year,
		Kind: spec.kind, Title: spec.title, Description: spec.desc, Status: model.NeedOpen, ReportedBy: userOf(who.ID)}
	if err := n.Validate(); err != nil {
		return err
	}
	// Most name the RHK of the SKP they hold back.
	if skps, err := tx.SKPs(ctx, store.SKPFilter{InstansiID: who.InstansiID, EmployeeIDs: []string{who.ID}, Year: year}); err == nil && len(skps) > 0 && rng.IntN(4) > 0 {
		if full, err := tx.SKP(ctx, skps[0].ID); err == nil && len(full.RHK) > 0 {
			n.RHKID = full.RHK[rng.IntN(len(full.RHK))].ID
		}
	}
	boss := userOf(rater)
	if spec.byBoss {
		n.Status, n.ReportedBy, n.ConfirmedBy = model.NeedConfirmed, boss, boss
	}
	n, err := tx.CreateNeed(ctx, n)
	if err != nil {
		return err
	}
	// Told as the application tells it: the kind, who did it and what.
	word := "notif.word.constraint"
	if n.Kind.Category() == model.NeedCategoryNeed {
		word = "notif.word.need"
	}
	tell := func(employee, kind, byUser, note string) error {
		by := n.EmployeeName
		if u, err := tx.User(ctx, byUser); err == nil {
			by = u.DisplayName
		}
		return tx.Notify(ctx, model.Notification{InstansiID: n.InstansiID, EmployeeID: employee, Kind: kind,
			Args: []string{by, word, n.Title, note}, Link: "/kebutuhan/" + n.ID})
	}
	if spec.status == model.NeedOpen {
		return tell(rater, "need.recorded", n.ReportedBy, n.Description)
	}
	if n.Status == model.NeedOpen && spec.status != model.NeedClosed {
		if n, err = tx.MoveNeed(ctx, n.ID, n.Version, model.NeedConfirm, boss, ""); err != nil {
			return err
		}
	}
	switch spec.status {
	case model.NeedClosed:
		if n, err = tx.MoveNeed(ctx, n.ID, n.Version, model.NeedClose, boss, spec.note); err != nil {
			return err
		}
		return tell(who.ID, "need.close", boss, spec.note)
	case model.NeedAddressed:
		by := addresser[spec.by]
		if by == "" {
			by = addresser["bkpsdm"]
		}
		if n, err = tx.MoveNeed(ctx, n.ID, n.Version, model.NeedAddress, by, spec.note); err != nil {
			return err
		}
		return tell(who.ID, "need.address", by, spec.note)
	}
	return tell(who.ID, "need.confirm", boss, "")
}
