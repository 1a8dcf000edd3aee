package demo

// Fictional names for the demo city. Given names and family-style second
// names common in West Sumatra and across Indonesia are combined at random;
// no combination is meant to name a real person.
var (
	menNames = []string{"Ahmad", "Rahmat", "Andi", "Budi", "Fajar", "Hendra", "Irwan", "Joni", "Zulkifli",
		"Rizki", "Yusuf", "Arif", "Dedi", "Eko", "Ferdi", "Gusti", "Hadi", "Ikhsan", "Jefri", "Khairul",
		"Mulyadi", "Nofrizal", "Oktavianus", "Putra", "Randi", "Syafri", "Taufik", "Yulianto", "Zainal",
		"Afrizal", "Boy", "Darmawan", "Efendi", "Firdaus", "Hasan", "Indra", "Jasman", "Kasmir", "Lukman",
		"Masri", "Nasrul", "Rusli", "Syahrial", "Wendi", "Yoserizal", "Alfian", "Bima", "Dodi", "Erizal"}
	womenNames = []string{"Siti", "Rina", "Dewi", "Fitri", "Yuliana", "Nurhayati", "Rahmawati", "Sri",
		"Yenni", "Desi", "Elvi", "Fauziah", "Gusnita", "Hafizah", "Indah", "Jusnimar", "Kartini", "Lina",
		"Mardiana", "Novita", "Oktaviani", "Putri", "Rosmaini", "Susanti", "Tati", "Ulfa", "Vivi", "Wulan",
		"Yusnidar", "Zurniati", "Afni", "Betty", "Citra", "Dian", "Erna", "Febrianti", "Hartati", "Ismawati",
		"Lestari", "Mega", "Nelly", "Rahmi", "Sartika", "Widya", "Yelni", "Zuraida", "Ayu", "Delvi"}
	menSecond = []string{"Pratama", "Saputra", "Hidayat", "Syahputra", "Rahman", "Kurniawan", "Susanto",
		"Anwar", "Yusuf", "Hasibuan", "Chaniago", "Piliang", "Koto", "Sikumbang", "Tanjung", "Jambak",
		"Melayu", "Caniago", "Mardani", "Gunawan", "Firmansyah", "Maulana", "Ramadhan", "Wijaya", "Setiawan",
		"Nugroho", "Harahap", "Nasution", "Zulfikar", "Efendi", "Arifin", "Yulisman", "Darmawan", "Hamdani", "Rizal"}
	womenSecond = []string{"Lestari", "Wahyuni", "Handayani", "Permata", "Sari", "Novita", "Putri", "Syafitri",
		"Amelia", "Fitriani", "Rosyidah", "Marlina", "Safitri", "Oktavia", "Afriani", "Suryani", "Chaniago",
		"Piliang", "Koto", "Tanjung", "Sikumbang", "Jambak", "Anggraini", "Rahmadani", "Maharani", "Yulianti"}
)
