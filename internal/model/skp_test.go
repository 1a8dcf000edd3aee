package model

import (
	"errors"
	"strings"
	"testing"
)

func TestSKPStateMachine(t *testing.T) {
	cases := []struct {
		from SKPStatus
		act  SKPAction
		to   SKPStatus
		ok   bool
	}{
		{SKPDraft, ActSubmit, SKPSubmitted, true},
		{SKPSubmitted, ActApprove, SKPApproved, true},
		{SKPSubmitted, ActReturn, SKPReturned, true},
		{SKPReturned, ActSubmit, SKPSubmitted, true},
		{SKPApproved, ActRevise, SKPDraft, true},
		{SKPApproved, ActClose, SKPClosed, true},
		{SKPDraft, ActApprove, SKPDraft, false},
		{SKPReturned, ActApprove, SKPReturned, false},
		{SKPApproved, ActSubmit, SKPApproved, false},
		{SKPClosed, ActSubmit, SKPClosed, false},
		{SKPClosed, ActRevise, SKPClosed, false},
	}
	for _, c := range cases {
		got, err := NextSKPStatus(c.from, c.act)
		if c.ok != (err == nil) || got != c.to {
			t.Errorf("%s --%s--> %s, %v; want %s ok=%v", c.from, c.act, got, err, c.to, c.ok)
		}
		if !c.ok && !errors.Is(err, ErrInvalidTransition) {
			t.Errorf("%s --%s--> error %v is not ErrInvalidTransition", c.from, c.act, err)
		}
	}
}

func behaviours() []Behaviour {
	var out []Behaviour
	for _, cv := range CoreValues {
		out = append(out, Behaviour{Value: cv.Value, Guides: cv.Guides})
	}
	return out
}

func TestSubmitProblems(t *testing.T) {
	ind := []Indicator{{Aspect: AspectKuantitas, Description: "Jumlah laporan", Target: "12", Unit: "laporan"}}
	good := SKP{Format: FormatJAJF, Behaviours: behaviours(), RHK: []RHK{
		{Kind: RHKUtama, Description: "Tersusunnya laporan", ParentRHKID: "p1", Indicators: ind},
		{Kind: RHKTambahan, Description: "Menjadi panitia", Indicators: ind},
	}}
	if p := SubmitProblems(good, true); p != nil {
		t.Fatalf("a complete SKP has problems: %v", p)
	}
	cases := []struct {
		name string
		skp  func(SKP) SKP
		sup  bool
		want string
	}{
		{"supervisor not approved", func(s SKP) SKP { return s }, false, "invalid.skp.supervisor.pending"},
		{"no parent", func(s SKP) SKP { s.RHK = []RHK{{Kind: RHKUtama, Description: "X", Indicators: ind}}; return s }, true, "invalid.skp.rhk.parent"},
		{"no indicator", func(s SKP) SKP { s.RHK = []RHK{{Kind: RHKUtama, Description: "X", ParentRHKID: "p"}}; return s }, true, "invalid.skp.rhk.indicators"},
		{"no utama", func(s SKP) SKP { s.RHK = s.RHK[1:]; return s }, true, "invalid.skp.rhk.utama"},
		{"missing core values", func(s SKP) SKP { s.Behaviours = s.Behaviours[:6]; return s }, true, "invalid.skp.behaviours"},
		{"jpt without penugasan", func(s SKP) SKP {
			s.Format = FormatJPT
			s.RHK = []RHK{{Kind: RHKUtama, Description: "Meningkatnya layanan", Indicators: ind}}
			return s
		}, true, "invalid.skp.rhk.penugasan"},
	}
	for _, c := range cases {
		s := good
		s.RHK = append([]RHK(nil), good.RHK...)
		p := SubmitProblems(c.skp(s), c.sup)
		if p == nil || !strings.Contains(p.Error(), c.want) {
			t.Errorf("%s: problems = %v, want one mentioning %q", c.name, p, c.want)
		}
	}
	if len(CoreValues) != 7 {
		t.Errorf("%d core values", len(CoreValues))
	}
	if FormatFor(PositionJPTPratama) != FormatJPT || FormatFor(PositionFungsional) != FormatJAJF {
		t.Error("FormatFor is wrong")
	}
}
