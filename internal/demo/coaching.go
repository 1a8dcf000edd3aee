package demo

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Bimbingan kinerja in the demo city: about a third of the supervisors
// coached one or two of their team in the last weeks. Most ASN answered
// the B.1.8 feedback and most coaches filled the B.1.9 evaluation; some
// reviews fall due in the coming days, some are past. The demo Kepala
// bidang always coached the demo staff account: once long enough ago to be
// answered and evaluated, and once a few days ago, with the feedback still
// to give and the review due soon.

// coachingTopics are what sessions are about, by kind.
var coachingTopics = map[model.CoachingKind][]string{
	model.CoachingDialog:     {"Dialog kinerja: capaian RHK bulan lalu", "Dialog kinerja: ekspektasi perilaku kerja triwulan ini"},
	model.CoachingCoaching:   {"Percepatan penyelesaian keluaran RHK", "Penyusunan laporan bulanan tepat waktu", "Peningkatan kualitas dokumen yang diserahkan"},
	model.CoachingMentoring:  {"Pendampingan penggunaan aplikasi layanan", "Berbagi pengalaman menangani pengaduan masyarakat"},
	model.CoachingCounseling: {"Kendala beban kerja dan pembagian tugas", "Kehadiran dan ketepatan waktu"},
}

var coachingActions = []string{
	"Menyusun jadwal kerja mingguan dan melaporkannya setiap Jumat",
	"Mengikuti pelatihan daring yang disepakati dan menerapkannya pada tugas berikutnya",
	"Menyelesaikan keluaran yang tertunda sebelum akhir bulan",
	"Berkonsultasi dengan rekan senior sebelum menyerahkan dokumen",
}

var demoCompetences = []string{"Manajemen waktu", "Komunikasi", "Kerja sama tim", "Penguasaan teknis jabatan", "Pelayanan publik", "Inisiatif"}

func coachTeams(ctx context.Context, tx *store.Tx, instansiID string, today model.Date, seed int64) error {
	chart, err := tx.OrgChart(ctx, instansiID, today)
	if err != nil {
		return err
	}
	var leaders []model.Employee
	for cursor := "first"; cursor != ""; {
		f := model.EmployeeFilter{InstansiID: instansiID, Limit: 200}
		if cursor != "first" {
			f.Cursor = cursor
		}
		page, err := tx.Employees(ctx, f)
		if err != nil {
			return err
		}
		for _, e := range page.Items {
			if chart.IsRater(e.ID) {
				leaders = append(leaders, e)
			}
		}
		cursor = page.NextCursor
	}
	slices.SortFunc(leaders, func(a, b model.Employee) int { return strings.Compare(a.NIP, b.NIP) })

	var demoBoss, demoStaff string
	if pos, err := tx.PositionByCode(ctx, instansiID, codeSupervisorPosition); err == nil {
		demoBoss = chart.Holder(pos.ID)
		if team, err := tx.EmployeesByID(ctx, chart.Team(demoBoss)); err == nil && len(team) > 0 {
			var staff []model.Employee
			for _, e := range team {
				staff = append(staff, e)
			}
			slices.SortFunc(staff, func(x, y model.Employee) int { return strings.Compare(x.NIP, y.NIP) })
			demoStaff = staff[0].ID // the "Staf (ASN)" account Accounts lists
		}
	}

	rng := rand.New(rand.NewPCG(uint64(seed), 0x62696d62))
	// day is the working day offset days from today: the one before it
	// when that falls on a Saturday or Sunday in the past, the one after it
	// in the future.
	day := func(offset int) model.Date {
		d := dayAfter(today, offset)
		if offset > 0 {
			return workdayAfter(d, 0)
		}
		for !workday(d) {
			d = dayAfter(d, -1)
		}
		return d
	}
	coachName := func(id string) string {
		if c, err := tx.Employee(ctx, id); err == nil {
			return c.FullName()
		}
		return ""
	}
	record := func(s model.CoachingSession, answered, evaluated bool) error {
		s.InstansiID = instansiID
		s, err := tx.CreateCoachingSession(ctx, s)
		if err != nil {
			return err
		}
		if answered {
			f := model.CoachingFeedback{Comment: "Bimbingan membantu saya memahami prioritas pekerjaan."}
			for range model.FeedbackStatements {
				f.Answers = append(f.Answers, 3+rng.IntN(2))
			}
			if _, err := tx.AnswerCoachingFeedback(ctx, s.ID, f); err != nil {
				return err
			}
		} else if err := tx.Notify(ctx, model.Notification{InstansiID: instansiID, EmployeeID: s.EmployeeID, Kind: "coaching.recorded",
			Args: []string{coachName(s.CoachID), s.Topic, s.Actions}, Link: "/bimbingan/" + s.ID}); err != nil {
			return err
		}
		if evaluated {
			var list []model.CompetenceScore
			for _, i := range rng.Perm(len(demoCompetences))[:2] {
				score := 2 + rng.IntN(4)
				reason := "Sesuai harapan jabatan"
				if score < 3 {
					reason = "Perlu ditingkatkan melalui tindak lanjut yang disepakati"
				} else if score > 3 {
					reason = "Menonjol dibanding rekan satu tim"
				}
				list = append(list, model.CompetenceScore{Competence: demoCompetences[i], Score: score, Reason: reason})
			}
			if _, err := tx.SetCoachingCompetence(ctx, s.ID, list); err != nil {
				return err
			}
		}
		return nil
	}
	session := func(coach, employee string, kind model.CoachingKind, held model.Date, next model.Date) model.CoachingSession {
		topics := coachingTopics[kind]
		return model.CoachingSession{EmployeeID: employee, CoachID: coach, Kind: kind, HeldOn: held, Topic: topics[rng.IntN(len(topics))],
			Notes: "Membahas capaian dan kendala pekerjaan berdasarkan progres dan bukti dukung.", Actions: coachingActions[rng.IntN(len(coachingActions))],
			NextReview: next}
	}

	if demoBoss != "" && demoStaff != "" {
		if err := record(session(demoBoss, demoStaff, model.CoachingCoaching, day(-40), day(-10)), true, true); err != nil {
			return err
		}
		if err := record(session(demoBoss, demoStaff, model.CoachingDialog, day(-3), day(5)), false, false); err != nil {
			return err
		}
	}
	for _, l := range leaders {
		if l.ID == demoBoss || rng.IntN(3) != 0 {
			continue
		}
		team := slices.Clone(chart.Team(l.ID))
		slices.Sort(team)
		for _, i := range rng.Perm(len(team))[:min(len(team), 1+rng.IntN(2))] {
			kind := model.CoachingKinds[rng.IntN(len(model.CoachingKinds))]
			held := day(-3 - rng.IntN(48))
			var next model.Date
			switch rng.IntN(3) {
			case 0: // none
			case 1:
				next = day(1 + rng.IntN(10)) // due soon
			default:
				next = workdayAfter(dayAfter(held, 14+rng.IntN(17)), 0)
			}
			if err := record(session(l.ID, team[i], kind, held, next), rng.IntN(10) < 6, rng.IntN(2) == 0); err != nil {
				return err
			}
		}
	}
	return nil
}
