package export

import (
	"bytes"
	"strings"
	"testing"
)

// The document of an SKP of a post held as Plt names the post as the SKP
// records it, for the employee and for a Plt who rates, over the part of
// the year the placement covers.
func TestActingSKPDocument(t *testing.T) {
	s := sampleSKP()
	s.PeriodStart = "2026-02-01"
	s.Employee.Position, s.Employee.Unit = "Plt. Sekretaris", "Sekretariat"
	s.Rater.Position = "Plt. Kepala SD Negeri 05"
	var buf bytes.Buffer
	if err := WriteSKP(&buf, SKPDocument{SKP: s, InstansiName: "Pemerintah Kota Sawahlunto", Uncompressed: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Plt. Sekretaris", "Sekretariat", "Plt. Kepala SD Negeri 05",
		"PERIODE PENILAIAN: 1 Februari 2026 SD 31 Desember 2026"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the document lacks %q", want)
		}
	}
}
