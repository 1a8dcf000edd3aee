package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Capaian kinerja organisasi of the demo city: BKPSDM, Bappeda and the
// Inspektorat are named as the recommending OPDs, and for every period of
// the year that has ended the Wali Kota has set the capaian of every OPD
// on their recommendations. A few OPDs are Istimewa, most Baik and one
// Butuh Perbaikan, the same all year, so that the curve of each tells a
// steady story.

// Demo OPDs whose capaian is Istimewa or Butuh Perbaikan; the rest are
// Baik. Kominfo, the OPD of the demo accounts, is Istimewa.
var (
	demoIstimewa       = []string{codeKominfo, "BAPPEDA", "DINKES"}
	demoButuhPerbaikan = "DISPERKIMLH"
)

// setUnitPerformance records the recommendations and the capaian of every
// OPD for the periods of year that ended before today: the periodic ones
// of the running year, the periodic and annual ones of a closed year.
func setUnitPerformance(ctx context.Context, tx *store.Tx, instansiID string, year int, today model.Date, seed int64) error {
	closed := year < today.Time().Year()
	chart, err := tx.OrgChart(ctx, instansiID, today)
	if err != nil {
		return err
	}
	units, err := tx.Units(ctx, instansiID)
	if err != nil {
		return err
	}
	var opds []model.Unit
	byCode := map[string]model.Unit{}
	for _, u := range units {
		if u.OPDID == u.ID {
			opds = append(opds, u)
			byCode[u.Code] = u
		}
	}
	slices.SortFunc(opds, func(a, b model.Unit) int { return strings.Compare(a.Code, b.Code) })
	settings := model.UnitPerformanceSettings{Setter: model.CapaianSetterKepalaDaerah, BKPSDMUnitID: byCode["BKPSDM"].ID,
		BappedaUnitID: byCode["BAPPEDA"].ID, InspektoratUnitID: byCode["INSPEKTORAT"].ID}
	if !closed {
		if err := tx.SetUnitPerformanceSettings(ctx, instansiID, settings); err != nil {
			return err
		}
	}
	posts, err := tx.PositionsOfKind(ctx, instansiID, model.PositionKepalaDaerah)
	if err != nil || len(posts) == 0 {
		return err
	}
	wali := chart.Holder(posts[0])
	if wali == "" {
		return nil
	}
	head := func(u model.Unit) string {
		if u.HeadPositionID == "" {
			return ""
		}
		return chart.Holder(u.HeadPositionID)
	}
	pp := newPeople(tx, instansiID)
	userOf := func(employeeID string) model.Actor {
		if employeeID == "" {
			return model.Actor{}
		}
		a, _, err := pp.employee(ctx, employeeID)
		if err != nil {
			return model.Actor{}
		}
		return a
	}
	userNamed := func(name string) model.Actor {
		a, _ := pp.account(ctx, name)
		return a
	}
	// Who records each source's recommendation on an OPD: each body its
	// own. The source's head does; on the source's own OPD, which its head
	// does not recommend on, the BKPSDM admin records BKPSDM's and the
	// Inspektorat's auditor the Inspektorat's, and Bappeda gives none.
	// One letter of the Inspektorat is recorded on its behalf (below).
	recorder := map[model.RecommendationSource]model.Actor{
		model.SourceBKPSDM: userOf(head(byCode["BKPSDM"])), model.SourceBappeda: userOf(head(byCode["BAPPEDA"])),
		model.SourceInspektorat: userOf(head(byCode["INSPEKTORAT"])),
	}
	own := map[model.RecommendationSource]model.Actor{model.SourceBKPSDM: userNamed("admin"), model.SourceInspektorat: userNamed("auditor")}
	by := func(src model.RecommendationSource, u model.Unit) model.Actor {
		if r := recorder[src]; r.UserID != "" && u.ID != settings.SourceUnit(src) {
			return r
		}
		return own[src]
	}
	now := tx.Now()

	periods, err := tx.Periods(ctx, instansiID, year)
	if err != nil {
		return err
	}
	var past []model.Period
	for _, p := range periods {
		if (p.Kind == model.PeriodMonthly || closed) && p.Status == model.PeriodClosed && p.End < today {
			past = append(past, p)
		}
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6361706169616e^uint64(today.Time().Year()-year)))
	clock := rand.New(rand.NewPCG(uint64(seed), 0x6a616d^uint64(today.Time().Year()-year))) // the moments, apart from the story
	for i, p := range past {
		last := i == len(past)-1 && !closed
		for _, u := range opds {
			c := model.CapaianBaik
			switch {
			case slices.Contains(demoIstimewa, u.Code):
				c = model.CapaianIstimewa
			case u.Code == demoButuhPerbaikan:
				c = model.CapaianButuhPerbaikan
			}
			done, total := demoRencanaAksi(c, rng)
			for _, src := range model.RecommendationSources {
				rec := c
				note := demoRecNote(src, c, done, total)
				// The Inspektorat is stricter now and then: one level lower.
				if src == model.SourceInspektorat && c == model.CapaianBaik && rng.IntN(8) == 0 {
					rec, note = model.CapaianButuhPerbaikan, "Terdapat temuan pemeriksaan yang belum ditindaklanjuti sampai akhir periode."
				}
				who, basis := by(src, u), ""
				// In the latest period the Inspektorat's word on the OPD
				// that needs improvement came as a letter, which the BKPSDM
				// admin recorded on its behalf.
				if last && src == model.SourceInspektorat && u.Code == demoButuhPerbaikan && own[model.SourceBKPSDM].UserID != "" {
					who, basis = own[model.SourceBKPSDM], fmt.Sprintf("Surat Inspektur No. 700/%d/%d perihal hasil pengawasan %s", 100+p.Number, year, p.Name())
				}
				if who.UserID == "" {
					continue
				}
				// Each body recommends on the first day after the period.
				at := before(officeHours(workdayAfter(p.End, 1), clock), now)
				if _, err := tx.At(who, at).AddUnitRecommendation(ctx, model.UnitRecommendation{InstansiID: instansiID, UnitID: u.ID, PeriodID: p.ID,
					Source: src, Capaian: rec, Note: note, By: who.UserID, OnBehalf: basis != "", Basis: basis}); err != nil {
					return err
				}
			}
			basis := fmt.Sprintf("Realisasi rencana aksi %s: %d dari %d kegiatan mencapai target periodik. %s", p.Name(), done, total, demoBasis[c])
			// The Wali Kota sets it the day after, before any result of
			// the period is sent (the ratings begin the day after that:
			// see assessor.rate).
			wt, err := pp.as(ctx, wali, before(officeHours(workdayAfter(p.End, 2), clock), now))
			if err != nil {
				return err
			}
			saved, err := wt.SetUnitPerformance(ctx, model.UnitPerformance{InstansiID: instansiID, UnitID: u.ID, PeriodID: p.ID,
				Capaian: c, Basis: basis, SetBy: wali}, 0)
			if err != nil {
				return fmt.Errorf("capaian of %s in %s: %w", u.Code, p.Name(), err)
			}
			// The heads are told of the latest period only, as they
			// would have been when it was set.
			if h := head(u); last && h != "" {
				if err := wt.Notify(ctx, model.Notification{InstansiID: instansiID, EmployeeID: h, Kind: "unit_performance.set",
					Link: "/capaian-organisasi?periode=" + p.ID + "#opd-" + u.ID,
					Args: []string{"Wali Kota Sawahlunto", u.Name, p.Name(), "notif.word.capaian." + string(saved.Capaian), saved.Basis}}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// demoRencanaAksi is how many of an OPD's rencana aksi reached their
// periodic target, fitting its capaian.
func demoRencanaAksi(c model.Capaian, rng *rand.Rand) (done, total int) {
	total = 8 + rng.IntN(8)
	switch c {
	case model.CapaianIstimewa:
		return total, total
	case model.CapaianButuhPerbaikan:
		return total/2 + rng.IntN(2), total
	}
	return total - 1 - rng.IntN(2), total
}

var demoBasis = map[model.Capaian]string{
	model.CapaianIstimewa:       "Seluruh rencana aksi tercapai dan sebagian melampaui target yang disepakati dengan Wali Kota.",
	model.CapaianBaik:           "Sebagian besar rencana aksi tercapai; yang tertinggal dijadwalkan pada periode berikutnya.",
	model.CapaianButuhPerbaikan: "Hampir separuh rencana aksi belum menunjukkan kemajuan yang cukup; perlu rencana perbaikan.",
}

// demoRecNote is a source's note on an OPD's period.
func demoRecNote(src model.RecommendationSource, c model.Capaian, done, total int) string {
	switch src {
	case model.SourceBappeda:
		return fmt.Sprintf("%d dari %d rencana aksi mencapai target periodik.", done, total)
	case model.SourceInspektorat:
		if c == model.CapaianButuhPerbaikan {
			return "Tindak lanjut hasil pemeriksaan terlambat."
		}
		return "Tidak ada temuan pemeriksaan yang belum ditindaklanjuti."
	}
	if c == model.CapaianIstimewa {
		return "Realisasi dan bukti dukung SKP pegawai lengkap dan tepat waktu."
	}
	return "Pengisian realisasi dan bukti dukung SKP pegawai umumnya tepat waktu."
}
