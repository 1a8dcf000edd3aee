package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/demo"
)

func runSeed(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("seed", env)
	db := dbFlag(fs, env)
	n := fs.Int("employees", 2000, "number of employees of the synthetic city")
	seed := fs.Int64("seed", 1, "random seed: the same seed gives the same city")
	assessed := fs.Bool("assessed", false, "also assess the year's past periods as the demo city does (ratings, calibration, keberatan)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *n < 50 || *n > 200000 {
		return usageError{fmt.Sprintf("--employees must be between 50 and 200000, not %d", *n)}
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	s, err := openStore(ctx, *db, log)
	if err != nil {
		return err
	}
	a := app.New(s, log, app.Options{Demo: true})
	defer a.Close()
	empty, err := a.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if !empty {
		return fmt.Errorf("the database already holds data; seed an empty database")
	}
	start := time.Now()
	// How far it is goes to stderr, so stdout keeps the one summary line.
	prog := newProgress(env.Stderr)
	sum, err := demo.Generate(ctx, s, a, demo.Options{Employees: *n, Seed: *seed, Progress: prog.update,
		SkipAssessments: !*assessed})
	prog.end()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "seeded %d units and %d employees in %s\n", sum.Units, sum.Employees, time.Since(start).Round(time.Millisecond))
	return nil
}
