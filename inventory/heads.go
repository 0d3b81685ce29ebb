package inventory

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
)

// Signed chain heads (migration 0003). Each bench's last event number and
// hash are signed with the bench's ed25519 key after every write: a script
// that appends, removes or rewrites events can recompute every hash, but not
// that signature. What the signature cannot stop is said in README.md
// ("What ledger verify proves").

// BenchKeys connects the ledger to this bench's key files without the
// ledger knowing where they live: cmd/atelier reads bench.key and bench.pub
// (package reports) and hands them over here.
type BenchKeys struct {
	// Signer loads the bench's private key (an ed25519.PrivateKey does). It
	// is called at most once, by the first write: commands that only read
	// never touch bench.key.
	Signer func() (crypto.Signer, error)
	// Public is what this bench's key must be (bench.pub beside the
	// ledger), named by PublicFrom in messages; nil when there is none.
	Public     ed25519.PublicKey
	PublicFrom string
}

// SetBenchKeys tells the ledger how to sign its heads and which key to
// expect for its own bench.
func (l *Ledger) SetBenchKeys(k BenchKeys) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.keys, l.signer, l.signerErr = k, nil, nil
}

// headDomain starts every signed head message, so that a bench key's
// signature over a head can never be taken for one over anything else it
// signs (certificates are canonical JSON).
const headDomain = "atelier bench head v1\n"

// HeadMessage is the exact bytes a bench signs for its head: the domain
// line, then the bench name, the number of its last event and that event's
// hash, each as "<byte length>:<bytes>\n" like the event hash. The hub
// verifies it with the bench.pub it enrolled.
func HeadMessage(bench string, seq int64, hash string) []byte {
	b := []byte(headDomain)
	for _, f := range []string{bench, strconv.FormatInt(seq, 10), hash} {
		b = strconv.AppendInt(b, int64(len(f)), 10)
		b = append(b, ':')
		b = append(b, f...)
		b = append(b, '\n')
	}
	return b
}

// KeyFingerprint names a public key as reports.Fingerprint does (and
// `atelier init` prints): "SHA256:" and the unpadded base64 of its hash.
func KeyFingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:])
}

// verifyHead checks a head's signature (base64) with the bench's key.
func verifyHead(pub ed25519.PublicKey, bench string, seq int64, hash, sig string) bool {
	raw, err := base64.StdEncoding.DecodeString(sig)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return false
	}
	return ed25519.Verify(pub, HeadMessage(bench, seq, hash), raw)
}

// loadSigner loads the bench key once per Ledger.
func (l *Ledger) loadSigner() (crypto.Signer, ed25519.PublicKey, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.signer == nil && l.signerErr == nil {
		l.signer, l.signerErr = l.keys.Signer()
		if l.signerErr == nil {
			if _, ok := l.signer.Public().(ed25519.PublicKey); !ok {
				l.signer, l.signerErr = nil, errors.New("the bench key is not an ed25519 key")
			}
		}
	}
	if l.signerErr != nil {
		return nil, nil, newErr(ErrNoBenchKey, "ledger.nokey", l.bench, l.signerErr.Error())
	}
	return l.signer, l.signer.Public().(ed25519.PublicKey), nil
}

// recordedKey is the key the ledger holds for bench, nil when none.
func recordedKey(ctx context.Context, q querier, bench string) (ed25519.PublicKey, error) {
	var s string
	err := q.QueryRowContext(ctx, `SELECT public_key FROM bench_keys WHERE bench = ?`, bench).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return decodeKey(s), nil
}

// decodeKey reads a stored key; a damaged one decodes to a key no
// signature matches, so verify reports it rather than crash.
func decodeKey(s string) ed25519.PublicKey {
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return ed25519.PublicKey{}
	}
	return ed25519.PublicKey(raw)
}

// signHead returns the signature of this bench's new head. A ledger used
// without a signer (a library caller, a test) writes an unsigned head, but
// only as long as its bench has no key recorded: once signed, always signed.
func (l *Ledger) signHead(ctx context.Context, tx *sql.Tx, seq int64, hash string) (string, error) {
	have, err := recordedKey(ctx, tx, l.bench)
	if err != nil {
		return "", err
	}
	if l.keys.Signer == nil {
		if have != nil {
			return "", newErr(ErrNoBenchKey, "ledger.nokey", l.bench, "no bench key given")
		}
		return "", nil
	}
	signer, pub, err := l.loadSigner()
	if err != nil {
		return "", err
	}
	if err := l.ensureKey(ctx, tx, have, pub); err != nil {
		return "", err
	}
	sig, err := signer.Sign(nil, HeadMessage(l.bench, seq, hash), crypto.Hash(0))
	if err != nil {
		return "", fmt.Errorf("sign the head of bench %s: %w", l.bench, err)
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

// ensureKey records this bench's public key the first time it signs, and
// refuses a key other than the one recorded: writing with another key
// would make every earlier head unverifiable, or hide a swapped key.
func (l *Ledger) ensureKey(ctx context.Context, tx *sql.Tx, have, pub ed25519.PublicKey) error {
	if have != nil {
		if !have.Equal(pub) {
			return newErr(ErrNoBenchKey, "ledger.otherkey", l.bench, KeyFingerprint(have), KeyFingerprint(pub))
		}
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO bench_keys (bench, public_key, added_at) VALUES (?, ?, ?)`,
		l.bench, base64.StdEncoding.EncodeToString(pub), formatTime(l.now()))
	return err
}

// SealResult says what Seal did.
type SealResult struct {
	KeyRecorded bool `json:"key_recorded"` // this bench's key was not in the ledger yet
	HeadSigned  bool `json:"head_signed"`  // its head was unsigned (a ledger from before signed heads)
}

// Seal records this bench's key in the ledger and signs its head when it is
// still unsigned, writing no event: `atelier init` on an existing ledger
// upgrades it this way. It needs the bench key (SetBenchKeys).
func (l *Ledger) Seal(ctx context.Context) (SealResult, error) {
	var res SealResult
	if l.roErr != nil {
		return res, l.roErr
	}
	if l.keys.Signer == nil {
		return res, newErr(ErrNoBenchKey, "ledger.nokey", l.bench, "no bench key given")
	}
	signer, pub, err := l.loadSigner()
	if err != nil {
		return res, err
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("ledger %s: %w", l.path, err)
	}
	defer tx.Rollback()
	have, err := recordedKey(ctx, tx, l.bench)
	if err != nil {
		return res, fmt.Errorf("ledger %s: %w", l.path, err)
	}
	if err := l.ensureKey(ctx, tx, have, pub); err != nil {
		return res, err
	}
	res.KeyRecorded = have == nil
	var seq int64
	var hash, sig string
	err = tx.QueryRowContext(ctx, `SELECT seq, hash, sig FROM bench_heads WHERE bench = ?`, l.bench).Scan(&seq, &hash, &sig)
	switch {
	case errors.Is(err, sql.ErrNoRows): // no event yet: nothing to sign
	case err != nil:
		return res, fmt.Errorf("ledger %s: %w", l.path, err)
	case sig == "":
		// Sign only a chain verify finds whole and ending at this head:
		// signing a truncated or rewritten chain would vouch for it.
		c := &chain{q: tx, last: map[string]link{}, res: &VerifyResult{}}
		if err := c.walk(ctx); err != nil {
			return res, newErr(ErrChainBroken, "seal.broken", l.bench, err)
		}
		if got := c.last[l.bench]; got.seq != seq || got.hash != hash {
			return res, newErr(ErrChainBroken, "seal.broken", l.bench, newErr(ErrChainBroken, "verify.truncated", l.bench, seq, got.seq))
		}
		raw, err := signer.Sign(nil, HeadMessage(l.bench, seq, hash), crypto.Hash(0))
		if err != nil {
			return res, fmt.Errorf("sign the head of bench %s: %w", l.bench, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE bench_heads SET sig = ? WHERE bench = ?`,
			base64.StdEncoding.EncodeToString(raw), l.bench); err != nil {
			return res, fmt.Errorf("ledger %s: %w", l.path, err)
		}
		res.HeadSigned = true
	}
	if !res.KeyRecorded && !res.HeadSigned {
		return res, nil
	}
	return res, tx.Commit()
}
