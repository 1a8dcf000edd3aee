package locale

// The messages of input refused where it is read: numbers no record can
// hold, and characters text may not hold (model.TextFault).
var inputID = map[string]string{
	"invalid.field.range":        "Isi dengan bilangan bulat dari 0 sampai %d",
	"invalid.field.between":      "Isi dengan bilangan bulat dari %d sampai %d",
	"invalid.field.large":        "Angka ini terlalu besar",
	"invalid.field.badtext.char": "Berisi karakter tersembunyi atau karakter kendali yang tidak diizinkan (%s); hapus lalu ketik ulang teksnya",
}

var inputEN = map[string]string{
	"invalid.field.range":        "Give a whole number from 0 to %d",
	"invalid.field.between":      "Give a whole number from %d to %d",
	"invalid.field.large":        "This number is too large",
	"invalid.field.badtext.char": "Holds a hidden or control character that is not allowed (%s); delete it and type the text again",
}

func init() {
	for k, v := range inputID {
		catalogs["id"][k] = v
	}
	for k, v := range inputEN {
		catalogs["en"][k] = v
	}
}
