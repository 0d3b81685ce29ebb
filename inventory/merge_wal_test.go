package inventory

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"
)

// A big merge gives its write-ahead log back: a hub that took a first push
// of a million events kept a WAL of 1.3 GB beside its ledger.
func TestBigMergeTruncatesTheWAL(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	b := newSite(t, "atelier-2", "B", now)
	rows := make([]NewUnit, 8200)
	for i := range rows {
		rows[i] = NewUnit{Serial: fmt.Sprintf("WAL%07d", i), Vendor: "Dell", Model: "Latitude E6410"}
	}
	if _, err := b.l.ImportBatch(ctx, cam, BatchInfo{Donor: "DSI"}, rows); err != nil {
		t.Fatal(err)
	}
	h := newHub(t, b)
	res := h.merge(t, b.bundle(t, nil))
	if res.Events < len(rows) {
		t.Fatalf("merged %d events, want at least %d", res.Events, len(rows))
	}
	fi, err := os.Stat(h.l.path + "-wal")
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if err == nil && fi.Size() > 1<<20 {
		t.Fatalf("the WAL holds %d bytes after a merge of %d events", fi.Size(), res.Events)
	}
}
