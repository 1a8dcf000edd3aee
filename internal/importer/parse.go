package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/kinerja-id/kinerja/internal/model"
)

// Limits on an import file.
const (
	MaxFileSize = 10 << 20
	MaxRows     = 50000
)

// Column names after normalisation, and the header spellings that map to
// them (compared lowercase without spaces, underscores, dots or dashes).
var aliases = map[string][]string{
	"nip":            {"nip", "nipbaru", "nip18"},
	"nama":           {"nama", "namalengkap", "namapegawai", "namaasn"},
	"gelar_depan":    {"gelardepan", "glrdepan", "gelardpn", "glrdpn"},
	"gelar_belakang": {"gelarbelakang", "glrbelakang", "gelarblk", "glrblk", "gelarblkg", "glrblkg"},
	"jenis_kelamin":  {"jeniskelamin", "jk", "kelamin", "jeniskelaminnama"},
	"status":         {"status", "jenispegawai", "statuskepegawaian", "statuspegawai", "jenisasn", "jenispegawainama"},
	"golongan":       {"golongan", "gol", "golru", "golonganruang", "golakhir", "golakhirnama"},
	"pangkat":        {"pangkat"},
	"unit_code":      {"unorid", "kodeunit", "kodeunor", "idunor", "unitkode"},
	"unit_name":      {"unornama", "namaunor", "namaunit", "unitkerja"},
	"position_code":  {"jabatanid", "kodejabatan", "idjabatan"},
	"position_name":  {"jabatannama", "namajabatan", "jabatan"},
	"position_kind":  {"jenisjabatan", "jenisjabatannama"},
	"jenjang":        {"jenjang", "jenjangjabatan"},
	"tmt_jabatan":    {"tmtjabatan", "tmt"},
	"tanggal_lahir":  {"tanggallahir", "tgllahir", "tgllhr"},
	"email":          {"email", "surel"},
	"phone":          {"nomorhp", "nohp", "hp", "telepon", "nomortelepon"},
}

// Columns lists the recognised columns in the order the web page shows
// them, with whether each is required.
var Columns = []struct {
	Name     string
	Required bool
	Hint     string
}{
	{"NIP", true, "18 digit"},
	{"NAMA", true, "atau NAMA_LENGKAP; gelar di dalam nama dipisahkan"},
	{"UNOR_ID", true, "kode unit, seperti pada halaman Unit"},
	{"JABATAN_NAMA", true, "atau JABATAN_ID bila jabatan sudah ada"},
	{"JABATAN_ID", false, "kode jabatan"},
	{"JENIS_JABATAN", false, "JPT Pratama, Administrator, Pengawas, Pelaksana, Fungsional"},
	{"JENJANG", false, "untuk fungsional: Ahli Pertama, Terampil, ..."},
	{"STATUS", false, "PNS, CPNS, PPPK atau PPPK Paruh Waktu (bila kosong: menurut NIP)"},
	{"GOLONGAN", false, "III/a untuk PNS, I sampai XVII untuk PPPK"},
	{"PANGKAT", false, ""},
	{"GELAR_DEPAN", false, "gelar depan, atau GLR_DEPAN; mis. Dr. H."},
	{"GELAR_BELAKANG", false, "gelar belakang, atau GLR_BELAKANG; mis. S.H., M.H."},
	{"JENIS_KELAMIN", false, "L atau P"},
	{"TMT_JABATAN", false, "YYYY-MM-DD atau DD-MM-YYYY"},
	{"TANGGAL_LAHIR", false, "harus sama dengan tanggal lahir dalam NIP; bila kosong menurut NIP"},
	{"EMAIL", false, ""},
	{"NOMOR_HP", false, ""},
}

func normHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var headerIndex = func() map[string]string {
	m := map[string]string{}
	for canon, list := range aliases {
		for _, a := range list {
			m[a] = canon
		}
	}
	return m
}()

// Row is one data row of a file: the canonical column → trimmed value, and
// its line in the file (counted from 1, blank lines included), as an
// editor or Excel shows it.
type Row struct {
	Line   int
	Values map[string]string
}

// Get returns a column's value.
func (r Row) Get(col string) string { return r.Values[col] }

// fileError refuses a whole file with the message key and its arguments.
func fileError(key string, args ...any) error { return model.Invalid("file", key, args...) }

// Parse reads a CSV or XLSX file. The type is taken from the content: an
// XLSX file is a ZIP archive. A file that cannot be read, has no header we
// recognise or lacks a required column is refused as a whole.
func Parse(data []byte) ([]Row, error) {
	if len(data) == 0 {
		return nil, fileError("import.file.empty")
	}
	if len(data) > MaxFileSize {
		return nil, fileError("import.file.toobig", float64(len(data))/(1<<20))
	}
	var records []record
	var err error
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		records, err = readXLSX(data)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, fileError("import.file.xls")
	default:
		records, err = readCSV(data)
	}
	if err != nil {
		return nil, err
	}
	return toRows(records)
}

// record is one line of the file as read, with its line (CSV) or row
// (XLSX) number, which is what the admin sees in an editor or in Excel.
type record struct {
	line   int
	fields []string
}

func readXLSX(data []byte) (out []record, err error) {
	// A damaged archive must not take the server down, whatever the
	// library does with it.
	defer func() {
		if recover() != nil {
			out, err = nil, fileError("import.file.xlsx")
		}
	}()
	// Limits keep a ZIP bomb from exhausting memory; raw values give dates
	// as Excel serials, which normDate reads, instead of a locale format.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue: true, UnzipSizeLimit: 256 << 20, UnzipXMLSizeLimit: 32 << 20})
	if err != nil {
		return nil, fileError("import.file.xlsx")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fileError("import.file.nosheet")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, fileError("import.file.sheet")
	}
	defer rows.Close()
	for n := 1; rows.Next(); n++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fileError("import.file.sheet")
		}
		out = append(out, record{line: n, fields: cols})
		if len(out) > MaxRows+1 {
			return nil, fileError("import.file.rows", MaxRows)
		}
	}
	return out, nil
}

func readCSV(data []byte) ([]record, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		// Excel on Windows saves CSV in Windows-1252; map it to UTF-8.
		runes := make([]rune, len(data))
		for i, c := range data {
			runes[i] = rune(c)
		}
		data = []byte(string(runes))
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, fileError("import.file.kind")
	}
	// The delimiter is the one the header line uses most.
	var first []byte
	for rest := data; len(rest) > 0 && len(bytes.TrimSpace(first)) == 0; {
		first, rest, _ = bytes.Cut(rest, []byte("\n"))
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = ','
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	} else if bytes.Count(first, []byte("\t")) > bytes.Count(first, []byte(",")) {
		r.Comma = '\t'
	}
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var out []record
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fileError("import.file.csv.line", pe.Line, pe.Err.Error())
			}
			return nil, fileError("import.file.csv")
		}
		line, _ := r.FieldPos(0)
		out = append(out, record{line: line, fields: rec})
		if len(out) > MaxRows+1 {
			return nil, fileError("import.file.rows", MaxRows)
		}
	}
	return out, nil
}

func toRows(records []record) ([]Row, error) {
	// The header is the first non-empty line.
	start := 0
	for start < len(records) && isBlank(records[start].fields) {
		start++
	}
	if start == len(records) {
		return nil, fileError("import.file.nodata")
	}
	header := records[start].fields
	cols := make([]string, len(header))
	have := map[string]bool{}
	for i, h := range header {
		if c, ok := headerIndex[normHeader(model.CleanCell(h))]; ok && !have[c] {
			cols[i] = c
			have[c] = true
		}
	}
	var missing []string
	if !have["nip"] {
		missing = append(missing, "NIP")
	}
	if !have["nama"] {
		missing = append(missing, "NAMA")
	}
	if !have["unit_code"] {
		missing = append(missing, "UNOR_ID")
	}
	if !have["position_code"] && !have["position_name"] {
		missing = append(missing, "JABATAN_NAMA")
	}
	if len(missing) > 0 {
		return nil, fileError("import.file.columns", strings.Join(missing, ", "))
	}
	var rows []Row
	for i := start + 1; i < len(records); i++ {
		rec := records[i]
		if isBlank(rec.fields) {
			continue
		}
		r := Row{Line: rec.line, Values: map[string]string{}}
		for j, v := range rec.fields {
			if j < len(cols) && cols[j] != "" {
				// Invisible characters copied along with a name (a
				// zero-width space, a direction mark) are removed: they
				// mean nothing in a cell and would make two equal names
				// differ (model.CleanCell).
				r.Values[cols[j]] = model.CleanCell(v)
			}
		}
		// SIASN prints NIPs grouped with spaces; Excel users force text
		// with a leading apostrophe.
		if nip, ok := r.Values["nip"]; ok {
			r.Values["nip"] = strings.TrimPrefix(strings.Join(strings.Fields(nip), ""), "'")
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		return nil, fileError("import.file.headeronly")
	}
	return rows, nil
}

func isBlank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}
