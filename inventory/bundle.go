package inventory

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"time"
)

// A bundle carries bench chains from one ledger to another: on a USB stick
// (sync --export / --import) or over HTTP (the hub's push and pull bodies).
// It is NDJSON, one object per line, each with a single key:
//
//	{"bundle": {"format": "atelier-bundle", "version": 1, "from": BENCH, "public_key": B64, "created_at": T}}
//	{"chain": {"bench": B, "after": N, "seq": S, "hash": H, "sig": SIG, "public_key": K}}   then S-N lines:
//	{"event": {...}}                                             events N+1..S of B
//	... more chains ...
//	{"end": {"chains": C, "events": E, "sha256": HEX, "sig": B64}}
//
// sha256 is the digest of every byte before the end line and sig the
// exporting bench's ed25519 signature of bundleSigned(sha256): a bundle cut
// short or changed on the stick is refused whole. Each chain ends at the
// bench's head, signed by that bench's key (HeadMessage); the events carry
// their chain's hashes, so a receiver checks every link and the head's
// signature whoever relayed the chain: a relay cannot forge another
// bench's events. Event fields are
// strings exactly as hashed (the payload too), so nothing is re-encoded.

// BundleFormat and BundleVersion name the format in the first line.
const (
	BundleFormat  = "atelier-bundle"
	BundleVersion = 1
	// maxBundleLine bounds one line: an event with a probe report and a
	// certificate is well under a megabyte.
	maxBundleLine = 16 << 20
)

type bundleHeader struct {
	Format    string `json:"format"`
	Version   int    `json:"version"`
	From      string `json:"from"`
	PublicKey string `json:"public_key"`
	CreatedAt string `json:"created_at"`
}

// ChainHead is a bench's last event as a ledger knows it.
type ChainHead struct {
	Bench string `json:"bench"`
	Seq   int64  `json:"seq"`
	Hash  string `json:"hash"`
	// Sig is the bench's signature of its head (HeadMessage), PublicKey the
	// key this ledger holds for it (base64); both '' for a chain from
	// before signed heads.
	Sig       string `json:"sig,omitempty"`
	PublicKey string `json:"public_key,omitempty"`
}

type bundleChain struct {
	Bench     string `json:"bench"`
	After     int64  `json:"after"`
	Seq       int64  `json:"seq"`
	Hash      string `json:"hash"`
	Sig       string `json:"sig"`
	PublicKey string `json:"public_key"`
}

// wireEvent is an event with every field as the exact text that is hashed.
type wireEvent struct {
	ID       string `json:"id"`
	Bench    string `json:"bench"`
	Seq      int64  `json:"seq"`
	Unit     string `json:"unit"`
	Kind     string `json:"kind"`
	At       string `json:"at"`
	Operator string `json:"operator"`
	Payload  string `json:"payload"`
	PrevHash string `json:"prev_hash"`
	Hash     string `json:"hash"`
}

type bundleEnd struct {
	Chains int    `json:"chains"`
	Events int    `json:"events"`
	SHA256 string `json:"sha256"`
	Sig    string `json:"sig"`
}

type bundleLine struct {
	Bundle *bundleHeader `json:"bundle,omitempty"`
	Chain  *bundleChain  `json:"chain,omitempty"`
	Event  *wireEvent    `json:"event,omitempty"`
	End    *bundleEnd    `json:"end,omitempty"`
}

// bundleSigned is what the exporter signs: a domain line, so that the
// signature is never mistaken for one over a head or a certificate.
func bundleSigned(sumHex string) []byte {
	return []byte("atelier bundle v1\n" + sumHex + "\n")
}

// Heads lists the last event of every bench chain this ledger holds.
func (l *Ledger) Heads(ctx context.Context) ([]ChainHead, error) {
	return headsIn(ctx, l.db)
}

func headsIn(ctx context.Context, q querier) ([]ChainHead, error) {
	rows, err := q.QueryContext(ctx, `SELECT h.bench, h.seq, h.hash, h.sig, COALESCE(k.public_key, '')
		FROM bench_heads h LEFT JOIN bench_keys k ON k.bench = h.bench ORDER BY h.bench`)
	if err != nil {
		return nil, fmt.Errorf("heads: %w", err)
	}
	defer rows.Close()
	out := []ChainHead{}
	for rows.Next() {
		var h ChainHead
		if err := rows.Scan(&h.Bench, &h.Seq, &h.Hash, &h.Sig, &h.PublicKey); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// ExportResult says what a bundle holds.
type ExportResult struct {
	Chains int `json:"chains"`
	Events int `json:"events"`
}

// Export writes a bundle of every chain this ledger holds, each from the
// event after after[bench] (from its first event for a bench absent from
// after); chains with nothing new are left out. It reads one snapshot, and
// signs the bundle with key (this bench's key).
func (l *Ledger) Export(ctx context.Context, w io.Writer, after map[string]int64, key ed25519.PrivateKey) (ExportResult, error) {
	var res ExportResult
	tx, err := l.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return res, fmt.Errorf("export: %w", err)
	}
	defer tx.Rollback()
	heads, err := headsIn(ctx, tx)
	if err != nil {
		return res, err
	}
	sum := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(w, sum), 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	pub := key.Public().(ed25519.PublicKey)
	if err := enc.Encode(bundleLine{Bundle: &bundleHeader{Format: BundleFormat, Version: BundleVersion,
		From: l.bench, PublicKey: base64.StdEncoding.EncodeToString(pub), CreatedAt: formatTime(time.Now())}}); err != nil {
		return res, err
	}
	for _, h := range heads {
		from := after[h.Bench]
		if from >= h.Seq {
			continue
		}
		if from < 0 {
			from = 0
		}
		n, err := exportChain(ctx, tx, enc, h, from)
		if err != nil {
			return res, err
		}
		res.Chains++
		res.Events += n
	}
	if err := bw.Flush(); err != nil {
		return res, err
	}
	hexSum := hex.EncodeToString(sum.Sum(nil))
	end := bundleEnd{Chains: res.Chains, Events: res.Events, SHA256: hexSum,
		Sig: base64.StdEncoding.EncodeToString(ed25519.Sign(key, bundleSigned(hexSum)))}
	enc = json.NewEncoder(w)
	if err := enc.Encode(bundleLine{End: &end}); err != nil {
		return res, err
	}
	return res, nil
}

// exportChain writes one chain's line and its events after seq from.
func exportChain(ctx context.Context, q querier, enc *json.Encoder, h ChainHead, from int64) (int, error) {
	if err := enc.Encode(bundleLine{Chain: &bundleChain{Bench: h.Bench, After: from, Seq: h.Seq, Hash: h.Hash,
		Sig: h.Sig, PublicKey: h.PublicKey}}); err != nil {
		return 0, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+eventColumns+` FROM events WHERE bench = ? AND bench_seq > ? AND bench_seq <= ?
		ORDER BY bench_seq`, h.Bench, from, h.Seq)
	if err != nil {
		return 0, fmt.Errorf("export %s: %w", h.Bench, err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var we wireEvent
		if err := rows.Scan(&we.ID, &we.Bench, &we.Seq, &we.Unit, &we.Kind, &we.At, &we.Operator, &we.Payload,
			&we.PrevHash, &we.Hash); err != nil {
			return n, fmt.Errorf("export %s: %w", h.Bench, err)
		}
		if err := enc.Encode(bundleLine{Event: &we}); err != nil {
			return n, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, fmt.Errorf("export %s: %w", h.Bench, err)
	}
	if int64(n) != h.Seq-from {
		return n, newErr(ErrChainBroken, "verify.truncated", h.Bench, h.Seq, from+int64(n))
	}
	return n, nil
}

// bundleReader reads a bundle line by line, hashing what it reads, with a
// bound on each line.
type bundleReader struct {
	r    *bufio.Reader
	sum  hash.Hash
	line int
	buf  []byte
}

func newBundleReader(r io.Reader) *bundleReader {
	return &bundleReader{r: bufio.NewReaderSize(r, 1<<16), sum: sha256.New()}
}

// next reads one line; io.EOF at the end. The end line is not hashed.
func (b *bundleReader) next() (bundleLine, error) {
	var bl bundleLine
	b.buf = b.buf[:0]
	for {
		chunk, err := b.r.ReadSlice('\n')
		b.buf = append(b.buf, chunk...)
		if len(b.buf) > maxBundleLine {
			return bl, newErr(ErrInvalidInput, "bundle.toolong", b.line+1, maxBundleLine>>20)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == io.EOF && len(b.buf) == 0 {
			return bl, io.EOF
		}
		if err != nil && err != io.EOF {
			return bl, err
		}
		break
	}
	b.line++
	if err := json.Unmarshal(b.buf, &bl); err != nil {
		return bl, newErr(ErrInvalidInput, "bundle.badline", b.line, err.Error())
	}
	n := 0
	for _, set := range []bool{bl.Bundle != nil, bl.Chain != nil, bl.Event != nil, bl.End != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		return bl, newErr(ErrInvalidInput, "bundle.badline", b.line, "one of bundle, chain, event, end")
	}
	if bl.End == nil {
		b.sum.Write(b.buf)
	}
	return bl, nil
}

func (we *wireEvent) event() (Event, bool) {
	at, ok := parseFixed(we.At)
	e := Event{ID: we.ID, Bench: we.Bench, Seq: we.Seq, Unit: we.Unit, Kind: we.Kind, At: at,
		Operator: we.Operator, Payload: json.RawMessage(we.Payload), PrevHash: we.PrevHash, Hash: we.Hash}
	return e, ok && formatTime(at) == we.At
}
