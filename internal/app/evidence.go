package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// TooLargeError refuses an evidence file over the instansi's limit.
type TooLargeError struct{ Max int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("evidence file over %d bytes", e.Max)
}

// Unwrap makes a TooLargeError a model.ErrTooLarge.
func (e *TooLargeError) Unwrap() error { return model.ErrTooLarge }

// Upload is an evidence file stored and checked, waiting to be attached.
type Upload struct {
	Blob blob.Blob
	Name string // the file's name as sent, for downloads
}

// EvidenceLimit is the instansi's size limit for one evidence file.
func (a *App) EvidenceLimit(ctx context.Context, instansiID string) int64 {
	n, err := a.store.EvidenceMaxBytes(ctx, instansiID)
	if err != nil || n <= 0 {
		return 10 << 20
	}
	return n
}

// StoreUpload checks and stores an evidence file the actor sends: within
// the instansi's size limit and of a kind accepted, told from its content.
// The file is attached by SubmitProgress or AddEvidence.
func (a *App) StoreUpload(ctx context.Context, actor model.Actor, name string, r io.Reader) (Upload, error) {
	if a.blobs == nil {
		return Upload{}, model.Invalid("file", "invalid.evidence.unconfigured")
	}
	max := a.EvidenceLimit(ctx, actor.InstansiID)
	b, err := a.blobs.Put(ctx, r, max)
	var te *blob.TypeError
	switch {
	case errors.As(err, &te):
		return Upload{}, model.Invalid("file", "invalid.evidence.type", detectedKind(te.Detected), model.Msg("invalid.evidence.allowed"))
	case errors.Is(err, model.ErrTooLarge):
		return Upload{}, &TooLargeError{Max: max}
	case err != nil:
		return Upload{}, err
	}
	return Upload{Blob: b, Name: cleanFileName(name, b.Ext)}, nil
}

// cleanFileName keeps a sent file name readable and harmless: no path, no
// character text may not hold (model.CleanCell: control, direction and
// zero-width characters are removed, so U+202E cannot make "gpj.exe" read
// as "exe.jpg"), at most 120 characters, with the extension of the
// detected type.
func cleanFileName(name, ext string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`"/\:*?<>|`, r) {
			return -1
		}
		return r
	}, model.CleanCell(name))
	name = strings.TrimSuffix(strings.TrimSpace(name), filepath.Ext(name))
	if name == "" || name == "." {
		name = "bukti-dukung"
	}
	for utf8.RuneCountInString(name) > 120 {
		name = string([]rune(name)[:120])
	}
	return name + ext
}

// attach records uploads on a target in tx.
func attach(ctx context.Context, tx *store.Tx, actor model.Actor, t workTarget, typ, id string, uploads []Upload) ([]model.Evidence, error) {
	var out []model.Evidence
	for _, u := range uploads {
		e, err := tx.CreateEvidence(ctx, model.Evidence{InstansiID: t.InstansiID, OwnerID: t.OwnerID, TargetType: typ, TargetID: id,
			Kind: "file", SHA256: u.Blob.SHA256, Size: u.Blob.Size, ContentType: u.Blob.ContentType, FileName: u.Name, CreatedBy: actor.EmployeeID})
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// evidenceTarget resolves a target the actor may attach evidence to: only
// the owner of the work attaches evidence to it.
func (a *App) evidenceTarget(ctx context.Context, actor model.Actor, typ, id string) (workTarget, error) {
	switch typ {
	case TargetProgress, TargetRealisasi, TargetSKP, TargetRHK, TargetObjection:
	default:
		return workTarget{}, model.Invalid("target_type", "invalid.evidence.target")
	}
	t, err := a.evidenceOwner(ctx, typ, id)
	if err != nil {
		return t, err
	}
	if err := a.canSeeWorkOf(ctx, actor, t.InstansiID, t.OwnerID); err != nil {
		return t, fmt.Errorf("%s %s: %w", typ, id, model.ErrNotFound)
	}
	if t.OwnerID != actor.EmployeeID {
		return t, forbidden("attach evidence to another employee's work")
	}
	return t, a.evidenceOpen(ctx, typ, id)
}

// evidenceOpen is the rule of the year for evidence on a progress entry or
// a realisasi: it is attached or removed only while the entry (a returned
// one as it is fixed, see mayReportOn) or the realisasi (see
// realisasiRefused) may be changed; otherwise a field error on "file"
// says why. Evidence on an SKP or an RHK belongs to the plan, not to a
// period's report, and is not held by it.
func (a *App) evidenceOpen(ctx context.Context, typ, id string) error {
	switch typ {
	case TargetObjection:
		return a.objectionEvidenceOpen(ctx, id)
	case TargetProgress:
		p, err := a.store.Progress(ctx, id)
		if err != nil {
			return err
		}
		return a.mayReportOn(ctx, p.InstansiID, "file", p.WorkDate, returnedDate(p))
	case TargetRealisasi:
		r, err := a.store.RealisasiByID(ctx, id)
		if err != nil {
			return err
		}
		p, err := a.store.Period(ctx, r.PeriodID)
		if err != nil {
			return err
		}
		if err := a.realisasiOpen(ctx, p); err != nil {
			return model.InvalidErr("file", err)
		}
	}
	return nil
}

// evidenceOwner resolves an evidence target: a record of someone's work
// (target), or an objection, whose evidence is not a feedback target.
func (a *App) evidenceOwner(ctx context.Context, typ, id string) (workTarget, error) {
	if typ == TargetObjection {
		return a.objectionTarget(ctx, id)
	}
	return a.target(ctx, typ, id)
}

// returnedDate is the date of a returned entry, for the rule of the year
// on fixing it; "" for an entry not returned.
func returnedDate(p model.Progress) model.Date {
	if p.Status == model.ProgressReturned {
		return p.WorkDate
	}
	return ""
}

// withoutDelete takes the right to remove evidence away while its record
// is closed by the rule of the year (evidenceOpen).
func withoutDelete(list []EvidenceView, open bool) []EvidenceView {
	if !open {
		for i := range list {
			list[i].Can.Delete = false
		}
	}
	return list
}

// MayAttach tells whether the actor may attach evidence to a target, so
// that a refused upload is not stored at all.
func (a *App) MayAttach(ctx context.Context, actor model.Actor, typ, id string) error {
	_, err := a.evidenceTarget(ctx, actor, typ, id)
	return err
}

// AddEvidence attaches a stored upload to a record of the actor's work.
func (a *App) AddEvidence(ctx context.Context, actor model.Actor, typ, id string, u Upload) (EvidenceView, error) {
	t, err := a.evidenceTarget(ctx, actor, typ, id)
	if err != nil {
		return EvidenceView{}, err
	}
	var out []model.Evidence
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		out, err = attach(ctx, tx, actor, t, typ, id, []Upload{u})
		return err
	})
	if err != nil {
		return EvidenceView{}, err
	}
	return evidenceView(actor, out[0]), nil
}

// AttachFile checks, stores and attaches a file the actor sends to a
// record of their own work, in that order: a refused target stores
// nothing, a refused file attaches nothing.
func (a *App) AttachFile(ctx context.Context, actor model.Actor, typ, id, name string, r io.Reader) (EvidenceView, error) {
	if err := a.MayAttach(ctx, actor, typ, id); err != nil {
		return EvidenceView{}, err
	}
	up, err := a.StoreUpload(ctx, actor, name, r)
	if err != nil {
		return EvidenceView{}, err
	}
	return a.AddEvidence(ctx, actor, typ, id, up)
}

// AddEvidenceLink attaches a link (a shared drive, a published page) as
// evidence to a record of the actor's work.
func (a *App) AddEvidenceLink(ctx context.Context, actor model.Actor, typ, id, link, title string) (EvidenceView, error) {
	t, err := a.evidenceTarget(ctx, actor, typ, id)
	if err != nil {
		return EvidenceView{}, err
	}
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(link) > 2000 {
		return EvidenceView{}, model.Invalid("url", "invalid.evidence.link")
	}
	if err := model.TextError("url", link, false); err != nil {
		return EvidenceView{}, err
	}
	title = strings.TrimSpace(title)
	if err := model.TextError("title", title, false); err != nil {
		return EvidenceView{}, err
	}
	if title == "" {
		title = u.Host
	}
	var e model.Evidence
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		e, err = tx.CreateEvidence(ctx, model.Evidence{InstansiID: t.InstansiID, OwnerID: t.OwnerID, TargetType: typ, TargetID: id,
			Kind: "link", URL: u.String(), FileName: short(title, 120), CreatedBy: actor.EmployeeID})
		return err
	})
	return evidenceView(actor, e), err
}

// EvidenceView is an evidence item with what the actor may do with it.
type EvidenceView struct {
	model.Evidence
	Can EvidenceRights
}

// EvidenceRights are what the actor may do with an evidence item.
type EvidenceRights struct {
	Delete bool // remove it from the record (the owner of the work)
}

// mayDeleteEvidence is the rule for removing evidence the actor sees: only
// the owner of the work it supports. DeleteEvidence enforces it;
// EvidenceRights.Delete shows it.
func mayDeleteEvidence(actor model.Actor, e model.Evidence) error {
	if actor.EmployeeID == "" || e.OwnerID != actor.EmployeeID {
		return forbidden("remove evidence from another employee's work")
	}
	return nil
}

func evidenceView(actor model.Actor, e model.Evidence) EvidenceView {
	return EvidenceView{Evidence: e, Can: EvidenceRights{Delete: mayDeleteEvidence(actor, e) == nil}}
}

func evidenceViews(actor model.Actor, list []model.Evidence) []EvidenceView {
	out := make([]EvidenceView, len(list))
	for i, e := range list {
		out[i] = evidenceView(actor, e)
	}
	return out
}

// EvidenceOf lists the evidence on a target the actor may see.
func (a *App) EvidenceOf(ctx context.Context, actor model.Actor, typ, id string) ([]EvidenceView, error) {
	t, err := a.evidenceOwner(ctx, typ, id)
	if err != nil {
		return nil, err
	}
	if err := a.canSeeWorkOf(ctx, actor, t.InstansiID, t.OwnerID); err != nil {
		return nil, fmt.Errorf("%s %s: %w", typ, id, model.ErrNotFound)
	}
	m, err := a.store.EvidenceOn(ctx, typ, []string{id})
	return evidenceViews(actor, m[id]), err
}

// EvidenceFile opens an evidence file for someone who may see its target:
// the owner, their line, administrators. Others are told it does not exist.
func (a *App) EvidenceFile(ctx context.Context, actor model.Actor, id string) (model.Evidence, *os.File, error) {
	e, err := a.store.EvidenceByID(ctx, id)
	if err != nil {
		return e, nil, err
	}
	if err := a.canSeeWorkOf(ctx, actor, e.InstansiID, e.OwnerID); err != nil {
		return model.Evidence{}, nil, fmt.Errorf("evidence %s: %w", id, model.ErrNotFound)
	}
	if e.Kind != "file" || a.blobs == nil {
		return e, nil, fmt.Errorf("evidence %s has no file: %w", id, model.ErrNotFound)
	}
	f, err := a.blobs.Open(e.SHA256)
	return e, f, err
}

// DeleteEvidence removes an attachment from the actor's own work; its file
// is deleted only when no other record uses it.
func (a *App) DeleteEvidence(ctx context.Context, actor model.Actor, id string) error {
	e, err := a.store.EvidenceByID(ctx, id)
	if err != nil {
		return err
	}
	if err := a.canSeeWorkOf(ctx, actor, e.InstansiID, e.OwnerID); err != nil {
		return fmt.Errorf("evidence %s: %w", id, model.ErrNotFound)
	}
	if err := mayDeleteEvidence(actor, e); err != nil {
		return err
	}
	if err := a.evidenceOpen(ctx, e.TargetType, e.TargetID); err != nil {
		return err
	}
	var used bool
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		_, used, err = tx.DeleteEvidence(ctx, id)
		return err
	})
	if err != nil || used || e.SHA256 == "" || a.blobs == nil {
		return err
	}
	return a.blobs.Remove(e.SHA256)
}

// SetEvidenceLimit changes the instansi's size limit for evidence files
// (BKPSDM), between 1 and 100 MB.
func (a *App) SetEvidenceLimit(ctx context.Context, actor model.Actor, mb int) error {
	if !authz.Can(actor, authz.ManagePeriods, authz.Target{InstansiID: actor.InstansiID}) {
		return forbidden("set the evidence size limit")
	}
	if mb < model.MinEvidenceMB || mb > model.MaxEvidenceMB {
		return model.Invalid("evidence_max_mb", "invalid.evidence.maxmb")
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error {
		return tx.SetEvidenceMaxBytes(ctx, actor.InstansiID, int64(mb)<<20)
	})
}

// detectedKinds gives the message key of each kind of file the blob store
// refuses, by the words it names it with.
var detectedKinds = map[string]string{
	"berkas kosong":           "invalid.evidence.kind.empty",
	"video atau media lain":   "invalid.evidence.kind.media",
	"program Windows":         "invalid.evidence.kind.windows",
	"program Linux":           "invalid.evidence.kind.linux",
	"program macOS atau Java": "invalid.evidence.kind.macos",
	"skrip":                   "invalid.evidence.kind.script",
	"arsip zip":               "invalid.evidence.kind.zip",
	"jenis tidak dikenal":     "invalid.evidence.kind.unknown",
	"halaman web atau XML":    "invalid.evidence.kind.markup",
	"arsip rusak":             "invalid.evidence.kind.broken",
	"dokumen Office bermakro": "invalid.evidence.kind.macro",
	"penginstal Windows":      "invalid.evidence.kind.installer",
}

// detectedKind names a refused kind of file as a message; a kind without
// a key is named as the blob store names it.
func detectedKind(detected string) any {
	if key, ok := detectedKinds[detected]; ok {
		return model.Msg(key)
	}
	return detected
}
