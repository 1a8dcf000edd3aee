package demo

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Tindak lanjut in the demo city: the year before is closed, and BKPSDM
// follows its final annual results up. Angka kredit needs no record (the
// app computes it from each functional employee's predikat); a result of
// Butuh Perbaikan or below has its improvement plan, some under way,
// except one still waiting for it; some Sangat Baik results earn a reward
// and some Baik ones a training, a few of them done. Each is recorded by
// the rater (an improvement plan) or BKPSDM in the weeks after the result
// was received; most improvement plans were reviewed on their day, a few
// are late.

// demoPlanWaiting is how many results below Baik are left without an
// improvement plan, so that BKPSDM's board lists them.
const demoPlanWaiting = 1

// followUpYear records the follow-ups of year's final annual results.
func followUpYear(ctx context.Context, tx *store.Tx, instansiID string, year int, seed int64) error {
	periods, err := tx.Periods(ctx, instansiID, year)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(periods, func(p model.Period) bool { return p.Kind == model.PeriodAnnual })
	if i < 0 {
		return nil
	}
	list, err := tx.Assessments(ctx, store.AssessmentFilter{InstansiID: instansiID, PeriodID: periods[i].ID, Status: model.AssessmentFinal})
	if err != nil {
		return err
	}
	slices.SortFunc(list, func(a, b model.Assessment) int {
		return strings.Compare(a.Employee.NIP+a.SKPID, b.Employee.NIP+b.SKPID)
	})
	rng := rand.New(rand.NewPCG(uint64(seed), 0x746c616e6a7574))
	clock := rand.New(rand.NewPCG(uint64(seed), 0x6a616d746c)) // the moments, apart from the story
	pp, now := newPeople(tx, instansiID), tx.Now()
	admin, err := pp.account(ctx, "admin")
	if err != nil {
		return err
	}
	waiting := 0
	for _, a := range list {
		var fu *model.FollowUp
		base := model.FollowUp{InstansiID: instansiID, AssessmentID: a.ID, EmployeeID: a.EmployeeID}
		switch {
		case model.NeedsImprovementPlan(a.Predikat):
			if waiting < demoPlanWaiting {
				waiting++
				continue
			}
			f := base
			f.Kind, f.Title = model.FollowUpImprovement, "Rencana perbaikan kinerja "+predikatWords[a.Predikat]
			f.Plan = demoImprovementPlans[rng.IntN(len(demoImprovementPlans))]
			fu = &f
		case a.Predikat == model.PredikatSangatBaik && rng.IntN(5) == 0:
			f := base
			f.Kind, f.Title, f.Plan = model.FollowUpReward, "Penghargaan pegawai berkinerja sangat baik",
				"Diusulkan sebagai pegawai teladan tingkat perangkat daerah dan prioritas pengembangan karier."
			fu = &f
		case a.Predikat == model.PredikatBaik && rng.IntN(12) == 0:
			f := base
			f.Kind, f.Title, f.Plan = model.FollowUpTraining, demoTrainings[rng.IntN(len(demoTrainings))],
				"Diikutsertakan pada pelatihan sesuai kebutuhan pengembangan yang dicatat pejabat penilai."
			fu = &f
		}
		if fu == nil {
			continue
		}
		// An improvement plan is agreed with the pejabat penilai, who
		// reviews it; BKPSDM records rewards and trainings. Each is
		// recorded in the weeks after the result was received.
		by := admin
		if fu.Kind == model.FollowUpImprovement {
			if rater, ok, err := pp.employee(ctx, a.RatedBy); err != nil {
				return err
			} else if ok {
				by = rater
			}
		}
		at := later(a.ReceivedAt, now, 7+clock.IntN(21), clock)
		if at.IsZero() {
			continue
		}
		if fu.Kind == model.FollowUpImprovement {
			// Reviewed six months after it is recorded (model.ImprovementReview).
			fu.ReviewDue = model.ImprovementReview(model.DefaultTimeZone.Today(at))
		}
		made, err := tx.At(by, at).CreateFollowUp(ctx, *fu)
		if err != nil {
			return err
		}
		if err := tx.At(by, at).Notify(ctx, model.Notification{InstansiID: instansiID, EmployeeID: made.EmployeeID, Kind: "followup.created",
			Args: []string{made.Title}, Link: "/penilaian/" + a.ID}); err != nil {
			return err
		}
		// Some are under way, a few done. An improvement plan is begun in
		// the weeks after it was agreed and reviewed in the days around its
		// review date, once that has come: most on time, six in forty one
		// to six weeks late, two in forty still under way and one never
		// begun.
		roll := rng.IntN(6)
		if fu.Kind == model.FollowUpImprovement {
			roll = clock.IntN(40)
		}
		start := later(at, now, 7+clock.IntN(21), clock)
		switch {
		case start.IsZero():
		case fu.Kind == model.FollowUpImprovement && roll == 0: // never begun
		case fu.Kind == model.FollowUpImprovement:
			err = progress(ctx, tx.At(by, start), made, model.FollowUpInProgress, "")
			if err != nil || roll <= 2 { // still under way
				break
			}
			made.Status, made.Version = model.FollowUpInProgress, made.Version+1
			reviewDay := dayAfter(made.ReviewDue, clock.IntN(6)-3)
			if roll <= 8 {
				reviewDay = dayAfter(made.ReviewDue, 7+clock.IntN(36))
			}
			review := officeHours(reviewDay, clock)
			if !review.After(start) {
				review = later(start, now, 1+clock.IntN(3), clock)
			}
			if review.IsZero() || review.After(now) { // its day has not come
				break
			}
			err = progress(ctx, tx.At(by, review), made, model.FollowUpDone,
				"Ditinjau bersama pejabat penilai: target perbaikan tercapai dan dipantau dalam dialog kinerja berikutnya.")
		case roll < 2:
			err = progress(ctx, tx.At(by, start), made, model.FollowUpInProgress, "")
		case roll == 2:
			err = progress(ctx, tx.At(by, later(start, now, 30+clock.IntN(60), clock)), made, model.FollowUpDone,
				"Telah dilaksanakan; sertifikat/keputusan diunggah ke arsip kepegawaian.")
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// progress moves a follow-up to status with outcome, by whoever tx acts
// as, at its moment.
func progress(ctx context.Context, tx *store.Tx, f model.FollowUp, status model.FollowUpStatus, outcome string) error {
	after := f
	after.Status, after.Outcome = status, outcome
	_, err := tx.UpdateFollowUp(ctx, f, after)
	return err
}

var predikatWords = map[model.Predikat]string{
	model.PredikatButuhPerbaikan: "(Butuh Perbaikan)",
	model.PredikatKurang:         "(Kurang)",
	model.PredikatSangatKurang:   "(Sangat Kurang)",
}

var demoImprovementPlans = []string{
	"Target bulanan dipecah menjadi target mingguan yang dibahas setiap Senin bersama pejabat penilai; bukti dukung diunggah paling lambat Jumat.",
	"Pendampingan oleh pegawai senior di unit selama tiga bulan dan dialog kinerja setiap dua minggu.",
	"Mengikuti pelatihan teknis sesuai RHK yang belum tercapai; capaian ditinjau bersama pejabat penilai pada akhir triwulan.",
}

var demoTrainings = []string{
	"Pelatihan penyusunan laporan kinerja",
	"Pelatihan pelayanan publik prima",
	"Pelatihan analisis data untuk perencanaan",
}
