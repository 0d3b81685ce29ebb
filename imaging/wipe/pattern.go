// Package wipe erases whole disks: a verified overwrite (zeros or a seeded
// pseudo-random stream) or the drive's own firmware erase (ATA Security
// Erase, ATA Sanitize, NVMe Sanitize, NVMe Format), with the NIST SP 800-88
// category computed from what was actually done.
package wipe

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"fmt"
)

// Pattern names the content an overwrite leaves on the disk.
const (
	PatternZero   = "zero"
	PatternRandom = "random"
)

// pattern fills buffers with the content expected at a byte offset, so the
// writer and the verifier produce the same bytes without storing them.
type pattern interface {
	name() string
	// fill writes the pattern's bytes for [off, off+len(b)) into b; off is
	// a multiple of 16.
	fill(b []byte, off int64)
	// constant is true when the content does not depend on the offset
	// (one buffer can be written again and again).
	constant() bool
}

type zeroPattern struct{}

func (zeroPattern) name() string   { return PatternZero }
func (zeroPattern) constant() bool { return true }
func (zeroPattern) fill(b []byte, _ int64) {
	clear(b)
}

// randomPattern is AES-128 in counter mode keyed by a per-wipe seed: the
// counter is the 16-byte block index, so any range can be regenerated for
// verification. With AES-NI it runs at several GB/s, far above any disk.
type randomPattern struct {
	block cipher.Block
	nonce [8]byte
}

func newRandomPattern(seed []byte) (*randomPattern, error) {
	if len(seed) == 0 {
		seed = make([]byte, 24)
		if _, err := rand.Read(seed); err != nil {
			return nil, fmt.Errorf("random seed: %w", err)
		}
	}
	if len(seed) < 24 {
		s := make([]byte, 24)
		copy(s, seed)
		seed = s
	}
	blk, err := aes.NewCipher(seed[:16])
	if err != nil {
		return nil, err
	}
	p := &randomPattern{block: blk}
	copy(p.nonce[:], seed[16:24])
	return p, nil
}

func (*randomPattern) name() string   { return PatternRandom }
func (*randomPattern) constant() bool { return false }

func (p *randomPattern) fill(b []byte, off int64) {
	var iv [16]byte
	copy(iv[:8], p.nonce[:])
	binary.BigEndian.PutUint64(iv[8:], uint64(off/aes.BlockSize))
	clear(b)
	cipher.NewCTR(p.block, iv[:]).XORKeyStream(b, b)
}

func newPattern(name string, seed []byte) (pattern, error) {
	switch name {
	case PatternZero, "":
		return zeroPattern{}, nil
	case PatternRandom:
		return newRandomPattern(seed)
	}
	return nil, fmt.Errorf("unknown pattern %q (zero or random)", name)
}
