package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Tim kerja in the demo city: a few cross-OPD teams, each led by a
// supervisor, with members who linked an RHK of their own and some thanks
// and offers of help between them. The demo Kepala bidang leads one, with
// the demo staff account among its members.

var demoTeams = []struct{ name, goal string }{
	{"Tim Percepatan SPBE", "Seluruh layanan perizinan dan kependudukan dapat diajukan secara daring"},
	{"Tim Percepatan Penurunan Stunting", "Prevalensi stunting Kota Sawahlunto turun di bawah 14 persen"},
	{"Tim Penyusunan LKjIP Kota", "Laporan Kinerja Instansi Pemerintah tersusun tepat waktu dengan data yang terverifikasi"},
	{"Tim Sawahlunto Kota Wisata Tambang", "Kunjungan wisata warisan tambang batu bara meningkat dan tercatat dalam satu data"},
}

var demoKudos = []struct{ kind, body string }{
	{app.KudosThanks, "Terima kasih sudah membantu menyiapkan datanya tepat waktu."},
	{app.KudosHelp, "Kalau butuh bantuan mengolah data minggu ini, kabari saya."},
	{app.KudosThanks, "Terima kasih, masukan kemarin sangat membantu."},
	{app.KudosHelp, "Saya bisa bantu mendampingi di lapangan hari Kamis."},
}

func formTeams(ctx context.Context, tx *store.Tx, instansiID string, today model.Date, seed int64) error {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x7465616d))
	year := today.Time().Year()
	chart, err := tx.OrgChart(ctx, instansiID, today)
	if err != nil {
		return err
	}
	skps, err := tx.SKPs(ctx, store.SKPFilter{InstansiID: instansiID, Year: year, Status: model.SKPApproved})
	if err != nil {
		return err
	}
	var leads, members []model.SKP
	for _, s := range skps {
		if chart.IsRater(s.EmployeeID) {
			leads = append(leads, s)
		} else {
			members = append(members, s)
		}
	}
	if len(leads) == 0 || len(members) < 8 {
		return nil
	}
	// The demo Kepala bidang leads the first team, with their own staff.
	first := leads[rng.IntN(len(leads))]
	if pos, err := tx.PositionByCode(ctx, instansiID, codeSupervisorPosition); err == nil {
		if boss := chart.Holder(pos.ID); boss != "" {
			if i := slices.IndexFunc(leads, func(s model.SKP) bool { return s.EmployeeID == boss }); i >= 0 {
				first = leads[i]
			}
		}
	}
	for i, spec := range demoTeams {
		lead := first
		if i > 0 {
			lead = leads[rng.IntN(len(leads))]
		}
		t, err := tx.CreateTeam(ctx, model.Team{InstansiID: instansiID, Year: year, Name: spec.name, Goal: spec.goal, LeadID: lead.EmployeeID})
		if err != nil {
			return err
		}
		ids := []string{lead.EmployeeID}
		if i == 0 {
			ids = append(ids, chart.Team(lead.EmployeeID)...)
		}
		for len(ids) < 6+rng.IntN(4) {
			m := members[rng.IntN(len(members))]
			if !slices.Contains(ids, m.EmployeeID) {
				ids = append(ids, m.EmployeeID)
			}
		}
		for j, id := range ids {
			if j > 0 {
				if err := tx.AddTeamMember(ctx, t.ID, id); err != nil {
					return err
				}
			}
			k := slices.IndexFunc(skps, func(s model.SKP) bool { return s.EmployeeID == id })
			if k < 0 || rng.IntN(5) == 0 {
				continue // not linked yet
			}
			full, err := tx.SKP(ctx, skps[k].ID)
			if err != nil || len(full.RHK) == 0 {
				continue
			}
			if err := tx.LinkTeamRHK(ctx, t.ID, id, full.RHK[0].ID); err != nil {
				return err
			}
		}
		for n := range 2 + rng.IntN(3) {
			from, to := ids[rng.IntN(len(ids))], ids[rng.IntN(len(ids))]
			if from == to {
				continue
			}
			k := demoKudos[(i+n)%len(demoKudos)]
			if _, err := tx.CreateKudos(ctx, model.Kudos{TeamID: t.ID, FromID: from, ToID: to, Kind: k.kind, Body: k.body}); err != nil {
				return err
			}
		}
	}
	return nil
}

// demoFiles stores the few sample photos and documents the demo's entries
// carry as evidence (the same file on many entries is stored once).
func demoFiles(ctx context.Context, blobs *blob.Store) ([]app.Upload, error) {
	if blobs == nil {
		return nil, nil
	}
	var out []app.Upload
	for i := range 6 {
		b, err := blobs.Put(ctx, bytesReader(blob.SampleJPEG(480, 360, uint64(100+i))), 10<<20)
		if err != nil {
			return nil, err
		}
		out = append(out, app.Upload{Blob: b, Name: fmt.Sprintf("foto-kegiatan-%d.jpg", i+1)})
	}
	for i, title := range []string{"Daftar hadir rapat koordinasi", "Notulen rapat", "Laporan singkat kegiatan"} {
		b, err := blobs.Put(ctx, bytesReader(blob.SamplePDF(title, "Pemerintah Kota Sawahlunto", "Dokumen contoh untuk demonstrasi.")), 10<<20)
		if err != nil {
			return nil, err
		}
		out = append(out, app.Upload{Blob: b, Name: fmt.Sprintf("dokumen-%d.pdf", i+1)})
	}
	return out, nil
}
