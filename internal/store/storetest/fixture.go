package storetest

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Org is a small organisation for tests:
//
//	Pemerintah Kota Uji (pemda)           Wali Kota  — WaliKota
//	└── Dinas Kominfo (opd)               Kepala Dinas — Kadis
//	    ├── Bidang Aplikasi (bidang)      Kepala Bidang — Kabid
//	    │                                 Pranata Komputer (fungsional) — Staff1, Staff2
//	    └── Sekretariat (subbagian)       Sekretaris — vacant
//	                                      Pengadministrasi — Staff3 (rated by Kadis through the vacancy)
//	└── Dinas Kesehatan (opd)             Kepala Dinas — Kadinkes
//	                                      Perawat — Nurse
type Org struct {
	Instansi                                       model.Instansi
	Pemda, Kominfo, Aplikasi, Sekretariat, Dinkes  model.Unit
	PosWali, PosKadis, PosKabid, PosStaff, PosSekr model.Position
	PosAdm, PosKadinkes, PosNurse                  model.Position
	WaliKota, Kadis, Kabid, Staff1, Staff2, Staff3 model.Employee
	Kadinkes, Nurse                                model.Employee
}

// NIPs used by the fixture; each is a valid NIP.
const (
	NIPKadis    = "197001012000031001"
	NIPKabid    = "198002022005012002"
	NIPStaff1   = "199003032015031003"
	NIPStaff2   = "199104042021212004" // an NI PPPK
	NIPStaff3   = "199205052017011005"
	NIPKadinkes = "197106062001121006"
	NIPNurse    = "199307072022212007" // an NI PPPK
)

// SeedOrg writes the fixture organisation through s.Write and returns it.
func SeedOrg(t testing.TB, s *store.Store) Org {
	t.Helper()
	ctx := context.Background()
	var o Org
	err := s.Write(ctx, model.SystemActor("", "test"), func(tx *store.Tx) error {
		var err error
		must := func(e error) {
			if err == nil {
				err = e
			}
		}
		o.Instansi, err = tx.CreateInstansi(ctx, model.Instansi{Name: "Pemerintah Kota Uji"})
		if err != nil {
			return err
		}
		in := o.Instansi.ID
		unit := func(parent, code, name string, kind model.UnitKind) model.Unit {
			u, e := tx.CreateUnit(ctx, model.Unit{InstansiID: in, ParentID: parent, Code: code, Name: name, Kind: kind})
			must(e)
			return u
		}
		pos := func(u model.Unit, sup, code, name string, kind model.PositionKind, head bool) model.Position {
			p, e := tx.CreatePosition(ctx, model.Position{InstansiID: in, UnitID: u.ID, Code: code, Name: name, Kind: kind,
				SuperiorPositionID: sup}, head)
			must(e)
			return p
		}
		emp := func(nip, name string, status model.EmployeeStatus, p model.Position) model.Employee {
			gol := "III/a"
			if status.IsPPPK() {
				gol = "IX"
			}
			e, er := tx.CreateEmployee(ctx, model.Employee{InstansiID: in, NIP: nip, Name: name, Status: status,
				Golongan: gol, Active: true})
			must(er)
			if er == nil {
				_, er = tx.Place(ctx, model.Placement{EmployeeID: e.ID, PositionID: p.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"})
				must(er)
				e.PositionID = p.ID
			}
			return e
		}
		o.Pemda = unit("", "PEMDA", "Pemerintah Kota Uji", model.UnitPemda)
		o.Kominfo = unit(o.Pemda.ID, "KOMINFO", "Dinas Komunikasi dan Informatika", model.UnitOPD)
		o.Aplikasi = unit(o.Kominfo.ID, "KOMINFO-APL", "Bidang Aplikasi Informatika", model.UnitBidang)
		o.Sekretariat = unit(o.Kominfo.ID, "KOMINFO-SEK", "Sekretariat", model.UnitSubbagian)
		o.Dinkes = unit(o.Pemda.ID, "DINKES", "Dinas Kesehatan", model.UnitOPD)
		if err != nil {
			return err
		}
		o.PosWali = pos(o.Pemda, "", "WALIKOTA", "Wali Kota", model.PositionKepalaDaerah, true)
		o.PosKadis = pos(o.Kominfo, o.PosWali.ID, "KOMINFO-KADIS", "Kepala Dinas Komunikasi dan Informatika", model.PositionJPTPratama, true)
		o.PosKabid = pos(o.Aplikasi, o.PosKadis.ID, "KOMINFO-KABID", "Kepala Bidang Aplikasi Informatika", model.PositionAdministrator, true)
		o.PosStaff = pos(o.Aplikasi, o.PosKabid.ID, "KOMINFO-PRAKOM", "Pranata Komputer Ahli Pertama", model.PositionFungsional, false)
		o.PosSekr = pos(o.Sekretariat, o.PosKadis.ID, "KOMINFO-SEKR", "Sekretaris", model.PositionAdministrator, true)
		o.PosAdm = pos(o.Sekretariat, o.PosSekr.ID, "KOMINFO-ADM", "Pengadministrasi Perkantoran", model.PositionPelaksana, false)
		o.PosKadinkes = pos(o.Dinkes, o.PosWali.ID, "DINKES-KADIS", "Kepala Dinas Kesehatan", model.PositionJPTPratama, true)
		o.PosNurse = pos(o.Dinkes, o.PosKadinkes.ID, "DINKES-PERAWAT", "Perawat Ahli Pertama", model.PositionFungsional, false)
		if err != nil {
			return err
		}
		o.WaliKota = emp("", "Wali Kota Uji", model.StatusPejabatNegara, o.PosWali)
		o.Kadis = emp(NIPKadis, "Budi Santoso", model.StatusPNS, o.PosKadis)
		o.Kabid = emp(NIPKabid, "Siti Rahmawati", model.StatusPNS, o.PosKabid)
		o.Staff1 = emp(NIPStaff1, "Andi Pratama", model.StatusPNS, o.PosStaff)
		o.Staff2 = emp(NIPStaff2, "Dewi Lestari", model.StatusPPPK, o.PosStaff)
		o.Staff3 = emp(NIPStaff3, "Rudi Hartono", model.StatusPNS, o.PosAdm)
		o.Kadinkes = emp(NIPKadinkes, "Yusuf Hidayat", model.StatusPNS, o.PosKadinkes)
		o.Nurse = emp(NIPNurse, "Rina Marlina", model.StatusPPPK, o.PosNurse)
		return err
	})
	if err != nil {
		t.Fatalf("seed fixture organisation: %v", err)
	}
	return o
}
