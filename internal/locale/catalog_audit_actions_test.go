package locale

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// auditWriters are the functions of store that write an audit entry, with
// the action as their first argument after ctx.
var auditWriters = []string{"audit", "Audit", "auditRow", "UpdateAssessment", "SetCalibration", "UpdateObjection"}

// auditFamilies are the actions store composes at run time as a prefix
// and a value of model: the prefix, and the model constants whose values
// follow it (by type name, or by name prefix for untyped constants).
var auditFamilies = map[string]string{
	"skp.":          "SKPAction",      // store.SetSKPStatus: "skp." + action
	"need.":         "NeedAction",     // store.UpdateNeed: "need." + act
	"followup.":     "FollowUpStatus", // store.UpdateFollowUp: "followup." + status
	"progress.":     "ProgressStatus", // store.ReviewProgress: "progress." + status
	"rhk_proposal.": "Proposal",       // store.DecideProposal: "rhk_proposal." + status
}

// modelConstants returns the values of model's string constants declared
// with type name, or, untyped, with a name starting with name.
func modelConstants(t *testing.T, name string) []string {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(root, "internal", "model", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	var out []string
	for _, p := range files {
		ast.Inspect(p, func(n ast.Node) bool {
			g, ok := n.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				return true
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				typed := false
				if id, ok := vs.Type.(*ast.Ident); ok && id.Name == name {
					typed = true
				}
				for i, n := range vs.Names {
					if i >= len(vs.Values) || (!typed && (vs.Type != nil || !strings.HasPrefix(n.Name, name))) {
						continue
					}
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						v, _ := strconv.Unquote(lit.Value)
						out = append(out, v)
					}
				}
			}
			return false
		})
	}
	return out
}

// auditActions collects every action store and app write to the audit
// log, from the source: literal actions, and the run-time families of
// auditFamilies. A call that builds its action another way fails, so that
// no action escapes the catalog.
func auditActions(t *testing.T) map[string]string {
	t.Helper()
	actions := map[string]string{} // action → where it is written
	fset := token.NewFileSet()
	for _, dir := range []string{"internal/store", "internal/app"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			var fn *ast.FuncDecl
			ast.Inspect(f, func(n ast.Node) bool {
				if d, ok := n.(*ast.FuncDecl); ok {
					fn = d
				}
				c, ok := n.(*ast.CallExpr)
				if !ok || len(c.Args) < 4 || !slices.Contains(auditWriters, calledName(c)) {
					return true
				}
				var arg ast.Expr
				for _, a := range c.Args {
					if id, ok := a.(*ast.Ident); ok && id.Name == "ctx" {
						continue
					}
					arg = a
					break
				}
				at := fset.Position(c.Pos()).String()
				switch a := arg.(type) {
				case *ast.BasicLit:
					if a.Kind == token.STRING {
						s, _ := strconv.Unquote(a.Value)
						actions[s] = at
						return true
					}
				case *ast.Ident:
					// A writer handing on its own action parameter: its
					// callers are checked instead.
					if a.Name == "action" && fn != nil && slices.Contains(auditWriters, fn.Name.Name) {
						return true
					}
				case *ast.BinaryExpr:
					if lit, ok := a.X.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						prefix, _ := strconv.Unquote(lit.Value)
						if family, ok := auditFamilies[prefix]; ok {
							values := modelConstants(t, family)
							if len(values) == 0 {
								t.Errorf("%s: no constants of model.%s for the actions %s…", at, family, prefix)
							}
							for _, v := range values {
								actions[prefix+v] = at
							}
							return true
						}
					}
				}
				t.Errorf("%s: an audit action this test cannot read; write it as a literal or add its family to auditFamilies", at)
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return actions
}

// calledName is the name of the function or method a call calls.
func calledName(c *ast.CallExpr) string {
	switch f := c.Fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// TestEveryAuditActionHasAName fails on an action written to the audit
// log without a name in both languages, so the log never shows a raw key.
func TestEveryAuditActionHasAName(t *testing.T) {
	actions := auditActions(t)
	for _, must := range []string{"skp.raters", "skp.approve", "employee.merge", "progress.approved", "need.confirm", "rhk_proposal.accepted"} {
		if _, ok := actions[must]; !ok {
			t.Errorf("the source walk missed the action %s", must)
		}
	}
	for action, at := range actions {
		for _, lang := range Supported {
			if _, ok := catalogs[lang]["action."+action]; !ok {
				t.Errorf("%s: audit action %q has no name in %q (add action.%s to catalog_audit_actions.go)", at, action, lang, action)
			}
		}
	}
}
