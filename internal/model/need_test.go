package model

import (
	"errors"
	"strings"
	"testing"
)

func TestNeedTransitions(t *testing.T) {
	cases := []struct {
		from NeedStatus
		act  NeedAction
		want NeedStatus // "" when refused
	}{
		{NeedOpen, NeedConfirm, NeedConfirmed},
		{NeedOpen, NeedClose, NeedClosed},
		{NeedOpen, NeedAddress, ""},
		{NeedConfirmed, NeedConfirm, ""},
		{NeedConfirmed, NeedClose, NeedClosed},
		{NeedConfirmed, NeedAddress, NeedAddressed},
		{NeedClosed, NeedConfirm, ""},
		{NeedClosed, NeedClose, ""},
		{NeedClosed, NeedAddress, ""},
		{NeedAddressed, NeedConfirm, ""},
		{NeedAddressed, NeedClose, ""},
		{NeedAddressed, NeedAddress, ""},
		{NeedOpen, "approve", ""},
	}
	for _, c := range cases {
		got, err := NextNeedStatus(c.from, c.act)
		if c.want == "" {
			if !errors.Is(err, ErrInvalidTransition) || got != c.from {
				t.Errorf("%s --%s--> %s, %v; want refused", c.from, c.act, got, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s --%s--> %s, %v; want %s", c.from, c.act, got, err, c.want)
		}
	}
	for _, s := range NeedStatuses {
		if want := s == NeedOpen || s == NeedConfirmed; s.Outstanding() != want || !s.Valid() {
			t.Errorf("%s: outstanding %v, valid %v", s, s.Outstanding(), s.Valid())
		}
	}
	if NeedStatus("done").Valid() {
		t.Error("an unknown status is valid")
	}
}

func TestNeedKindsBelongToOneCategory(t *testing.T) {
	seen := map[NeedKind]NeedCategory{}
	for _, c := range NeedCategories {
		for _, k := range c.Kinds() {
			if prev, ok := seen[k]; ok {
				t.Errorf("%s is in %s and %s", k, prev, c)
			}
			seen[k] = c
		}
	}
	if len(seen) != len(NeedKinds) {
		t.Errorf("%d kinds have a category, want all %d", len(seen), len(NeedKinds))
	}
	want := map[NeedKind]NeedCategory{NeedTraining: NeedCategoryNeed, NeedMentoring: NeedCategoryNeed, NeedCertification: NeedCategoryNeed,
		NeedEquipment: NeedCategoryConstraint, NeedFacility: NeedCategoryConstraint, NeedBudget: NeedCategoryConstraint,
		NeedStaffing: NeedCategoryConstraint, NeedOther: NeedCategoryConstraint}
	for k, c := range want {
		if k.Category() != c {
			t.Errorf("%s.Category() = %s, want %s", k, k.Category(), c)
		}
	}
	if NeedKind("laptop").Valid() || NeedKind("").Category() != "" {
		t.Error("an unknown kind is valid")
	}
}

func TestNeedValidate(t *testing.T) {
	cases := []struct {
		name   string
		n      Need
		fields []string // fields with a message; none when valid
		cat    NeedCategory
	}{
		{"a training, category from the kind", Need{EmployeeID: "e", Kind: NeedTraining, Title: "  Pelatihan SPBE  "}, nil, NeedCategoryNeed},
		{"a constraint with its category", Need{EmployeeID: "e", Kind: NeedBudget, Category: NeedCategoryConstraint, Title: "Anggaran sosialisasi"}, nil, NeedCategoryConstraint},
		{"a kind outside its category", Need{EmployeeID: "e", Kind: NeedBudget, Category: NeedCategoryNeed, Title: "x"}, []string{"category"}, NeedCategoryNeed},
		{"unknown kind, no title, nobody", Need{Kind: "laptop", Title: " "}, []string{"kind", "title", "employee_id"}, ""},
		{"too long", Need{EmployeeID: "e", Kind: NeedOther, Title: strings.Repeat("é", NeedTitleMax+1),
			Description: strings.Repeat("x", NeedDescriptionMax+1)}, []string{"title", "description"}, NeedCategoryConstraint},
	}
	for _, c := range cases {
		err := c.n.Validate()
		var v *ValidationError
		if len(c.fields) == 0 {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
		} else if !errors.As(err, &v) || len(v.Fields) != len(c.fields) {
			t.Errorf("%s: %v, want messages for %v", c.name, err, c.fields)
		} else {
			for _, f := range c.fields {
				if v.Fields[f] == "" {
					t.Errorf("%s: no message for %s in %v", c.name, f, v.Fields)
				}
			}
		}
		if c.n.Category != c.cat {
			t.Errorf("%s: category %q, want %q", c.name, c.n.Category, c.cat)
		}
	}
	n := Need{EmployeeID: "e", Kind: NeedTraining, Title: "  Pelatihan SPBE  ", Description: " untuk staf \n"}
	if err := n.Validate(); err != nil || n.Title != "Pelatihan SPBE" || n.Description != "untuk staf" {
		t.Errorf("trimmed = %q %q, %v", n.Title, n.Description, err)
	}
}

func TestCheckNeedNote(t *testing.T) {
	if _, err := CheckNeedNote("note", "  "); err == nil || !strings.Contains(err.Error(), "invalid.need.close.reason") {
		t.Errorf("an empty closing note: %v", err)
	}
	if _, err := CheckNeedNote("action", ""); err == nil || !strings.Contains(err.Error(), "invalid.need.action.required") {
		t.Errorf("an empty action: %v", err)
	}
	if _, err := CheckNeedNote("action", strings.Repeat("x", NeedNoteMax+1)); err == nil {
		t.Error("a note over the limit passed")
	}
	if got, err := CheckNeedNote("action", " Diikutkan bimtek SPBE Maret 2026 \n"); err != nil || got != "Diikutkan bimtek SPBE Maret 2026" {
		t.Errorf("CheckNeedNote = %q, %v", got, err)
	}
}
