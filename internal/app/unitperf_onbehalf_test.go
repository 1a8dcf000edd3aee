package app_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A BKPSDM administrator records Bappeda's or the Inspektorat's
// recommendation on their behalf only with a basis (the letter it came
// in); nobody else does; it is shown and audited as such, the body's head
// is told, the body's own later word replaces it (both kept) and closes
// the door to another on its behalf, and a final calibration refuses it
// as it refuses the body's own.
func TestRecommendationOnBehalf(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, po := perfEnv(t, s)
		ctx := context.Background()
		if _, err := e.a.SetUnitPerformanceSettings(ctx, e.admin, model.UnitPerformanceSettings{Setter: model.CapaianSetterKepalaDaerah,
			BKPSDMUnitID: po.bkpsdm.ID, BappedaUnitID: po.bappeda.ID, InspektoratUnitID: po.inspektorat.ID}); err != nil {
			t.Fatal(err)
		}
		kominfo, jan := e.o.Kominfo.ID, po.jan.ID
		const letter = "Surat Inspektorat No. 700/123/2026 tanggal 5 November 2026"
		rec := func(who model.Actor, src model.RecommendationSource, basis string) (app.UnitPerformanceView, error) {
			return e.a.RecommendUnitPerformance(ctx, who, kominfo, jan, app.UnitRecommendationRequest{Source: src, Capaian: model.CapaianButuhPerbaikan,
				Note: "Dua temuan audit belum ditindaklanjuti.", Basis: basis})
		}
		count := func() (int, int) {
			t.Helper()
			v, err := e.a.UnitPerformanceView(ctx, e.admin, kominfo, jan)
			if err != nil {
				t.Fatal(err)
			}
			entries, err := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "unit_performance"})
			if err != nil {
				t.Fatal(err)
			}
			return len(v.Recommendations), len(entries)
		}

		// The rights say it: every source, two of them on the body's behalf.
		v, err := e.a.UnitPerformanceView(ctx, e.admin, kominfo, jan)
		if err != nil || !slices.Equal(v.Can.Sources, model.RecommendationSources) ||
			!slices.Equal(v.Can.OnBehalf, []model.RecommendationSource{model.SourceBappeda, model.SourceInspektorat}) || !v.Can.Recommend {
			t.Fatalf("the admin's rights = %+v, %v", v.Can, err)
		}
		if v, _ := e.a.UnitPerformanceView(ctx, who["inspektur"], kominfo, jan); len(v.Can.OnBehalf) != 0 {
			t.Errorf("the Inspektur records on another's behalf: %+v", v.Can)
		}

		// Without a basis, a too long one, or a basis with one's own: 422, nothing changed.
		for name, c := range map[string]struct {
			src   model.RecommendationSource
			basis string
			key   string
		}{
			"no basis":        {model.SourceInspektorat, "  ", "invalid.unitperf.onbehalf.basis.required"},
			"a long basis":    {model.SourceBappeda, strings.Repeat("x", model.UnitRecommendationBasisMax+1), "invalid.unitperf.onbehalf.basis.long"},
			"basis with own":  {model.SourceBKPSDM, letter, "invalid.unitperf.onbehalf.basis.own"},
			"no basis (bapp)": {model.SourceBappeda, "", "invalid.unitperf.onbehalf.basis.required"},
		} {
			_, err := rec(e.admin, c.src, c.basis)
			var ve *model.ValidationError
			if !errors.As(err, &ve) || ve.Fields["basis"] != c.key {
				t.Errorf("%s: %v", name, err)
			}
		}
		if n, a := count(); n != 0 || a != 0 {
			t.Fatalf("refused recommendations left %d recommendations, %d audit entries", n, a)
		}

		// Nobody but BKPSDM's administrators: the auditor, Bappeda's head,
		// the setter, BKPSDM's own head (not an administrator) get a 403,
		// basis or not.
		for _, c := range []struct {
			name string
			src  model.RecommendationSource
		}{{"auditor", model.SourceBappeda}, {"kabappeda", model.SourceInspektorat}, {"kabkpsdm", model.SourceBappeda},
			{"wali", model.SourceInspektorat}, {"pimpinan", model.SourceBappeda}} {
			if _, err := rec(who[c.name], c.src, letter); !errors.Is(err, model.ErrForbidden) {
				t.Errorf("%s recorded %s's on its behalf: %v", c.name, c.src, err)
			}
		}
		if n, a := count(); n != 0 || a != 0 {
			t.Fatalf("forbidden recommendations left %d recommendations, %d audit entries", n, a)
		}

		// With the basis: recorded, shown as on the body's behalf, audited as such, the Inspektur told.
		v, err = rec(e.admin, model.SourceInspektorat, "  "+letter+" ")
		if err != nil || len(v.Recommendations) != 1 {
			t.Fatalf("on behalf: %+v, %v", v.Recommendations, err)
		}
		onBehalf := v.Recommendations[0]
		if !onBehalf.OnBehalf || onBehalf.Basis != letter || onBehalf.By != e.admin.UserID || onBehalf.Source != model.SourceInspektorat ||
			onBehalf.SupersededBy != "" {
			t.Errorf("recorded = %+v", onBehalf)
		}
		entries, err := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "unit_performance"})
		if err != nil || len(entries) != 1 || entries[0].Action != "unit_performance.recommend_on_behalf" ||
			!strings.Contains(string(entries[0].After), "700/123/2026") {
			t.Errorf("audit = %+v, %v", entries, err)
		}
		nl, err := e.a.ListNotifications(ctx, who["inspektur"], app.NotificationQuery{})
		if err != nil || len(nl.Items) == 0 || nl.Items[0].Kind != "unit_performance.on_behalf" ||
			!strings.Contains(nl.Items[0].Title, "Inspektorat") || !strings.Contains(nl.Items[0].Body, letter) {
			t.Errorf("the Inspektur's notifications = %+v, %v", nl.Items, err)
		}
		doc, err := e.a.PerformanceDocument(ctx, e.admin, kominfo, jan)
		if err != nil || len(doc.Recommendations) != 1 || !strings.Contains(doc.Recommendations[0].ByText(), "atas nama Inspektorat: "+letter) ||
			!strings.HasPrefix(doc.Recommendations[0].ByText(), "Dicatat oleh ") || doc.Recommendations[0].SupersededText() != "" {
			t.Errorf("the penetapan lists %+v, %v", doc.Recommendations, err)
		}

		// The Inspektorat's own later word replaces it; both are kept.
		v, err = rec(who["inspektur"], model.SourceInspektorat, "")
		if err != nil || len(v.Recommendations) != 2 {
			t.Fatalf("the Inspektur's own: %+v, %v", v.Recommendations, err)
		}
		own := v.Recommendations[1]
		if own.OnBehalf || own.Basis != "" || v.Recommendations[0].SupersededBy != own.ID || own.SupersededBy != "" {
			t.Errorf("after the body's own: %+v", v.Recommendations)
		}
		if doc, _ := e.a.PerformanceDocument(ctx, e.admin, kominfo, jan); len(doc.Recommendations) != 2 ||
			!strings.HasPrefix(doc.Recommendations[0].SupersededText(), "Diganti oleh rekomendasi Inspektorat sendiri") {
			t.Errorf("the penetapan after the body's own = %+v", doc.Recommendations)
		}
		// ... and nobody records on its behalf there any more (409).
		if _, err := rec(e.admin, model.SourceInspektorat, letter); stateKey(err) != "conflict.unitperf.onbehalf.own" {
			t.Errorf("on behalf after the body's own: %v", err)
		}

		// ... so the rights no longer offer it: what is offered is what
		// the recording takes.
		offered := func(stage string, want ...model.RecommendationSource) {
			t.Helper()
			v, err := e.a.UnitPerformanceView(ctx, e.admin, kominfo, jan)
			if err != nil || !slices.Equal(v.Can.OnBehalf, want) || slices.Contains(v.Can.Sources, model.SourceInspektorat) ||
				!slices.Contains(v.Can.Sources, model.SourceBKPSDM) {
				t.Errorf("%s: the administrator may record %v, on behalf %v (%v); want on behalf %v", stage, v.Can.Sources, v.Can.OnBehalf, err, want)
			}
		}
		offered("after the Inspektorat's own", model.SourceBappeda)

		// A final calibration refuses it as it refuses the body's own.
		if _, err := rec(e.admin, model.SourceBappeda, "Nota Dinas Bappeda No. 050/77/2026"); err != nil {
			t.Fatal(err)
		}
		offered("after a letter of Bappeda", model.SourceBappeda)
		if _, err := rec(who["kabappeda"], model.SourceBappeda, ""); err != nil {
			t.Fatal(err)
		}
		offered("after Bappeda's own")
		if _, err := rec(e.admin, model.SourceBappeda, "Nota Dinas Bappeda No. 050/78/2026"); stateKey(err) != "conflict.unitperf.onbehalf.own" {
			t.Errorf("on behalf of Bappeda after its own: %v", err)
		}
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], kominfo, jan, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
			Basis: "Rencana aksi Januari tercapai.", Version: 0}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.FinalizeCalibration(ctx, e.admin, kominfo, jan, ""); err != nil {
			t.Fatal(err)
		}
		before, audits := count()
		for _, c := range []struct {
			who model.Actor
			src model.RecommendationSource
		}{{e.admin, model.SourceBappeda}, {who["kabappeda"], model.SourceBappeda}} {
			if _, err := rec(c.who, c.src, map[bool]string{true: "Surat Bappeda No. 050/80/2026"}[c.who.UserID == e.admin.UserID]); stateKey(err) != "conflict.unitperf.calibration.final" {
				t.Errorf("%s after the final calibration: %v", c.src, err)
			}
		}
		if n, a := count(); n != before || a != audits {
			t.Errorf("refused after final: %d→%d recommendations, %d→%d audit entries", before, n, audits, a)
		}
		if v, _ := e.a.UnitPerformanceView(ctx, e.admin, kominfo, jan); v.Can.Recommend || len(v.Can.OnBehalf) != 0 {
			t.Errorf("rights on a final calibration = %+v", v.Can)
		}
	})
}
