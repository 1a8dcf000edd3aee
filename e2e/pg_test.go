package e2e

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"

	"github.com/jackc/pgx/v5"
)

// freshSchema creates a new schema for the browser tests' server and
// returns a URL that selects it. The schema is left for the database's
// owner to drop with the others named kt_*; the test database is scratch.
func freshSchema(url string) (string, error) {
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		return "", err
	}
	defer conn.Close(context.Background())
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "kt_e2e_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(context.Background(), "CREATE SCHEMA "+schema); err != nil {
		return "", err
	}
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	return url + sep + "search_path=" + schema, nil
}
