package web

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// The share of a target due speaks of the period in a periodic assessment
// and of the year in the annual one.
func TestDueSpeaksOfTheYearInTheAnnualAssessment(t *testing.T) {
	ai := app.AssessmentIndicator{Indicator: model.Indicator{Target: "12", Unit: "modul"}, Share: 0.5, Due: "6"}
	for kind, want := range map[model.PeriodKind]string{model.PeriodMonthly: "target periode ini: 6 dari 12 modul", model.PeriodAnnual: "target tahun ini: 6 dari 12 modul"} {
		p := assessmentPage{base: base{Lang: "id"}}
		p.V.Period.Kind = kind
		if got := p.Due(ai); got != want {
			t.Errorf("%s: %q, want %q", kind, got, want)
		}
	}
}

// The follow-up board marks an improvement plan past its review as
// terlambat with its days, and offers the filter with their count.
func TestFollowUpBoardMarksTheOverdue(t *testing.T) {
	page := parsePages(funcs)["followups"]
	p := followUpBoardPage{base: base{Lang: "id"}, Year: 2025, Late: 1, Board: app.FollowUpBoard{Year: 2025, Open: []app.FollowUpView{
		{FollowUp: model.FollowUp{ID: "F1", Kind: model.FollowUpImprovement, Title: "Rencana perbaikan", Status: model.FollowUpInProgress, ReviewDue: "2026-07-03"}, Overdue: 151},
		{FollowUp: model.FollowUp{ID: "F2", Kind: model.FollowUpTraining, Title: "Bimtek", Status: model.FollowUpOpen}},
	}}}
	var buf bytes.Buffer
	if err := page.ExecuteTemplate(&buf, "content", p); err != nil {
		t.Fatal(err)
	}
	body := buf.String()
	if strings.Count(body, "terlambat 151 hari") != 1 || strings.Contains(body, "terlambat 0") {
		t.Errorf("the overdue mark: %s", body)
	}
	if !strings.Contains(body, "Hanya yang terlambat (1)") || !strings.Contains(body, `href="/tindak-lanjut?tahun=2025&amp;terlambat=1#open-h"`) {
		t.Errorf("the filter: %s", body)
	}
}
