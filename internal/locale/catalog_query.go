package locale

// The query parameters an API route does not know.
func init() {
	catalogs["id"]["invalid.query.unknown"] = "Parameter ini tidak dikenal di sini; yang diterima: %s."
	catalogs["id"]["invalid.query.unknown.none"] = "Parameter ini tidak dikenal di sini; alamat ini tidak menerima parameter."
	catalogs["en"]["invalid.query.unknown"] = "This parameter is not known here; accepted: %s."
	catalogs["en"]["invalid.query.unknown.none"] = "This parameter is not known here; this address takes no parameters."
}
