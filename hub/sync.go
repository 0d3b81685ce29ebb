package hub

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/pcsolidaire/atelier/inventory"
)

// SyncResult says what moved; `atelier sync --json` prints it.
type SyncResult struct {
	Hub    string    `json:"hub"`
	Pushed int       `json:"pushed"` // events the hub took from this bench
	Pulled int       `json:"pulled"` // events this bench took from the hub
	At     time.Time `json:"at"`
	// Chains pushed and pulled, per bench.
	PushedChains []inventory.ChainResult `json:"pushed_chains,omitempty"`
	PulledChains []inventory.ChainResult `json:"pulled_chains,omitempty"`
}

// Sync pushes what the hub lacks of every chain l holds (this bench's and
// those it carried from others), then pulls what l lacks. Each side merges
// in one transaction, so an interruption anywhere leaves both ledgers
// whole, and the next sync sends only what is still missing.
func Sync(ctx context.Context, l *inventory.Ledger, c *Client, tmpDir string) (SyncResult, error) {
	res := SyncResult{Hub: c.URL}
	hubHeads, err := c.Heads(ctx)
	if err != nil {
		return res, err
	}
	local, err := l.Heads(ctx)
	if err != nil {
		return res, err
	}
	after := map[string]int64{}
	for _, h := range hubHeads {
		after[h.Bench] = h.Seq
	}
	if ahead(local, after) {
		pushed, err := push(ctx, l, c, after, tmpDir)
		if err != nil {
			return res, err
		}
		res.Pushed, res.PushedChains = pushed.Events, newChains(pushed.Chains)
	}
	pulled, err := pull(ctx, l, c, tmpDir)
	if err != nil {
		return res, err
	}
	res.Pulled, res.PulledChains = pulled.Events, newChains(pulled.Chains)
	res.At = time.Now().UTC()
	return res, l.RecordSync(ctx, c.URL, res.At)
}

// ahead reports whether some chain holds events beyond after.
func ahead(heads []inventory.ChainHead, after map[string]int64) bool {
	for _, h := range heads {
		if h.Seq > after[h.Bench] {
			return true
		}
	}
	return false
}

func newChains(cs []inventory.ChainResult) []inventory.ChainResult {
	var out []inventory.ChainResult
	for _, c := range cs {
		if c.New > 0 {
			out = append(out, c)
		}
	}
	return out
}

func push(ctx context.Context, l *inventory.Ledger, c *Client, after map[string]int64, tmpDir string) (inventory.MergeResult, error) {
	f, err := unlinkedTemp(tmpDir, "atelier-push-*.ndjson")
	if err != nil {
		return inventory.MergeResult{}, err
	}
	defer f.Close()
	if _, err := l.Export(ctx, f, after, c.Key); err != nil {
		return inventory.MergeResult{}, fmt.Errorf("push: %w", err)
	}
	return c.Push(ctx, f)
}

func pull(ctx context.Context, l *inventory.Ledger, c *Client, tmpDir string) (inventory.MergeResult, error) {
	local, err := l.Heads(ctx)
	if err != nil {
		return inventory.MergeResult{}, err
	}
	f, err := unlinkedTemp(tmpDir, "atelier-pull-*.ndjson")
	if err != nil {
		return inventory.MergeResult{}, err
	}
	defer f.Close()
	if err := c.Pull(ctx, local, f); err != nil {
		return inventory.MergeResult{}, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return inventory.MergeResult{}, err
	}
	return l.Import(ctx, f, inventory.ImportOptions{})
}
