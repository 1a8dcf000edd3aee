package importer

import (
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
)

func TestSplitName(t *testing.T) {
	for _, c := range []struct {
		why                     string
		name, front, back       string // the NAMA and GELAR cells
		storedFront, storedBack string // what the employee has now
		wantName, wantFront     string
		wantBack                string
	}{
		{why: "titles in the name and in the GELAR columns",
			name: "Dr. H. Zulkifli Rangkuti, S.H., M.H.", front: "Dr. H.", back: "S.H., M.H.",
			wantName: "Zulkifli Rangkuti", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "a name without titles and the GELAR columns",
			name: "Zulkifli Rangkuti", front: "Dr. H.", back: "S.H., M.H.",
			wantName: "Zulkifli Rangkuti", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "titles in the name and no GELAR columns",
			name:     "Dr. H. Zulkifli Rangkuti, S.H., M.H.",
			wantName: "Zulkifli Rangkuti", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "a comma that is not a title",
			name:     "Siregar, Budi Santoso",
			wantName: "Siregar, Budi Santoso"},
		{why: "a comma that is not a title, with a back title given",
			name: "Siregar, Budi Santoso", back: "S.E.",
			wantName: "Siregar, Budi Santoso", wantBack: "S.E."},
		{why: "an unknown word after the comma keeps the whole text in the name",
			name:     "Budi Santoso, S.H., Kol.",
			wantName: "Budi Santoso, S.H., Kol."},
		{why: "glued titles in the columns",
			name: "Dr. H. Zulkifli Rangkuti, S.H., M.H.", front: "Dr.H.", back: "S.H.,M.H.",
			wantName: "Zulkifli Rangkuti", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "glued titles in the name",
			name: "Dr.H. Zulkifli Rangkuti, S.H.,M.H.", front: "Dr. H.", back: "S.H., M.H.",
			wantName: "Zulkifli Rangkuti", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "glued titles in the name, no columns",
			name:     "Dr.H. Zulkifli Rangkuti, S.H.,M.H.",
			wantName: "Zulkifli Rangkuti", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "an upper-case name with the titles in other case and without dots",
			name: "DR H ZULKIFLI RANGKUTI, SH, MH", front: "Dr. H.", back: "S.H., M.H.",
			wantName: "ZULKIFLI RANGKUTI", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "the example of docs/import.md",
			name: "DR H ZULKIFLI RANGKUTI, SH, MH", front: "Dr.H.", back: "S.H.,M.H.",
			wantName: "ZULKIFLI RANGKUTI", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "titles in capitals in the name, no columns, in their standard spelling",
			name:     "DR H ZULKIFLI RANGKUTI, SH, MH",
			wantName: "ZULKIFLI RANGKUTI", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "titles in capitals in the columns, in their standard spelling",
			name: "ZULKIFLI RANGKUTI", front: "PROF. DR. IR", back: "SH,M.KN, PH.D",
			wantName: "ZULKIFLI RANGKUTI", wantFront: "Prof. Dr. Ir.", wantBack: "S.H., M.Kn., Ph.D."},
		{why: "titles Kinerja does not know are kept as written",
			name: "Budi Santoso", front: "KOL. dr", back: "M.HAN, S.KED",
			wantName: "Budi Santoso", wantFront: "KOL. dr", wantBack: "M.HAN, S.Ked."},
		{why: "the physician's dr. keeps its case",
			name:     "dr Siti Aminah, SpA",
			wantName: "Siti Aminah", wantFront: "dr.", wantBack: "Sp.A."},
		{why: "stored titles in capitals are written in their standard spelling",
			name: "Zulkifli Rangkuti", storedFront: "DR H", storedBack: "SH, MH",
			wantName: "Zulkifli Rangkuti", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "an upper-case name with dotted titles, no columns",
			name:     "DR. HJ. SITI AMINAH, S.KEP., NS.",
			wantName: "SITI AMINAH", wantFront: "Dr. Hj.", wantBack: "S.Kep., Ns."},
		{why: "dotless back titles after a comma, no columns",
			name:     "Rahmat Hidayat, SE, MM",
			wantName: "Rahmat Hidayat", wantFront: "", wantBack: "S.E., M.M."},
		{why: "a medical doctor is dr., not Dr.",
			name:     "dr. Siti Aminah, Sp.A.",
			wantName: "Siti Aminah", wantFront: "dr.", wantBack: "Sp.A."},
		{why: "the columns hold only some of the name's titles",
			name: "H. Zulkifli Rangkuti, S.H.", front: "Dr. H.", back: "S.H., M.H.",
			wantName: "Zulkifli Rangkuti", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "a given title is taken only as a whole word",
			name: "Hasan Basri", front: "H.",
			wantName: "Hasan Basri", wantFront: "H."},
		{why: "known front titles need their dot",
			name:     "Irwan Drs Saputra",
			wantName: "Irwan Drs Saputra"},
		{why: "Dr. is not Drs.",
			name: "Drs. Ahmad Yani", front: "Dr.",
			wantName: "Drs. Ahmad Yani", wantFront: "Dr."},
		{why: "a name that is only titles stays as it is",
			name:     "Dr. H.",
			wantName: "Dr. H."},
		{why: "blank columns keep the stored titles",
			name: "Zulkifli Rangkuti", storedFront: "Dr. H.", storedBack: "S.H., M.H.",
			wantName: "Zulkifli Rangkuti", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "blank columns and stored titles in the name, in the stored spelling",
			name: "DR. H. Zulkifli Rangkuti, S.H., M.H.", storedFront: "Dr. H.", storedBack: "S.H., M.H.",
			wantName: "Zulkifli Rangkuti", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "blank columns and only some stored titles in the name keep the stored titles",
			name: "H. Zulkifli Rangkuti, M.H.", storedFront: "Dr. H.", storedBack: "S.H., M.H.",
			wantName: "Zulkifli Rangkuti", wantFront: "Dr. H.", wantBack: "S.H., M.H."},
		{why: "a stored title Kinerja does not know is still taken off",
			name: "Kol. Budi Santoso, M.Han.", storedFront: "Kol.", storedBack: "M.Han.",
			wantName: "Budi Santoso", wantFront: "Kol.", wantBack: "M.Han."},
		{why: "new titles in the name replace the stored ones",
			name: "Prof. Dr. Zulkifli Rangkuti, S.H., M.H.", storedFront: "Dr.", storedBack: "S.H.",
			wantName: "Zulkifli Rangkuti", wantFront: "Prof. Dr.", wantBack: "S.H., M.H."},
		{why: "a dash says no title",
			name: "Zulkifli Rangkuti", front: "-", back: "-", storedFront: "Dr.", storedBack: "S.H.",
			wantName: "Zulkifli Rangkuti"},
	} {
		n, f, b := splitName(c.name, c.front, c.back, c.storedFront, c.storedBack)
		if n != c.wantName || f != c.wantFront || b != c.wantBack {
			t.Errorf("%s: splitName(%q, %q, %q) = %q, %q, %q; want %q, %q, %q", c.why, c.name, c.front, c.back,
				n, f, b, c.wantName, c.wantFront, c.wantBack)
		}
		if c.name == "Dr. H. Zulkifli Rangkuti, S.H., M.H." {
			full := model.Employee{Name: n, FrontTitle: f, BackTitle: b}.FullName()
			if full != "Dr. H. Zulkifli Rangkuti, S.H., M.H." && full != "Dr.H. Zulkifli Rangkuti, S.H.,M.H." {
				t.Errorf("%s: full name %q", c.why, full)
			}
		}
	}
}

// A name in capitals is written in title case, its particles in lower
// case; a name with any lower-case letter is kept as written.
func TestStandardName(t *testing.T) {
	for in, want := range map[string]string{
		"ZULKIFLI RANGKUTI":     "Zulkifli Rangkuti",
		"MUHAMMAD BIN ABDULLAH": "Muhammad bin Abdullah",
		"SITI BINTI AHMAD":      "Siti binti Ahmad",
		"JOHANNES VAN DER BERG": "Johannes van der Berg",
		"DE FRETES":             "De Fretes",
		"SRI-REJEKI M. NUR":     "Sri-Rejeki M. Nur",
		"MA'RUF AMIN":           "Ma'ruf Amin",
		"I GUSTI AYU RAI":       "I Gusti Ayu Rai",
		"Zulkifli RANGKUTI":     "Zulkifli RANGKUTI",
		"dewi sartika":          "dewi sartika",
		"ÇAĞLAR ÖZ":             "Çağlar Öz",
		"Siregar, Budi":         "Siregar, Budi",
		"SIREGAR, BUDI SANTOSO": "Siregar, Budi Santoso",
		"123":                   "123",
	} {
		if got := standardName(in); got != want {
			t.Errorf("standardName(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSplitName(f *testing.F) {
	f.Add("Dr. H. Zulkifli Rangkuti, S.H., M.H.", "Dr.H.", "S.H.,M.H.", "", "")
	f.Add("H.", ".", ",", "-", "Dr. .")
	f.Add("Siregar, , Budi,", "", ", ,", "H. H.", "S.E.,")
	f.Fuzz(func(t *testing.T, name, front, back, storedFront, storedBack string) {
		name = strings.Join(strings.Fields(name), " ")
		n, _, _ := splitName(name, front, back, storedFront, storedBack)
		if name != "" && strings.TrimSpace(n) == "" {
			t.Errorf("splitName(%q, %q, %q) emptied the name", name, front, back)
		}
		if len(n) > len(name) {
			t.Errorf("splitName(%q, %q, %q) = %q, longer than the name", name, front, back, n)
		}
	})
}
