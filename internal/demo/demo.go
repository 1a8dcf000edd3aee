// Package demo builds the demo city, Pemerintah Kota Sawahlunto, and larger
// synthetic cities for load tests.
package demo

import (
	"context"

	"github.com/kinerja-id/kinerja/internal/app"
)

// Password is every demo account's password.
const Password = "sawahlunto"

// Options tune Generate.
type Options struct {
	Employees int   // about 2,000 for the demo city
	Seed      int64 // the same seed gives the same city
}

// Summary tells what Generate made.
type Summary struct {
	InstansiID string
	Units      int
	Employees  int
	Accounts   []Account // a few accounts worth signing in as
}

// Account is a demo account to show on start.
type Account struct {
	Username, Role, Name string
}

// Generate fills an empty database with the city.
func Generate(ctx context.Context, a *app.App, opt Options) (Summary, error) {
	return Summary{}, nil
}

// Accounts lists the accounts worth signing in as in an existing demo city.
func Accounts(ctx context.Context, a *app.App) ([]Account, error) {
	return nil, nil
}
