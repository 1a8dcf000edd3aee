// Package demo builds the demo city, Pemerintah Kota Sawahlunto, and larger
// synthetic cities for load tests. The structure follows the real city (its
// perangkat daerah, four kecamatan and ten kelurahan, RSUD, puskesmas and
// schools); every person is fictional. The same seed and size always give
// the same city.
package demo

import (
	"time"

	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Password is every demo account's password.
const Password = "sawahlunto"

// InstansiName is the demo instansi.
const InstansiName = "Pemerintah Kota Sawahlunto"

// Options tune Generate.
type Options struct {
	// Employees is the size of the city: about 2,000 for the demo. Every
	// head post is filled, so a city never has fewer than about 200
	// employees; larger sizes add schools, puskesmas and staff.
	Employees int
	Seed      int64 // the same seed gives the same city
	// Blobs keeps the sample photos and documents the demo's entries carry
	// as evidence; without it the entries carry none.
	Blobs *blob.Store
	// Progress, when set, is told how far each stage of the writing is:
	// done of total items of the stage ("units", "positions",
	// "employees", "skp", ...), in order, each stage ending with done ==
	// total.
	Progress func(stage string, done, total int)
	// SkipAssessments leaves the year's past periods unassessed (no
	// ratings, calibrations or keberatan) and the year before unplanned:
	// load data for measuring how a period's closing makes every
	// assessment.
	SkipAssessments bool
}

// Summary tells what Generate made.
type Summary struct {
	InstansiID string
	Units      int
	Employees  int
	Accounts   []Account // a few accounts worth signing in as
}

// Account is a demo account to show on start.
type Account struct {
	Username, Role, Name string
}

// Fixed codes that Accounts looks up.
const (
	codeSupervisorPosition = "DISKOMINFO-BID1-KEPALA"
	codeKominfo            = "DISKOMINFO"
	codePltKecamatan       = "KEC-LEMBAHSEGAR"
)

// Generate fills an empty database with the city in one transaction; a
// database that already holds an instansi is refused with
// model.ErrConflict. Like the import of a city's data it is wiring, not a
// use case: it writes through s, the store a was made over, in bulk, so the
// audit log records the city's creation by "Sistem (demo)" and each act of
// its people (rating, objecting, setting a capaian...) by that person at
// the moment it would have happened (see acts.go); a gives the
// clock, the org chart and the password hash. The rows go in a few
// thousand at a time through the store's bulk writes (COPY on PostgreSQL),
// each with the audit entry its one-row write would give it, and the
// tables are analyzed once the city is committed.
func Generate(ctx context.Context, s *store.Store, a *app.App, opt Options) (Summary, error) {
	if opt.Employees < 50 {
		opt.Employees = 50
	}
	b := newBuilder(opt)
	b.plan()
	b.people()

	var sum Summary
	all, err := s.AllInstansi(ctx)
	if err != nil {
		return sum, err
	}
	if len(all) > 0 {
		return sum, fmt.Errorf("the database already holds %s: the demo city needs an empty database: %w", all[0].Name, model.ErrConflict)
	}
	// Every demo account shares one hash of the demo password: hashing
	// thousands of passwords one by one would take minutes. Real accounts
	// each get their own salt.
	hash, err := a.HashPassword(Password)
	if err != nil {
		return sum, err
	}
	files, err := demoFiles(ctx, opt.Blobs)
	if err != nil {
		return sum, err
	}
	// One transaction: a failure leaves the database empty.
	sum.InstansiID = model.NewID()
	actor := model.SystemActor(sum.InstansiID, "demo")
	b.now = a.Now()
	today := model.DefaultTimeZone.Today(b.now) // the demo city works by WIB
	err = s.Write(ctx, actor, func(tx *store.Tx) error {
		return tx.BulkLoad(ctx, func() error { return b.fill(ctx, tx, sum.InstansiID, hash, today, files) })
	})
	if err != nil {
		return Summary{}, fmt.Errorf("build the demo city: %w", err)
	}
	// The tables went from empty to full in one transaction: the
	// planner's statistics still say empty.
	if err := s.Analyze(ctx); err != nil {
		return Summary{}, err
	}
	b.progress("statistics", 1, 1)
	sum.Units = len(b.units)
	sum.Employees = len(b.staff)
	sum.Accounts, err = Accounts(ctx, s, a)
	return sum, err
}

// fill writes the whole city in tx.
func (b *builder) fill(ctx context.Context, tx *store.Tx, instansiID, hash string, today model.Date, files []app.Upload) error {
	seed := b.opt.Seed
	b.year = today.Time().Year()
	if _, err := tx.CreateInstansi(ctx, model.Instansi{ID: instansiID, Name: InstansiName}); err != nil {
		return err
	}
	// Each stage reads what the ones before wrote: PostgreSQL gets to
	// know how much there is before it plans those reads.
	if err := b.write(ctx, tx, instansiID, hash); err != nil {
		return err
	}
	if err := tx.Restat(ctx, "units", "positions", "employees", "placements", "users"); err != nil {
		return err
	}
	// The year before is closed: planned, its annual results final and
	// calibrated with their follow-ups, so that angka kredit, improvement
	// plans and recommendations show; the year of today is running.
	year := today.Time().Year()
	if !b.opt.SkipAssessments {
		if err := planYear(ctx, tx, instansiID, year-1, today, seed, b.moved, b.progress); err != nil {
			return err
		}
	}
	if err := planYear(ctx, tx, instansiID, year, today, seed, b.moved, b.progress); err != nil {
		return err
	}
	if err := tx.Restat(ctx, "skps", "rhk", "indicators", "skp_behaviours"); err != nil {
		return err
	}
	if err := workYear(ctx, tx, instansiID, today, b.now, seed, files, b.opt.SkipAssessments, b.progress); err != nil {
		return err
	}
	if err := tx.Restat(ctx, "progress_entries", "feedback"); err != nil {
		return err
	}
	if err := formTeams(ctx, tx, instansiID, today, seed); err != nil {
		return err
	}
	b.progress("teams", 1, 1)
	if err := coachTeams(ctx, tx, instansiID, today, seed); err != nil {
		return err
	}
	b.progress("coaching", 1, 1)
	if err := recordNeeds(ctx, tx, instansiID, today, seed); err != nil {
		return err
	}
	b.progress("needs", 1, 1)
	if err := setUnitPerformance(ctx, tx, instansiID, year, today, seed); err != nil {
		return err
	}
	if b.opt.SkipAssessments {
		return nil
	}
	// The past periods are assessed once SKPs are approved and the
	// capaian of every OPD is set.
	if err := tx.Restat(ctx, "unit_performance"); err != nil {
		return err
	}
	if err := assessPeriods(ctx, tx, instansiID, year, today, seed); err != nil {
		return err
	}
	if err := setUnitPerformance(ctx, tx, instansiID, year-1, today, seed); err != nil {
		return err
	}
	if err := assessPeriods(ctx, tx, instansiID, year-1, today, seed); err != nil {
		return err
	}
	if err := followUpYear(ctx, tx, instansiID, year-1, seed); err != nil {
		return err
	}
	b.progress("penilaian", 1, 1)
	return recordKeberatan(ctx, tx, instansiID, today, seed)
}

// unitPlan and posPlan are the city before it is written.
type unitPlan struct {
	model.Unit
	parent *unitPlan
}

type posPlan struct {
	model.Position
	unit     *unitPlan
	superior *posPlan
	head     bool
	weight   int    // share of staff for non-head posts
	category string // "teacher", "health", "general"
	vacant   bool   // a head post left to a Plt
	actingBy *posPlan
}

type person struct {
	model.Employee
	pos  *posPlan
	user string // username when not the NIP
}

type builder struct {
	opt   Options
	now   time.Time // the app's clock when the city is built: nothing is sent after it
	rng   *rand.Rand
	units []*unitPlan
	pos   []*posPlan
	staff []*person
	nips  map[string]int
	year  int // the demo's performance year
	// moved are the staff transferred mid-year, so that an annual
	// evaluation weighs two SKPs of the year.
	moved []moved
}

// moved is an employee transferred on a definitive placement from TMT.
type moved struct {
	employeeID string
	from       model.Position
	fromUnit   string // the unit's name
	tmt        model.Date
}

// transfer moves two staff (from a Bagian of the Sekretariat Daerah) to a
// staff post of Diskominfo on 1 July, one of the year before (whose
// annual evaluation is final) and one of the running year (once past
// its July), as a mutasi
// is recorded (store.Tx.Place ends the placement before). Their SKPs
// follow in planYear.
func (b *builder) transfer(ctx context.Context, tx *store.Tx) error {
	var to *posPlan
	for _, p := range b.pos {
		if !p.head && p.weight > 0 && p.Kind == model.PositionPelaksana && strings.HasPrefix(p.unit.Code, codeKominfo+"-") {
			to = p
			break
		}
	}
	if to == nil {
		return nil
	}
	years := []int{b.year - 1}
	if fmt.Sprintf("%d-07-01", b.year) < string(model.DefaultTimeZone.Today(b.now)) {
		years = append(years, b.year) // once its TMT has come
	}
	// From a Bagian of the Sekretariat Daerah when a small city has
	// staff there, else from any OPD but Diskominfo.
	var from []*person
	for _, prefix := range []string{"SETDA-BAG", ""} {
		for _, s := range b.staff {
			if !s.pos.head && s.pos.weight > 0 && s.pos.Kind == model.PositionPelaksana && s.Status == model.StatusPNS &&
				strings.HasPrefix(s.pos.unit.Code, prefix) && !strings.HasPrefix(s.pos.unit.Code, codeKominfo) && !slices.Contains(from, s) {
				from = append(from, s)
			}
		}
	}
	for _, s := range from {
		if len(b.moved) == len(years) {
			break
		}
		tmt := model.Date(fmt.Sprintf("%d-07-01", years[len(b.moved)]))
		if _, err := tx.Place(ctx, model.Placement{EmployeeID: s.ID, PositionID: to.ID, Kind: model.PlacementDefinitif, Start: tmt,
			Decree: fmt.Sprintf("800.1.3.2/%d/BKPSDM-SWL/%s", 140+len(b.moved), tmt[:4])}); err != nil {
			return err
		}
		b.moved = append(b.moved, moved{employeeID: s.ID, from: s.pos.Position, fromUnit: s.pos.unit.Name, tmt: tmt})
		s.pos = to
		s.PositionID = to.ID
	}
	return nil
}

// pltStart is when the demo's Plt took up their acting posts: the first
// working day of the year, decreed at the end of the year before, so that
// the year's SKPs are planned with them.
func (b *builder) pltStart() model.Date { return model.Date(fmt.Sprintf("%d-01-02", b.year)) }

// staffBatch is how many employees (with their placements and accounts)
// are written at once.
const staffBatch = 2000

func (b *builder) progress(stage string, done, total int) {
	if b.opt.Progress != nil {
		b.opt.Progress(stage, done, total)
	}
}

func newBuilder(opt Options) *builder {
	return &builder{opt: opt, rng: rand.New(rand.NewPCG(uint64(opt.Seed), 0x6b696e65726a61)), nips: map[string]int{}}
}

func (b *builder) unit(parent *unitPlan, code, name string, kind model.UnitKind, workDays int) *unitPlan {
	if workDays == 0 {
		workDays = 5
		if parent != nil {
			workDays = parent.WorkDays
		}
	}
	u := &unitPlan{Unit: model.Unit{Code: code, Name: name, Kind: kind, WorkDays: workDays}, parent: parent}
	b.units = append(b.units, u)
	return u
}

func (b *builder) head(u *unitPlan, sup *posPlan, title string, kind model.PositionKind, jenjang string) *posPlan {
	p := &posPlan{Position: model.Position{Code: u.Code + "-KEPALA", Name: title, Kind: kind, Jenjang: jenjang},
		unit: u, superior: sup, head: true}
	b.pos = append(b.pos, p)
	return p
}

func (b *builder) post(u *unitPlan, sup *posPlan, code, name string, kind model.PositionKind, jenjang string, weight int, category string) *posPlan {
	p := &posPlan{Position: model.Position{Code: code, Name: name, Kind: kind, Jenjang: jenjang},
		unit: u, superior: sup, weight: weight, category: category}
	b.pos = append(b.pos, p)
	return p
}

func (b *builder) staffPosts(u *unitPlan, sup *posPlan, specs []jfSpec, weight int, category string) {
	for i, s := range specs {
		b.post(u, sup, fmt.Sprintf("%s-JF%d", u.Code, i+1), s.name, s.kind, s.jenjang, weight, category)
	}
}

// plan lays out the units and positions.
func (b *builder) plan() {
	n := b.opt.Employees
	root := b.unit(nil, "PEMKOT", InstansiName, model.UnitPemda, 5)
	wali := b.head(root, nil, "Wali Kota Sawahlunto", model.PositionKepalaDaerah, "")
	wali.Code = "WALIKOTA"

	setda := b.unit(root, "SETDA", "Sekretariat Daerah", model.UnitOPD, 5)
	sekda := b.head(setda, wali, "Sekretaris Daerah", model.PositionJPTPratama, "")
	sekda.Code = "SETDA-SEKDA"
	for i, as := range asisten {
		ap := b.post(setda, sekda, fmt.Sprintf("SETDA-ASISTEN%d", i+1), as.name, model.PositionJPTPratama, "", 0, "")
		for j, bag := range as.bagian {
			bu := b.unit(setda, fmt.Sprintf("SETDA-BAG%d%d", i+1, j+1), "Bagian "+bag, model.UnitBagian, 0)
			kabag := b.head(bu, ap, "Kepala Bagian "+bag, model.PositionAdministrator, "")
			b.staffPosts(bu, kabag, []jfSpec{jf("Analis Kebijakan Ahli Pertama", "ahli_pertama"), pl("Pengadministrasi Perkantoran")}, 2, "general")
		}
	}

	var disdik, dinkes *posPlan
	var disdikUnit, dinkesUnit *unitPlan
	var bidSD, bidSMP *posPlan
	opdUnit, opdHead := map[string]*unitPlan{}, map[string]*posPlan{}
	for _, o := range opds {
		ou := b.unit(root, o.code, o.name, o.kind, o.workDays)
		opdUnit[o.code] = ou
		sup := wali
		if o.headKind != model.PositionJPTPratama {
			sup = sekda
		}
		h := b.head(ou, sup, o.head+" "+strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(o.name, "Dinas "), "Badan "), "Satuan "), o.headKind, "")
		if o.head == "Inspektur" || o.head == "Sekretaris DPRD" {
			h.Name = o.head
		}
		opdHead[o.code] = h
		if o.secretary != "" {
			sek := b.unit(ou, o.code+"-SEKRETARIAT", "Sekretariat", model.UnitBagian, 0)
			sp := b.head(sek, h, "Sekretaris "+o.name, model.PositionAdministrator, "")
			for j, sub := range []string{"Umum dan Kepegawaian", "Keuangan dan Perencanaan"} {
				su := b.unit(sek, fmt.Sprintf("%s-SUBBAG%d", o.code, j+1), "Sub Bagian "+sub, model.UnitSubbagian, 0)
				kasub := b.head(su, sp, "Kepala Sub Bagian "+sub, model.PositionPengawas, "")
				specs := []jfSpec{pl("Pengadministrasi Perkantoran"), pl("Pengelola Keuangan")}
				if j == 0 {
					specs = []jfSpec{pl("Pengadministrasi Perkantoran"), jf("Analis Sumber Daya Manusia Aparatur Ahli Pertama", "ahli_pertama")}
				}
				b.staffPosts(su, kasub, specs, o.weight, "general")
			}
		} else {
			b.staffPosts(ou, h, []jfSpec{pl("Pengadministrasi Perkantoran"), pl("Pengelola Keuangan")}, o.weight, "general")
		}
		prefix := map[model.UnitKind]string{model.UnitBidang: "BID", model.UnitBagian: "BAG", model.UnitSeksi: "SEKSI"}[o.divKind]
		var divHeads []*posPlan
		for j, d := range o.divisions {
			du := b.unit(ou, fmt.Sprintf("%s-%s%d", o.code, prefix, j+1), map[model.UnitKind]string{
				model.UnitBidang: "Bidang ", model.UnitBagian: "Bagian ", model.UnitSeksi: "Seksi "}[o.divKind]+d, o.divKind, 0)
			if o.code == "INSPEKTORAT" {
				du.Name = d
			}
			dh := b.head(du, h, o.divHead+" "+d, o.divHeadK, "")
			if o.code == "INSPEKTORAT" {
				dh.Name = d
			}
			divHeads = append(divHeads, dh)
			specs := []jfSpec{o.jf[j%len(o.jf)], o.jf[(j+1)%len(o.jf)]}
			if specs[0] == specs[1] {
				specs = specs[:1]
			}
			b.staffPosts(du, dh, specs, o.weight, "general")
		}
		switch o.code {
		case "DISDIKBUD":
			disdik, disdikUnit, bidSD, bidSMP = h, ou, divHeads[0], divHeads[1]
		case "DINKES":
			dinkes, dinkesUnit = h, ou
		case "DISPARPORA":
			// The head of the youth and sports division is away: the
			// division is led by its Plt, the Sekretaris.
			last := divHeads[len(divHeads)-1]
			last.vacant = true
			for _, p := range b.pos {
				if p.Code == o.code+"-SEKRETARIAT-KEPALA" {
					last.actingBy = p
				}
			}
		}
	}

	// UPT of the dinas, led by a pengawas under the head of the dinas.
	for _, up := range upts {
		u := b.unit(opdUnit[up.opd], up.opd+"-UPT-"+up.code, up.name, model.UnitUPT, up.workDays)
		kepala := b.head(u, opdHead[up.opd], "Kepala "+up.name, model.PositionPengawas, "")
		cat := "general"
		if up.opd == "DINKES" {
			cat = "health"
		}
		b.staffPosts(u, kepala, up.posts, up.weight, cat)
	}

	// Schools under the education dinas.
	nSD := max(12, n*12/1000)
	nSMP := max(5, n*35/10000)
	for i := 1; i <= nSD; i++ {
		u := b.unit(disdikUnit, fmt.Sprintf("DISDIKBUD-SDN%02d", i), fmt.Sprintf("SD Negeri %02d Sawahlunto", i), model.UnitSekolah, 6)
		u.parent = disdikUnit
		ks := b.head(u, bidSD, fmt.Sprintf("Kepala SD Negeri %02d Sawahlunto", i), model.PositionFungsional, "ahli_madya")
		b.staffPosts(u, ks, []jfSpec{jf("Guru Kelas Ahli Pertama", "ahli_pertama"), jf("Guru Kelas Ahli Muda", "ahli_muda"),
			jf("Guru Pendidikan Agama Islam Ahli Pertama", "ahli_pertama"), jf("Guru Pendidikan Jasmani Ahli Pertama", "ahli_pertama")}, 5, "teacher")
		b.post(u, ks, u.Code+"-TU", "Pengelola Administrasi Sekolah", model.PositionPelaksana, "", 2, "general")
	}
	for i := 1; i <= nSMP; i++ {
		u := b.unit(disdikUnit, fmt.Sprintf("DISDIKBUD-SMPN%d", i), fmt.Sprintf("SMP Negeri %d Sawahlunto", i), model.UnitSekolah, 6)
		ks := b.head(u, bidSMP, fmt.Sprintf("Kepala SMP Negeri %d Sawahlunto", i), model.PositionFungsional, "ahli_madya")
		b.staffPosts(u, ks, []jfSpec{jf("Guru Matematika Ahli Pertama", "ahli_pertama"), jf("Guru Bahasa Indonesia Ahli Muda", "ahli_muda"),
			jf("Guru Ilmu Pengetahuan Alam Ahli Pertama", "ahli_pertama"), jf("Guru Bahasa Inggris Ahli Pertama", "ahli_pertama"),
			jf("Guru Bimbingan dan Konseling Ahli Muda", "ahli_muda")}, 6, "teacher")
		b.post(u, ks, u.Code+"-TU", "Pengelola Administrasi Sekolah", model.PositionPelaksana, "", 2, "general")
	}
	_ = disdik

	// Puskesmas under the health dinas, open six days a week.
	names := slices.Clone(puskesmas)
	for i := 1; len(names) < 6+max(0, (n-4000)/1500); i++ {
		names = append(names, fmt.Sprintf("Pembantu %02d", i))
	}
	healthPosts := []jfSpec{jf("Dokter Ahli Pertama", "ahli_pertama"), jf("Perawat Ahli Pertama", "ahli_pertama"), jf("Perawat Terampil", "terampil"),
		jf("Bidan Terampil", "terampil"), jf("Bidan Ahli Pertama", "ahli_pertama"), jf("Apoteker Ahli Pertama", "ahli_pertama"),
		jf("Pranata Laboratorium Kesehatan Terampil", "terampil"), jf("Nutrisionis Terampil", "terampil"), jf("Sanitarian Terampil", "terampil")}
	for i, name := range names {
		u := b.unit(dinkesUnit, fmt.Sprintf("DINKES-PKM%02d", i+1), "Puskesmas "+name, model.UnitPuskesmas, 6)
		kp := b.head(u, dinkes, "Kepala Puskesmas "+name, model.PositionPengawas, "")
		b.staffPosts(u, kp, healthPosts, 4, "health")
		b.post(u, kp, u.Code+"-TU", "Pengadministrasi Perkantoran", model.PositionPelaksana, "", 2, "general")
	}

	// The city hospital.
	rsud := b.unit(root, "RSUD", "Rumah Sakit Umum Daerah Sawahlunto", model.UnitRSUD, 6)
	dir := b.head(rsud, sekda, "Direktur Rumah Sakit Umum Daerah Sawahlunto", model.PositionAdministrator, "")
	for j, d := range []struct {
		name  string
		posts []jfSpec
	}{
		{"Pelayanan Medik", []jfSpec{jf("Dokter Ahli Muda", "ahli_muda"), jf("Dokter Ahli Pertama", "ahli_pertama"), jf("Apoteker Ahli Pertama", "ahli_pertama")}},
		{"Keperawatan", []jfSpec{jf("Perawat Ahli Pertama", "ahli_pertama"), jf("Perawat Terampil", "terampil"), jf("Bidan Terampil", "terampil")}},
		{"Penunjang Medik", []jfSpec{jf("Radiografer Terampil", "terampil"), jf("Pranata Laboratorium Kesehatan Terampil", "terampil"), jf("Perekam Medis Terampil", "terampil")}},
		{"Tata Usaha", []jfSpec{pl("Pengadministrasi Perkantoran"), pl("Pengelola Keuangan")}},
	} {
		du := b.unit(rsud, fmt.Sprintf("RSUD-BID%d", j+1), "Bidang "+d.name, model.UnitBidang, 0)
		dh := b.head(du, dir, "Kepala Bidang "+d.name, model.PositionPengawas, "")
		cat := "health"
		if d.name == "Tata Usaha" {
			cat = "general"
		}
		b.staffPosts(du, dh, d.posts, 6, cat)
	}

	// Kecamatan and kelurahan.
	for _, k := range kecamatan {
		ku := b.unit(root, k.code, "Kecamatan "+k.name, model.UnitKecamatan, 5)
		camat := b.head(ku, sekda, "Camat "+k.name, model.PositionAdministrator, "")
		sekcam := b.post(ku, camat, k.code+"-SEKCAM", "Sekretaris Kecamatan "+k.name, model.PositionAdministrator, "", 0, "")
		b.staffPosts(ku, sekcam, []jfSpec{pl("Pengadministrasi Perkantoran"), pl("Pengelola Keuangan")}, 2, "general")
		for j, s := range []string{"Pemerintahan", "Pemberdayaan Masyarakat", "Ketenteraman dan Ketertiban Umum"} {
			su := b.unit(ku, fmt.Sprintf("%s-SEKSI%d", k.code, j+1), "Seksi "+s, model.UnitSeksi, 0)
			kasi := b.head(su, camat, "Kepala Seksi "+s+" Kecamatan "+k.name, model.PositionPengawas, "")
			b.staffPosts(su, kasi, []jfSpec{pl("Pengadministrasi Umum")}, 2, "general")
		}
		for j, kel := range k.kelurahan {
			lu := b.unit(ku, fmt.Sprintf("%s-KEL%d", k.code, j+1), "Kelurahan "+kel, model.UnitKelurahan, 5)
			lurah := b.head(lu, camat, "Lurah "+kel, model.PositionPengawas, "")
			if k.code == codePltKecamatan && j == len(k.kelurahan)-1 {
				// The last lurah of Lembah Segar has retired: the
				// Sekretaris Kecamatan leads the kelurahan as Plt.
				lurah.vacant, lurah.actingBy = true, sekcam
			}
			b.staffPosts(lu, lurah, []jfSpec{pl("Pengadministrasi Umum"), pl("Pengelola Pelayanan Masyarakat")}, 2, "general")
		}
	}
}

// people fills the heads and spreads the remaining staff over the posts by
// weight.
func (b *builder) people() {
	var heads, posts []*posPlan
	total := 0
	for _, p := range b.pos {
		if p.head || p.weight == 0 {
			if !p.vacant {
				heads = append(heads, p)
			}
		} else {
			posts = append(posts, p)
			total += p.weight
		}
	}
	for _, p := range heads {
		b.staff = append(b.staff, b.person(p))
	}
	left := b.opt.Employees - len(heads)
	// Largest remainder, in post order, so the result is deterministic.
	counts := make([]int, len(posts))
	given := 0
	type rem struct{ i, r int }
	var rems []rem
	for i, p := range posts {
		counts[i] = left * p.weight / total
		given += counts[i]
		rems = append(rems, rem{i, left * p.weight % total})
	}
	slices.SortStableFunc(rems, func(a, z rem) int { return z.r - a.r })
	for j := 0; given < left; j++ {
		counts[rems[j%len(rems)].i]++
		given++
	}
	for i, p := range posts {
		for k := 0; k < counts[i]; k++ {
			b.staff = append(b.staff, b.person(p))
		}
	}
}

var pangkat = map[string]string{
	"II/a": "Pengatur Muda", "II/b": "Pengatur Muda Tingkat I", "II/c": "Pengatur", "II/d": "Pengatur Tingkat I",
	"III/a": "Penata Muda", "III/b": "Penata Muda Tingkat I", "III/c": "Penata", "III/d": "Penata Tingkat I",
	"IV/a": "Pembina", "IV/b": "Pembina Tingkat I", "IV/c": "Pembina Utama Muda", "IV/d": "Pembina Utama Madya",
}

// grade returns the age range and the PNS golongan range of a post.
func grade(p *posPlan) (minAge, maxAge int, gol []string) {
	switch p.Kind {
	case model.PositionKepalaDaerah:
		return 45, 60, nil
	case model.PositionJPTPratama, model.PositionJPTMadya:
		return 46, 58, []string{"IV/c", "IV/d"}
	case model.PositionAdministrator:
		return 40, 56, []string{"IV/a", "IV/b"}
	case model.PositionPengawas:
		return 34, 54, []string{"III/c", "III/d", "IV/a"}
	case model.PositionPelaksana:
		return 23, 56, []string{"II/c", "II/d", "III/a", "III/b"}
	}
	switch p.Jenjang {
	case "ahli_madya":
		return 42, 58, []string{"IV/a", "IV/b", "IV/c"}
	case "ahli_muda":
		return 33, 55, []string{"III/c", "III/d"}
	case "terampil":
		return 23, 50, []string{"II/c", "II/d"}
	}
	return 24, 45, []string{"III/a", "III/b"}
}

func (b *builder) pick(list []string) string { return list[b.rng.IntN(len(list))] }

func (b *builder) person(p *posPlan) *person {
	female := b.rng.IntN(100) < 50
	if p.category == "teacher" || p.category == "health" {
		female = b.rng.IntN(100) < 68
	}
	givens, seconds := menNames, menSecond
	if female {
		givens, seconds = womenNames, womenSecond
	}
	given, second := b.pick(givens), b.pick(seconds)
	for second == given { // no "Putri Putri"
		second = b.pick(seconds)
	}
	name := given + " " + second
	if b.rng.IntN(100) < 12 {
		name = given
	}

	if p.Kind == model.PositionKepalaDaerah {
		haji := "H. "
		if female {
			haji = "Hj. "
		}
		return &person{Employee: model.Employee{Name: haji + name, BackTitle: "S.E., M.M.", Status: model.StatusPejabatNegara,
			Gender: genderOf(female), Active: true}, pos: p, user: "walikota"}
	}
	minAge, maxAge, gols := grade(p)
	age := minAge + b.rng.IntN(maxAge-minAge+1)
	birthYear := 2026 - age
	birthMonth, birthDay := 1+b.rng.IntN(12), 1+b.rng.IntN(28)
	birth := fmt.Sprintf("%04d%02d%02d", birthYear, birthMonth, birthDay)

	status := model.StatusPNS
	pppkShare := map[string]int{"teacher": 35, "health": 35, "general": 15}[p.category]
	if !p.head && b.rng.IntN(100) < pppkShare {
		status = model.StatusPPPK
	}
	var tmtYear int
	var golongan string
	if status == model.StatusPPPK {
		tmtYear = max(2021+b.rng.IntN(4), birthYear+20)
		golongan = map[string]string{"ahli_pertama": "IX", "ahli_muda": "X", "terampil": "VII"}[p.Jenjang]
		if golongan == "" {
			golongan = "V"
		}
	} else {
		tmtYear = birthYear + 22 + b.rng.IntN(7)
		// PNS posts are placed from January 2024: they started before.
		if tmtYear > 2023 {
			tmtYear = 2023
		}
		// The golongan rises with age within the post's range, give or take.
		i := (age - minAge + b.rng.IntN(7) - 3) * len(gols) / (maxAge - minAge + 1)
		golongan = gols[min(max(i, 0), len(gols)-1)]
	}
	tmt := fmt.Sprintf("%04d%02d", tmtYear, 1+b.rng.IntN(12))
	if status == model.StatusPPPK {
		tmt = fmt.Sprintf("%04d21", tmtYear) // an NI PPPK writes 21 for the month
	}
	g := "1"
	if female {
		g = "2"
	}
	key := birth + tmt + g
	b.nips[key]++
	nip := fmt.Sprintf("%s%03d", key, b.nips[key])

	front, back := titles(b, p, female)
	return &person{Employee: model.Employee{NIP: nip, Name: name, FrontTitle: front, BackTitle: back, Gender: genderOf(female),
		BirthDate: model.Date(fmt.Sprintf("%04d-%02d-%02d", birthYear, birthMonth, birthDay)),
		Status:    status, Golongan: golongan, Pangkat: pangkat[golongan], Active: true,
		Email: strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "." + nip[14:] + "@sawahluntokota.go.id"}, pos: p}
}

func genderOf(female bool) string {
	if female {
		return "P"
	}
	return "L"
}

func titles(b *builder, p *posPlan, female bool) (front, back string) {
	n := strings.ToLower(p.Name)
	switch {
	case strings.Contains(n, "dokter"):
		return "dr.", ""
	case strings.Contains(n, "guru"), strings.Contains(n, "kepala sd"), strings.Contains(n, "kepala smp"):
		if p.Jenjang == "ahli_madya" {
			return "", "S.Pd., M.Pd."
		}
		return "", "S.Pd."
	case strings.Contains(n, "perawat"):
		if p.Jenjang == "terampil" {
			return "", "A.Md.Kep."
		}
		return "", "S.Kep., Ners"
	case strings.HasPrefix(n, "bidan "):
		if p.Jenjang == "terampil" {
			return "", "A.Md.Keb."
		}
		return "", "S.Tr.Keb."
	case strings.Contains(n, "apoteker"):
		return "apt. ", "S.Farm."
	case strings.Contains(n, "pranata komputer"):
		return "", "S.Kom."
	}
	switch {
	case p.Kind.IsJPT(), p.Kind == model.PositionAdministrator:
		return "", b.pick([]string{"S.E., M.M.", "S.H., M.H.", "S.T., M.T.", "S.Sos., M.Si.", "S.Pd., M.Pd.", "S.IP., M.AP."})
	case p.Kind == model.PositionPengawas, p.Jenjang == "ahli_pertama", p.Jenjang == "ahli_muda":
		return "", b.pick([]string{"S.E.", "S.H.", "S.T.", "S.Sos.", "S.Kom.", "S.IP.", "S.Ak."})
	case p.Jenjang == "terampil":
		return "", "A.Md."
	}
	if b.rng.IntN(100) < 40 {
		return "", b.pick([]string{"S.E.", "A.Md.", "S.Sos."})
	}
	return "", ""
}

// write stores the planned city in one transaction.
func (b *builder) write(ctx context.Context, tx *store.Tx, instansiID, hash string) error {
	units := make([]model.Unit, len(b.units))
	for i, u := range b.units {
		u.ID = model.NewID()
		u.InstansiID = instansiID
		if u.parent != nil {
			u.ParentID = u.parent.ID
		}
		units[i] = u.Unit
	}
	made, err := tx.CreateUnits(ctx, units)
	if err != nil {
		return err
	}
	for i, u := range b.units {
		u.Unit = made[i]
	}
	b.progress("units", len(b.units), len(b.units))
	positions, heads := make([]model.Position, len(b.pos)), make([]bool, len(b.pos))
	for i, p := range b.pos {
		p.ID = model.NewID()
		p.InstansiID, p.UnitID = instansiID, p.unit.ID
		positions[i], heads[i] = p.Position, p.head
	}
	for i, p := range b.pos {
		if p.superior != nil {
			positions[i].SuperiorPositionID = p.superior.ID
		}
	}
	madePos, err := tx.CreatePositions(ctx, positions, heads)
	if err != nil {
		return err
	}
	for i, p := range b.pos {
		p.Position = madePos[i]
	}
	b.progress("positions", len(b.pos), len(b.pos))
	var sekdaPos string
	for _, p := range b.pos {
		if p.Code == "SETDA-SEKDA" {
			sekdaPos = p.ID
		}
	}
	if err := tx.SetSekdaPosition(ctx, instansiID, sekdaPos, model.JPTRaterKepalaDaerah); err != nil {
		return err
	}
	// The staff in batches: each batch's employees, their placements and
	// their accounts, a few statements a batch.
	holders := map[*posPlan]*person{}
	for from := 0; from < len(b.staff); from += staffBatch {
		batch := b.staff[from:min(from+staffBatch, len(b.staff))]
		employees := make([]model.Employee, len(batch))
		for i, s := range batch {
			s.InstansiID = instansiID
			employees[i] = s.Employee
		}
		madeEmp, err := tx.CreateEmployees(ctx, employees)
		if err != nil {
			return err
		}
		pls := make([]model.Placement, len(batch))
		users := make([]model.User, len(batch))
		for i, s := range batch {
			e := madeEmp[i]
			s.Employee = e
			begins := "2024-01-02"
			if s.Status == model.StatusPPPK {
				begins = "2025-01-02"
			}
			pls[i] = model.Placement{EmployeeID: e.ID, PositionID: s.pos.ID, Kind: model.PlacementDefinitif,
				Start: model.Date(begins), Decree: fmt.Sprintf("800/%04d/BKPSDM-SWL/2024", from+i+1)}
			if s.pos.head || s.pos.weight == 0 {
				holders[s.pos] = s
			}
			username, display := e.NIP, e.FullName()
			if s.user != "" {
				username = s.user
			}
			users[i] = model.User{InstansiID: instansiID, Username: username, DisplayName: display, EmployeeID: e.ID, PasswordHash: hash}
		}
		if _, err := tx.PlaceNew(ctx, instansiID, pls); err != nil {
			return err
		}
		madeUsers, err := tx.CreateUsers(ctx, users)
		if err != nil {
			return err
		}
		for i, s := range batch {
			if s.pos.Kind == model.PositionKepalaDaerah || s.pos.Code == "SETDA-SEKDA" {
				if err := tx.Grant(ctx, madeUsers[i].ID, model.RoleGrant{Role: model.RoleLeader}); err != nil {
					return err
				}
			}
		}
		b.progress("employees", from+len(batch), len(b.staff))
	}
	plt := 0
	for _, p := range b.pos {
		if p.vacant && p.actingBy != nil && holders[p.actingBy] != nil {
			plt++
			if _, err := tx.Place(ctx, model.Placement{EmployeeID: holders[p.actingBy].ID, PositionID: p.ID,
				Kind: model.PlacementPlt, Start: b.pltStart(), Decree: fmt.Sprintf("800.1.3.3/%d/BKPSDM-SWL/%d", 76+plt, b.year-1)}); err != nil {
				return err
			}
		}
	}
	if err := b.transfer(ctx, tx); err != nil {
		return err
	}
	// A post one person holds has one definitive holder (model.OneHolder).
	if err := b.checkOneHolder(); err != nil {
		return err
	}
	// Nobody in the city assesses themselves (see model.SelfRatings), on
	// the day the Plt start.
	chart, err := tx.OrgChart(ctx, instansiID, b.pltStart())
	if err != nil {
		return err
	}
	if found := chart.SelfRatings(); len(found) > 0 {
		return fmt.Errorf("demo city: %d people would assess themselves, first %s", len(found), found[0].EmployeeID)
	}
	var kominfo string
	for _, u := range b.units {
		if u.Code == codeKominfo {
			kominfo = u.ID
		}
	}
	for _, s := range []struct {
		username, name string
		grants         []model.RoleGrant
	}{
		{"admin", "Admin BKPSDM", []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}, {Role: model.RoleSystemAdmin}}},
		{"admin.kominfo", "Admin Dinas Komunikasi dan Informatika", []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: kominfo}}},
		{"auditor", "Auditor Inspektorat", []model.RoleGrant{{Role: model.RoleAuditor}}},
	} {
		u, err := tx.CreateUser(ctx, model.User{InstansiID: instansiID, Username: s.username, DisplayName: s.name, PasswordHash: hash})
		if err != nil {
			return err
		}
		for _, g := range s.grants {
			if err := tx.Grant(ctx, u.ID, g); err != nil {
				return err
			}
		}
	}
	return nil
}

// Accounts lists the accounts worth signing in as in an existing demo city,
// read from s, the store a was made over.
func Accounts(ctx context.Context, s *store.Store, a *app.App) ([]Account, error) {
	// Only accounts that exist are listed: a database that is not the
	// demo city may lack some of them.
	var out []Account
	for _, acc := range []Account{
		{"admin", "Admin BKPSDM (seluruh kota)", ""},
		{"admin.kominfo", "Admin OPD (Diskominfo)", ""},
		{"auditor", "Auditor (Inspektorat)", ""},
		{"walikota", "Wali Kota (pimpinan)", ""},
	} {
		u, err := s.UserByUsername(ctx, acc.Username)
		if errors.Is(err, model.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		acc.Name = u.DisplayName
		out = append(out, acc)
	}
	all, err := s.AllInstansi(ctx)
	if err != nil || len(all) == 0 {
		return out, err
	}
	in := all[0]
	chart, err := a.OrgChart(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	pos, err := s.PositionByCode(ctx, in.ID, codeSupervisorPosition)
	if err != nil {
		return out, nil // not the demo city
	}
	boss := chart.Holder(pos.ID)
	team := chart.Team(boss)
	people, err := s.EmployeesByID(ctx, append([]string{boss}, team...))
	if err != nil {
		return nil, err
	}
	if e, ok := people[boss]; ok {
		out = append(out, Account{e.NIP, "Kepala bidang (atasan langsung)", e.FullName()})
	}
	var staff []model.Employee
	for _, id := range team {
		if e, ok := people[id]; ok {
			staff = append(staff, e)
		}
	}
	slices.SortFunc(staff, func(x, y model.Employee) int { return strings.Compare(x.NIP, y.NIP) })
	if len(staff) > 0 {
		out = append(out, Account{staff[0].NIP, "Staf (ASN)", staff[0].FullName()})
	}
	return out, nil
}

// checkOneHolder refuses a city that gives a post one person holds (a
// structural post, a unit's head, a post others report to) more than one
// definitive holder, as every other path refuses it.
func (b *builder) checkOneHolder() error {
	leads := map[*posPlan]bool{}
	for _, p := range b.pos {
		if p.superior != nil {
			leads[p.superior] = true
		}
	}
	holders := map[*posPlan]int{}
	for _, s := range b.staff {
		holders[s.pos]++
	}
	for _, p := range b.pos {
		if n := holders[p]; n > 1 && model.OneHolder(p.Position, p.head || leads[p]) {
			return fmt.Errorf("demo city: %d definitive holders of %s", n, p.Code)
		}
	}
	return nil
}
