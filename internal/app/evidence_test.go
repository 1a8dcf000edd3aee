package app_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestEvidence(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		blobs, err := blob.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		e.a.UseBlobs(blobs)
		skp := approvedStaffSKP(t, e, s, who["staff1"])
		staff := who["staff1"]
		report := blob.SamplePDF("Laporan harian", "Tiga layanan diuji")

		up, err := e.a.StoreUpload(ctx, staff, `C:\Users\andi\laporan "final".pdf`, bytes.NewReader(report))
		if err != nil || up.Name != "laporan final.pdf" || up.Blob.ContentType != "application/pdf" {
			t.Fatalf("upload = %+v, %v", up, err)
		}
		p, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-03-02", RHKID: skp.RHK[0].ID, Description: "Uji layanan", Minutes: 60}, up)
		if err != nil {
			t.Fatal(err)
		}
		list, err := e.a.EvidenceOf(ctx, who["kabid"], app.TargetProgress, p.ID)
		if err != nil || len(list) != 1 || list[0].SHA256 != up.Blob.SHA256 {
			t.Fatalf("evidence seen by the supervisor = %+v, %v", list, err)
		}
		ev, f, err := e.a.EvidenceFile(ctx, who["kabid"], list[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(f)
		f.Close()
		if !bytes.Equal(got, report) || ev.FileName != "laporan final.pdf" {
			t.Errorf("the supervisor's download differs (%s)", ev.FileName)
		}
		for _, outsider := range []string{"staff2", "nurse"} {
			if _, _, err := e.a.EvidenceFile(ctx, who[outsider], list[0].ID); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s fetched the file: %v", outsider, err)
			}
		}

		// Refused: a program renamed .pdf, and a file over the limit.
		var v *model.ValidationError
		exe := append([]byte("MZ\x90\x00"), bytes.Repeat([]byte{0}, 4000)...)
		if _, err := e.a.StoreUpload(ctx, staff, "laporan.pdf", bytes.NewReader(exe)); !errors.As(err, &v) || v.Fields["file"] == "" {
			t.Errorf("an executable named .pdf: %v", err)
		}
		if err := e.a.SetEvidenceLimit(ctx, staff, 1); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an ASN set the limit: %v", err)
		}
		if err := e.a.SetEvidenceLimit(ctx, e.admin, 1); err != nil {
			t.Fatal(err)
		}
		big := blob.SamplePDF("Besar", string(bytes.Repeat([]byte("data "), 300_000)))
		var tl *app.TooLargeError
		if _, err := e.a.StoreUpload(ctx, staff, "besar.pdf", bytes.NewReader(big)); !errors.As(err, &tl) || !errors.Is(err, model.ErrTooLarge) || tl.Max != 1<<20 {
			t.Errorf("a file over 1 MB: %v", err)
		}

		// The same file on two records is stored once and kept until the last goes.
		second, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-03-02", Description: "Rapat", Minutes: 30}, up)
		if err != nil {
			t.Fatal(err)
		}
		other, _ := e.a.EvidenceOf(ctx, staff, app.TargetProgress, second.ID)
		if err := e.a.DeleteEvidence(ctx, who["staff2"], other[0].ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague deleted the evidence: %v", err)
		}
		if err := e.a.DeleteEvidence(ctx, staff, list[0].ID); err != nil || !blobs.Exists(up.Blob.SHA256) {
			t.Fatalf("the file another record uses was deleted: %v", err)
		}
		if err := e.a.DeleteEvidence(ctx, staff, other[0].ID); err != nil || blobs.Exists(up.Blob.SHA256) {
			t.Errorf("the file no record uses was kept: %v", err)
		}

		// Links.
		if _, err := e.a.AddEvidenceLink(ctx, staff, app.TargetProgress, p.ID, "javascript:alert(1)", ""); !errors.As(err, &v) {
			t.Errorf("a script link: %v", err)
		}
		l, err := e.a.AddEvidenceLink(ctx, staff, app.TargetProgress, p.ID, "https://drive.example.go.id/berkas/123", "Folder bukti")
		if err != nil || l.Kind != "link" || l.FileName != "Folder bukti" {
			t.Errorf("link = %+v, %v", l, err)
		}
		if _, err := e.a.AddEvidenceLink(ctx, who["kabid"], app.TargetProgress, p.ID, "https://x.example/", ""); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the supervisor attached evidence to the ASN's entry: %v", err)
		}
	})
}
