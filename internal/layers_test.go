// Package internal_test holds the test that keeps Kinerja's layers apart.
package internal_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/kinerja-id/kinerja/internal/"

// forbidden lists, for each package, the packages of ours its non-test
// files must not import. The layers run one way:
//
//	cli → server → web | api → app → store, authz, live, blob, export → model
//
// web and api reach the data and the rules only through app, whose read
// models carry the actor's rights, so no handler can skip a check or
// re-derive a rule; model imports nothing of ours. Tests may reach below
// their layer to build fixtures.
var forbidden = map[string][]string{
	"model":  {"*"},
	"store":  {"app", "authz", "live", "blob", "export", "notify", "web", "api", "server", "cli", "demo", "importer", "locale", "httpx"},
	"authz":  {"app", "store", "live", "blob", "web", "api", "server", "cli", "demo"},
	"live":   {"*"},
	"blob":   {"app", "store", "authz", "live", "web", "api", "server", "cli", "demo"},
	"export": {"app", "store", "authz", "live", "blob", "web", "api", "server", "cli", "demo"},
	"locale": {"app", "store", "authz", "live", "blob", "web", "api", "server", "cli", "demo"},
	"app":    {"web", "api", "server", "cli", "demo", "httpx"},
	"web":    {"store", "blob", "live", "authz", "notify", "api", "server", "cli", "demo"},
	"api":    {"store", "blob", "live", "authz", "notify", "web", "server", "cli", "demo"},
	"server": {"store", "blob", "live", "authz", "notify", "cli"},
}

func TestLayers(t *testing.T) {
	for pkg, bad := range forbidden {
		files, err := filepath.Glob(filepath.Join(pkg, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("package %s has no Go files (%v): keep this table in step with the tree", pkg, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			parsed, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range parsed.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				ours, ok := strings.CutPrefix(path, module)
				if !ok {
					continue
				}
				top, _, _ := strings.Cut(ours, "/")
				if top == pkg {
					continue
				}
				if slices.Contains(bad, "*") || slices.Contains(bad, top) {
					t.Errorf("%s imports %s: %s must not reach %s (see docs/architecture.md)", f, path, pkg, top)
				}
			}
		}
	}
}
