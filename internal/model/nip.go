package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// NIPKind tells which number BKN issued: the NIP of a PNS (or CPNS), or
// the Nomor Induk of a PPPK, full-time or paruh waktu.
type NIPKind int

// The kinds of number. Digits 13 and 14 tell them apart: a month 01–12
// for a PNS, a code for a PPPK (see pppkCodes).
const (
	NIPPNS            NIPKind = iota // NIP PNS/CPNS (Perka BKN 22/2007)
	NIPPPPK                          // NI PPPK, code 21
	NIPPPPKParuhWaktu                // NI PPPK paruh waktu, code 24 (from 2025)
)

// pppkCodes are the codes an NI PPPK carries in place of the TMT month, as
// BKN issues them (docs/import.md, "NIP dan NI PPPK", gives the sources).
// A new code BKN starts issuing is one line here.
var pppkCodes = map[string]NIPKind{"21": NIPPPPK, "24": NIPPPPKParuhWaktu}

// pppkFirstYear is the first year each kind of NI PPPK can carry: PPPK
// were first appointed under PP 49/2018 in 2019, PPPK paruh waktu under
// KepmenPANRB 16/2025 in 2025. An earlier year is a typing mistake.
var pppkFirstYear = map[NIPKind]int{NIPPPPK: 2019, NIPPPPKParuhWaktu: 2025}

// pppkKindKey names each kind of NI PPPK in messages.
var pppkKindKey = map[NIPKind]string{NIPPPPK: "status.pppk", NIPPPPKParuhWaktu: "status.pppk_paruh_waktu"}

// NIP is the 18-digit Nomor Induk Pegawai of a PNS or PPPK. It is built as
//
//	YYYYMMDD  birth date
//	YYYYMM    TMT (date of first appointment, month precision); an NI
//	          PPPK writes the year of appointment and a code in place of
//	          the month: 21 (PPPK), 24 (PPPK paruh waktu)
//	G         gender: 1 male, 2 female
//	NNN       sequence number
type NIP struct {
	BirthDate time.Time
	TMT       time.Time // the first day of the TMT month (January for a PPPK number)
	Kind      NIPKind
	PPPK      bool // the number is an NI PPPK (full-time or paruh waktu)
	Female    bool
	Sequence  string
}

// ParseNIP validates s as a NIP and returns its parts. Error messages are
// written for a BKPSDM admin reading an import report.
func ParseNIP(s string) (NIP, error) {
	if len(s) != 18 {
		return NIP{}, Msg("invalid.nip.length", len([]rune(s)))
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return NIP{}, Msg("invalid.nip.digits")
		}
	}
	birth, err := time.Parse("20060102", s[0:8])
	if err != nil || birth.Year() < 1900 {
		return NIP{}, Msg("invalid.nip.birth", s[0:8])
	}
	kind, pppk := pppkCodes[s[12:14]]
	tmtText := s[8:14]
	if pppk {
		tmtText = s[8:12] + "01"
	} else if m, _ := strconv.Atoi(s[12:14]); m > 12 {
		// Not a month and not a code BKN issues.
		return NIP{}, Msg("invalid.nip.code", s[8:14])
	}
	tmt, err := time.Parse("200601", tmtText)
	if err != nil || tmt.Year() < 1900 {
		return NIP{}, Msg("invalid.nip.tmt", s[8:14])
	}
	if !tmt.After(birth) && !(pppk && tmt.Year() > birth.Year()) {
		return NIP{}, Msg("invalid.nip.tmt.birth", s[8:14])
	}
	if first := pppkFirstYear[kind]; pppk && tmt.Year() < first {
		name := Msg(pppkKindKey[kind])
		return NIP{}, Msg("invalid.nip.pppk.year", s[8:12], name, name, first)
	}
	var female bool
	switch s[14] {
	case '1':
	case '2':
		female = true
	default:
		return NIP{}, Msg("invalid.nip.sex", s[14])
	}
	return NIP{BirthDate: birth, TMT: tmt, Kind: kind, PPPK: pppk, Female: female, Sequence: s[15:18]}, nil
}

// CheckTMT refuses a number whose TMT is still to come on today, the
// instansi's date: BKN issues a NIP at the appointment, so a TMT month
// after this month (or, for an NI PPPK, which carries only the year, a
// year after this year) is a typing mistake, such as 2030 for 2020.
func (n NIP) CheckTMT(today Date) error {
	t := today.Time()
	thisMonth := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	if n.PPPK && n.TMT.Year() > t.Year() {
		return Msg("invalid.nip.tmt.future", n.TMT.Format("2006"), today)
	}
	if !n.PPPK && n.TMT.After(thisMonth) {
		return Msg("invalid.nip.tmt.future", n.TMT.Format("01/2006"), today)
	}
	return nil
}

// String formats the parts back into the 18 digits.
func (n NIP) String() string {
	g := '1'
	if n.Female {
		g = '2'
	}
	tmt := n.TMT.Format("200601")
	kind := n.Kind
	if n.PPPK && kind == NIPPNS {
		kind = NIPPPPK
	}
	for code, k := range pppkCodes {
		if k == kind && kind != NIPPNS {
			tmt = n.TMT.Format("2006") + code
		}
	}
	return fmt.Sprintf("%s%s%c%s", n.BirthDate.Format("20060102"), tmt, g, n.Sequence)
}

// Status is the employment status the number says: PPPK or PPPK paruh
// waktu for an NI PPPK, PNS for a NIP (a CPNS has the same kind of
// number, so only a file or a form can say CPNS).
func (n NIP) Status() EmployeeStatus {
	switch n.Kind {
	case NIPPPPK:
		return StatusPPPK
	case NIPPPPKParuhWaktu:
		return StatusPPPKParuhWaktu
	}
	return StatusPNS
}

// Fits reports whether status s agrees with the number: PNS and CPNS hold
// a NIP, a PPPK an NI PPPK with code 21, a PPPK paruh waktu one with code
// 24. BKN gives a new NI when a PPPK signs a contract for another formasi,
// so a paruh waktu appointed full-time carries a new number.
func (n NIP) Fits(s EmployeeStatus) bool {
	switch s {
	case StatusPNS, StatusCPNS:
		return n.Kind == NIPPNS
	case StatusPPPK:
		return n.Kind == NIPPPPK
	case StatusPPPKParuhWaktu:
		return n.Kind == NIPPPPKParuhWaktu
	}
	return false
}

// CheckStatusNIP returns a message when status contradicts the number, for
// the admin to correct one of them. Both must already be valid.
func CheckStatusNIP(s EmployeeStatus, nip string) error {
	n, err := ParseNIP(nip)
	if err != nil {
		return err
	}
	if !n.Fits(s) {
		return Msg("invalid.nip.status", nip, Msg("status."+string(s)), Msg("status."+string(n.Status())))
	}
	return nil
}

// pppkGolongan names the PPPK golongan I to XVII (Perpres 98/2020,
// Lampiran: gaji PPPK), in order.
var pppkGolongan = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
	"XV", "XVI", "XVII"}

// NormGolongan returns golongan s in the form the rules write it for status
// st: "III/a" (PNS golongan I/a to IV/e, PP 99/2000) or "IX" (PPPK I to
// XVII, Perpres 98/2020; a bare number 1–17 is read as that golongan). An
// empty s stays empty; a golongan from the other scale is refused.
func NormGolongan(s string, st EmployeeStatus) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if st.IsPPPK() {
		u := strings.ToUpper(s)
		for _, g := range pppkGolongan {
			if g == u {
				return g, nil
			}
		}
		if n, err := strconv.Atoi(u); err == nil && n >= 1 && n <= len(pppkGolongan) {
			return pppkGolongan[n-1], nil
		}
		return "", Msg("import.reject.golongan.pppk", s)
	}
	g := pnsGolongan(s)
	// Only golongan IV has ruang e.
	if g == "" || (strings.HasSuffix(g, "/e") && g != "IV/e") {
		return "", Msg("import.reject.golongan", s)
	}
	return g, nil
}

// pnsGolongan reads "III/a", "iii-a", "III a", "3/a" or "3a" as "III/a",
// or returns "".
func pnsGolongan(s string) string {
	s = strings.Join(strings.Fields(s), "")
	if len(s) < 2 {
		return ""
	}
	ruang := strings.ToLower(s[len(s)-1:])
	if ruang < "a" || ruang > "e" {
		return ""
	}
	gol := strings.TrimRight(strings.ToUpper(s[:len(s)-1]), "/-.")
	for i, r := range []string{"I", "II", "III", "IV"} {
		if gol == r || gol == strconv.Itoa(i+1) {
			return r + "/" + ruang
		}
	}
	return ""
}
