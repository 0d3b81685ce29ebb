package inventory

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLedgerHeader feeds arbitrary file headers to the checks Open runs
// before SQLite sees a file (is it SQLite, is it whole): no panic, and a
// verdict consistent with what the header says.
func FuzzLedgerHeader(f *testing.F) {
	h := make([]byte, 100)
	copy(h, sqliteMagic)
	binary.BigEndian.PutUint16(h[16:], 16384)
	binary.BigEndian.PutUint32(h[24:], 7)
	binary.BigEndian.PutUint32(h[28:], 3)
	binary.BigEndian.PutUint32(h[92:], 7)
	f.Add(h, int64(3*16384))
	f.Add(h, int64(16384))
	f.Add([]byte(sqliteMagic), int64(16))
	f.Add([]byte("not a database at all"), int64(21))
	f.Add([]byte{}, int64(0))
	f.Fuzz(func(t *testing.T, b []byte, size int64) {
		if len(b) > 100 {
			b = b[:100]
		}
		if size < int64(len(b)) || size > 1<<40 {
			size = int64(len(b))
		}
		hd := parseHeader(b)
		missing := truncatedBy(hd, size)
		if missing < 0 {
			t.Fatalf("negative shortfall %d", missing)
		}
		if size < 100 && hd.magic && missing == 0 {
			t.Fatalf("a %d-byte SQLite file is not whole", size)
		}
		if len(b) < 16 && hd.magic {
			t.Fatal("magic found in fewer than 16 bytes")
		}
	})
}

func TestCheckFileOnShortFiles(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"magic only", []byte(sqliteMagic), ErrDamaged},
		{"text", []byte("hello"), ErrNotLedger},
	} {
		p := filepath.Join(dir, c.name)
		os.WriteFile(p, c.data, 0o600)
		if err := checkFile(p); err == nil || !isErr(err, c.want) {
			t.Errorf("%s: checkFile = %v, want %v", c.name, err, c.want)
		}
	}
}

func isErr(err, target error) bool {
	e, ok := err.(*Error)
	return ok && e.Err == target
}
