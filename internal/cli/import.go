package cli

import (
	"context"
	"fmt"
)

func runImport(ctx context.Context, args []string, env Env) error {
	return fmt.Errorf("import: not built yet")
}
