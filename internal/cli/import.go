package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

func runImport(ctx context.Context, args []string, env Env) error {
	if len(args) == 0 || args[0] != "employees" {
		return usageError{"usage: kinerja import employees FILE [--apply] [--instansi ID] [--db ...]"}
	}
	fs := newFlagSet("import employees", env)
	db := dbFlag(fs, env)
	apply := fs.Bool("apply", false, "write the valid rows (without it: a dry run that changes nothing)")
	instansi := fs.String("instansi", "", "instansi id, when the database holds several")
	files, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usageError{"import employees needs exactly one FILE (CSV or XLSX)"}
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		return fmt.Errorf("read %s: %w", files[0], err)
	}
	a, err := openApp(ctx, *db, slog.New(slog.NewTextHandler(io.Discard, nil)), false)
	if err != nil {
		return err
	}
	defer a.Close()
	in, err := a.SoleInstansi(ctx, *instansi)
	if err != nil {
		return err
	}
	rep, err := a.ImportEmployees(ctx, model.SystemActor(in.ID, "import"), filepath.Base(files[0]), data, *apply)
	var blocked *app.ImportBlockedError
	if errors.As(err, &blocked) {
		// Refused as a whole: everything the preview finds, then the
		// refusal.
		printReport(env.Stdout, blocked.Report.In(locale.Default))
		return err
	}
	if err != nil {
		return err
	}
	printReport(env.Stdout, rep.In(locale.Default))
	return nil
}

// printReport writes the report for the admin at the terminal, in
// Bahasa Indonesia like the row reasons it lists.
func printReport(w io.Writer, rep importer.Report) {
	mode := "Pratinjau, belum ada yang disimpan"
	if rep.Applied {
		mode = "Diterapkan"
	}
	fmt.Fprintf(w, "%s: %s\n%d baris: %d dibuat, %d diperbarui, %d tidak berubah, %d ditolak\n",
		mode, rep.FileName, rep.Total, rep.Created, rep.Updated, rep.Unchanged, rep.Rejected)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	if rep.Rejected > 0 {
		fmt.Fprintln(tw, "\nBaris yang ditolak:\nBARIS\tKOLOM\tNIP\tALASAN")
		for _, r := range rep.Rows {
			if r.Action == importer.ActionReject {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", r.Row, cmp.Or(r.Column, "-"), cmp.Or(r.NIP, "-"), r.Reason)
			}
		}
	}
	if rep.Updated > 0 {
		fmt.Fprintln(tw, "\nBaris yang diperbarui:\nBARIS\tNIP\tPERUBAHAN")
		for _, r := range rep.Rows {
			if r.Action == importer.ActionUpdate {
				for i, c := range r.Changes {
					if i == 0 {
						fmt.Fprintf(tw, "%d\t%s\t%s\n", r.Row, r.NIP, c)
					} else {
						fmt.Fprintf(tw, "\t\t%s\n", c)
					}
				}
			}
		}
	}
	// A new employee who may be someone already recorded under another
	// number is named, not taken for them: the admin decides.
	var notes []importer.RowResult
	for _, r := range rep.Rows {
		if r.Action == importer.ActionCreate && r.NoteText != "" {
			notes = append(notes, r)
		}
	}
	if len(notes) > 0 {
		fmt.Fprintln(tw, "\nPegawai baru yang mungkin sudah tercatat:\nBARIS\tNIP\tCATATAN")
		for _, r := range notes {
			fmt.Fprintf(tw, "%d\t%s\t%s\n", r.Row, r.NIP, r.NoteText)
		}
	}
	// New posts are listed once each, so that a misspelt position name is
	// seen before it becomes a post of its own.
	var posts []string
	rowsOf := map[string][]string{}
	for _, r := range rep.Rows {
		if r.NewPosition && r.Action != importer.ActionReject {
			key := r.Unit + "\t" + r.Position
			if rowsOf[key] == nil {
				posts = append(posts, key)
			}
			rowsOf[key] = append(rowsOf[key], fmt.Sprint(r.Row))
		}
	}
	if len(posts) > 0 {
		verb := "akan dibuat"
		if rep.Applied {
			verb = "dibuat"
		}
		fmt.Fprintf(tw, "\nJabatan baru yang %s:\nUNIT\tJABATAN\tBARIS\n", verb)
		for _, key := range posts {
			fmt.Fprintf(tw, "%s\t%s\n", key, strings.Join(rowsOf[key], ", "))
		}
	}
	tw.Flush()
	if rep.BlockedText != "" {
		fmt.Fprintf(w, "\n%s\n%s\n", rep.BlockedText, locale.T(locale.Default, "import.blocked.note"))
	}
	printWarnings(w, rep.Warnings)
	switch {
	case rep.BlockedText != "":
	case !rep.Applied && rep.Created+rep.Updated > 0:
		fmt.Fprintln(w, "\nJalankan lagi dengan --apply untuk menyimpan baris yang dibuat dan diperbarui.")
	case rep.Created+rep.Updated == 0:
		fmt.Fprintln(w, "\nTidak ada perubahan untuk disimpan.")
	}
}

// printWarnings writes what a previewed file does to who rates whom,
// every person of every warning (a terminal pages by itself).
func printWarnings(w io.Writer, ws []importer.RaterWarning) {
	if len(ws) == 0 {
		return
	}
	t := func(key string, args ...any) string { return locale.T(locale.Default, key, args...) }
	fmt.Fprintf(w, "\n%s:\n", t("import.warn.title"))
	for _, g := range ws {
		fmt.Fprintf(w, "\n- %s\n", g.Text)
		for _, c := range g.People {
			before, after := cmp.Or(c.RaterBefore, t("import.warn.nobody")), cmp.Or(c.RaterAfter, t("import.warn.nobody"))
			if c.UpperBefore != "" || c.UpperAfter != "" {
				fmt.Fprintf(w, "  %s (%s): %s %s → %s (%s)", c.Name, c.NIP, t("import.warn.col.upper"), cmp.Or(c.UpperBefore, t("import.warn.nobody")),
					cmp.Or(c.UpperAfter, t("import.warn.nobody")), t("import.warn.rater.same", after))
			} else {
				fmt.Fprintf(w, "  %s (%s): %s → %s", c.Name, c.NIP, before, after)
			}
			if c.RaterAfterPosition != "" && c.UpperBefore == "" && c.UpperAfter == "" {
				fmt.Fprintf(w, " (%s)", t("import.warn.through", c.RaterAfterPosition))
			}
			if c.Moved {
				fmt.Fprintf(w, "; %s", t("import.warn.moved"))
			}
			if c.SKPWaiting {
				fmt.Fprintf(w, "; %s %s", t("import.warn.col.skp"), t("import.warn.skp.waiting"))
			}
			if c.SKPInForce {
				fmt.Fprintf(w, "; %s %s", t("import.warn.col.skp"), t("import.warn.skp.inforce"))
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintf(w, "\n%s\n", t("import.warn.skp.note"))
}
