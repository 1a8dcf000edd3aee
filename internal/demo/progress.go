package demo

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// The year's work in the demo city: everyone with an approved SKP reported
// progress on most working days of the last two weeks, and one in six for
// the last two months; older entries are approved (a few were returned
// and fixed), the latest wait for the supervisor. Some entries carry a
// short feedback thread, and the realisasi of the months ended but still
// open is filled (the closed months' go in with their ratings).

// activity is a kind of daily work with its output unit.
type activity struct {
	what string
	unit string
	min  int // amount range
	max  int
}

var activities = map[string][]activity{
	"teach": {{"Mengajar dan membimbing peserta didik", "jam pelajaran", 2, 6}, {"Menyusun modul ajar dan asesmen", "dokumen", 1, 2},
		{"Memeriksa tugas dan hasil ulangan peserta didik", "berkas", 10, 35}},
	"health": {{"Melayani pemeriksaan pasien", "pasien", 5, 25}, {"Melakukan kunjungan rumah dan penyuluhan kesehatan", "kunjungan", 1, 5},
		{"Mencatat rekam medis dan laporan harian", "dokumen", 2, 10}},
	"report": {{"Menghimpun dan memverifikasi data capaian", "berkas", 2, 12}, {"Menyusun draf laporan", "dokumen", 1, 2},
		{"Rapat koordinasi penyusunan laporan", "kegiatan", 1, 1}},
	"lead": {{"Memimpin rapat koordinasi bidang", "kegiatan", 1, 2}, {"Memeriksa dan menandatangani naskah dinas", "naskah", 3, 15},
		{"Memantau pelaksanaan kegiatan di lapangan", "kegiatan", 1, 2}},
	"general": {{"Melayani permohonan masyarakat", "permohonan", 3, 15}, {"Mengolah dan mengarsipkan naskah dinas", "naskah", 5, 20},
		{"Menyelesaikan tugas teknis jabatan", "kegiatan", 1, 3}},
}

func activityKind(e model.Employee, rhk string) string {
	r, pos := strings.ToLower(rhk), strings.ToLower(e.PositionName)
	switch {
	case strings.Contains(r, "pembelajaran") || strings.Contains(r, "belajar") || strings.Contains(pos, "guru"):
		return "teach"
	case strings.Contains(r, "kesehatan") || strings.Contains(pos, "perawat") || strings.Contains(pos, "bidan"):
		return "health"
	case strings.Contains(r, "laporan") || strings.Contains(r, "dokumentasi"):
		return "report"
	case e.PositionKind == model.PositionAdministrator || e.PositionKind == model.PositionPengawas || e.PositionKind.IsJPT():
		return "lead"
	}
	return "general"
}

var demoPraise = []string{"Bagus, lanjutkan.", "Terima kasih, sudah sesuai rencana.", "Rapi dan tepat waktu. Pertahankan.",
	"Mohon lampirkan bukti dukungnya pada laporan berikutnya.", "Koordinasikan juga dengan rekan di seksi sebelah."}

var demoReplies = []string{"Siap, terima kasih.", "Baik, akan saya lengkapi.", "Siap, sudah saya koordinasikan."}

var demoReturns = []string{"Uraian terlalu umum; sebutkan keluaran yang dihasilkan.", "Waktu yang dicatat belum sesuai dengan keluaran.",
	"Kegiatan ini termasuk RHK yang lain; mohon diperbaiki."}

// workYear writes the demo progress, feedback and realisasi (of the last
// closed month too when unrated: the months are not assessed). Nothing is
// sent or reviewed after now: an entry of today that would be sent later
// in the day is not written yet, a late one is late only when its delay
// has passed, and a review still to come leaves the entry waiting.
func workYear(ctx context.Context, tx *store.Tx, instansiID string, today model.Date, now time.Time, seed int64, files []app.Upload, unrated bool, progress func(string, int, int)) error {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x70726f67))
	year := today.Time().Year()
	list, err := tx.SKPs(ctx, store.SKPFilter{InstansiID: instansiID, Year: year, Status: model.SKPApproved})
	if err != nil {
		return err
	}
	periods, err := tx.Periods(ctx, instansiID, year)
	if err != nil {
		return err
	}
	// The realisasi written: of every month that has ended but whose
	// report deadline has not passed yet, so still open (filled on
	// time). The closed months' realisasi go in with their ratings
	// (assessPeriods); unrated, the last closed month has them here.
	var months []model.Period
	for _, p := range periods {
		switch {
		case p.Kind != model.PeriodMonthly || p.End >= today:
		case p.Status == model.PeriodClosed:
			if unrated {
				months = append(months[:0], p)
			}
		case p.Status == model.PeriodOpen:
			months = append(months, p)
		}
	}
	ids := make([]string, 0, len(list))
	for _, s := range list {
		ids = append(ids, s.EmployeeID)
	}
	people, err := tx.EmployeesByID(ctx, ids)
	if err != nil {
		return err
	}
	skpIDs := make([]string, len(list))
	for i, s := range list {
		skpIDs[i] = s.ID
	}
	whole, err := tx.SKPsWhole(ctx, skpIDs)
	if err != nil {
		return err
	}
	skpOf := func(id string) (model.SKP, error) {
		s, ok := whole[id]
		if !ok {
			return s, fmt.Errorf("SKP %s: %w", id, model.ErrNotFound)
		}
		return s, nil
	}
	// Working days back from today (today itself included when it is one).
	var days []model.Date
	for d := today.Time(); len(days) < 45; d = d.AddDate(0, 0, -1) {
		if model.IsWorkday(d, 5) && d.Year() == year {
			days = append(days, model.Date(d.Format(time.DateOnly)))
		}
		if d.Year() < year {
			break
		}
	}
	var entries []model.Progress
	type thread struct{ entry, owner, rater string }
	var threads []thread
	for n, s0 := range list {
		progress("progress", n, len(list))
		e, ok := people[s0.EmployeeID]
		if !ok {
			continue
		}
		s, err := skpOf(s0.ID)
		if err != nil {
			return err
		}
		if len(s.RHK) == 0 {
			continue
		}
		span := 10
		if n%6 == 0 {
			span = len(days)
		}
		for i, day := range days[:min(span, len(days))] {
			if rng.IntN(100) < 12 { // leave, training, or simply not reported
				continue
			}
			for k := range 1 + rng.IntN(2) {
				r := s.RHK[rng.IntN(len(s.RHK))]
				acts := activities[activityKind(e, r.Description)]
				act := acts[rng.IntN(len(acts))]
				p := model.Progress{ID: model.NewID(), InstansiID: instansiID, EmployeeID: e.ID, RaterID: s.Rater.EmployeeID,
					SKPID: s.ID, RHKID: r.ID, WorkDate: day, Description: act.what, OutputUnit: act.unit,
					OutputAmount: int64(act.min+rng.IntN(act.max-act.min+1)) * 100, Minutes: 30 * (1 + rng.IntN(8)),
					Status: model.ProgressSubmitted, Version: 1}
				if k == 1 && rng.IntN(4) == 0 {
					p.RHKID, p.Description, p.OutputUnit, p.OutputAmount = "", "Mengikuti apel dan kegiatan kedinasan", "kegiatan", 100
				}
				sent := day.Time().Add(time.Duration(8+rng.IntN(8))*time.Hour - 7*time.Hour) // 08:00–15:00 WIB
				if rng.IntN(20) == 0 && !workdaysLater(sent, 2).After(now) {
					sent = workdaysLater(sent, 2) // after the end of the working day after
					p.Late = true
				}
				if sent.After(now) {
					continue // later today: not sent yet
				}
				p.SubmittedAt = sent
				if i >= 2 { // reviewed by now
					p.Status, p.ReviewedBy, p.ReviewedAt, p.Version = model.ProgressApproved, s.Rater.EmployeeID, officeAdd(sent, workDay*3/4), 2
					if rng.IntN(30) == 0 {
						p.Status, p.ReviewNote, p.Version = model.ProgressReturned, demoReturns[rng.IntN(len(demoReturns))], 2
					}
				}
				if p.ReviewedAt.After(now) {
					p.Status, p.ReviewedBy, p.ReviewedAt, p.ReviewNote, p.Version = model.ProgressSubmitted, "", time.Time{}, "", 1
				}
				entries = append(entries, p)
				if s.Rater.EmployeeID != "" && rng.IntN(25) == 0 {
					threads = append(threads, thread{p.ID, e.ID, s.Rater.EmployeeID})
				}
			}
		}
	}
	if err := tx.SeedProgress(ctx, entries); err != nil {
		return err
	}
	progress("progress", len(list), len(list))
	if err := attachDemoEvidence(ctx, tx, entries, files, rng); err != nil {
		return err
	}
	var messages []model.Feedback
	for i, th := range threads {
		messages = append(messages, model.Feedback{InstansiID: instansiID, OwnerID: th.owner, TargetType: "progress",
			TargetID: th.entry, AuthorID: th.rater, Body: demoPraise[i%len(demoPraise)]})
		if i%2 == 0 {
			messages = append(messages, model.Feedback{InstansiID: instansiID, OwnerID: th.owner, TargetType: "progress",
				TargetID: th.entry, AuthorID: th.owner, Body: demoReplies[i%len(demoReplies)]})
		}
	}
	if _, err := tx.CreateFeedbacks(ctx, messages); err != nil {
		return err
	}
	if len(months) == 0 {
		return nil
	}
	// The months' realisasi, near the targets (a twelfth of the yearly
	// target for counts, the target itself for percentages).
	// Each employee enters a month's realisasi in the days after it
	// ended, never after now.
	clock := rand.New(rand.NewPCG(uint64(seed), 0x6a616d726c73))
	pp := newPeople(tx, instansiID)
	if err := pp.load(ctx, ids); err != nil {
		return err
	}
	var realisasi []model.Realisasi
	for n, s0 := range list {
		progress("realisasi", n, len(list))
		s, err := skpOf(s0.ID)
		if err != nil {
			return err
		}
		for _, month := range months {
			if s.PeriodStart > month.End {
				continue
			}
			entered := later(model.DefaultTimeZone.EndOfDay(month.End), now, 1+clock.IntN(2), clock)
			if entered.IsZero() {
				continue
			}
			for _, r := range s.RHK {
				for _, in := range r.Indicators {
					value := in.Target
					var t int
					if _, err := fmt.Sscan(in.Target, &t); err == nil && in.Unit != "%" {
						value = fmt.Sprint(max(1, (t+rng.IntN(3))/12+rng.IntN(2)))
					}
					realisasi = append(realisasi, model.Realisasi{SKPID: s.ID, PeriodID: month.ID, IndicatorID: in.ID,
						Value: value, Basis: "Laporan bulanan " + month.Name() + " dan progres harian",
						UpdatedBy: s.EmployeeID, UpdatedAt: entered.Format(time.RFC3339Nano)})
				}
			}
		}
	}
	if _, err := tx.CreateRealisasi(ctx, realisasi, pp.byEmployee); err != nil {
		return err
	}
	progress("realisasi", len(list), len(list))
	return nil
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

// attachDemoEvidence puts a sample photo or document on some of the
// latest entries.
func attachDemoEvidence(ctx context.Context, tx *store.Tx, entries []model.Progress, files []app.Upload, rng *rand.Rand) error {
	if len(files) == 0 {
		return nil
	}
	for _, p := range entries {
		if rng.IntN(12) != 0 {
			continue
		}
		f := files[rng.IntN(len(files))]
		if _, err := tx.CreateEvidence(ctx, model.Evidence{InstansiID: p.InstansiID, OwnerID: p.EmployeeID, TargetType: "progress",
			TargetID: p.ID, Kind: "file", SHA256: f.Blob.SHA256, Size: f.Blob.Size, ContentType: f.Blob.ContentType,
			FileName: f.Name, CreatedBy: p.EmployeeID}); err != nil {
			return err
		}
	}
	return nil
}
