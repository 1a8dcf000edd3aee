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
// and some Baik ones a training, a few of them done.

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
			f.ReviewDue = model.ImprovementReview(model.DefaultTimeZone.Today(a.FinalizedAt))
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
		made, err := tx.CreateFollowUp(ctx, *fu)
		if err != nil {
			return err
		}
		// Some are under way, a few done.
		switch roll := rng.IntN(6); {
		case roll < 2:
			after := made
			after.Status = model.FollowUpInProgress
			_, err = tx.UpdateFollowUp(ctx, made, after)
		case roll == 2 && made.Kind != model.FollowUpImprovement:
			after := made
			after.Status, after.Outcome = model.FollowUpDone, "Telah dilaksanakan; sertifikat/keputusan diunggah ke arsip kepegawaian."
			_, err = tx.UpdateFollowUp(ctx, made, after)
		}
		if err != nil {
			return err
		}
	}
	return nil
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
