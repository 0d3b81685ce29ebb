package reports

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"time"
)

// The canonical form of a certificate is the only byte sequence atelier
// signs and accepts for it. The rule:
//
//   - the Certificate struct encoded by encoding/json, fields in struct
//     order (never sorted, never omitted: no omitempty), indented with two
//     spaces, no HTML escaping (so "<", ">", "&" stay as they are), one
//     final newline;
//   - times in UTC, truncated to the second (RFC 3339, "2026-11-22T19:04:05Z");
//   - duration_seconds rounded to the millisecond;
//   - lists are [] when empty, never null.
//
// Verify re-encodes what it parsed and refuses any difference, so extra
// whitespace, reordered keys, "\u00e9" for "é", a "+01:00" time or a null
// list are all refused, even when signed.

// Canonical returns c normalised as the rule above says (UTC times, empty
// lists instead of nil). It does not fill the id, schema or key.
func Canonical(c Certificate) Certificate {
	c.Times.Started = c.Times.Started.UTC().Truncate(time.Second)
	c.Times.Finished = c.Times.Finished.UTC().Truncate(time.Second)
	c.Times.DurationSeconds = math.Round(c.Times.DurationSeconds*1000) / 1000
	if c.Errors == nil {
		c.Errors = []ErrorRange{}
	}
	if c.Sanitization.Firmware == nil {
		c.Sanitization.Firmware = []FirmwareAttempt{}
	}
	return c
}

// Encode returns the canonical JSON bytes of c (after Canonical).
func Encode(c Certificate) ([]byte, error) {
	c = Canonical(c)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("encode certificate %s: %w", c.ID, err)
	}
	return buf.Bytes(), nil
}

// Parse reads certificate JSON strictly: unknown fields, trailing data and
// non-canonical bytes are refused. It does not check the signature nor the
// content (see Validate and Verify).
func Parse(data []byte) (Certificate, error) {
	var c Certificate
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Certificate{}, problem("cert.parse", oneLineErr(err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Certificate{}, problem("cert.trailing")
	}
	again, err := Encode(c)
	if err != nil {
		return Certificate{}, problem("cert.parse", err.Error())
	}
	if !bytes.Equal(again, data) {
		return Certificate{}, problem("cert.noncanonical", firstDifference(data, again))
	}
	return c, nil
}

// firstDifference gives the 1-based line of the first byte where a and b
// differ, so a tampered file's reason points somewhere useful.
func firstDifference(a, b []byte) int {
	line := 1
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return line
		}
		if a[i] == '\n' {
			line++
		}
	}
	return line
}

func oneLineErr(err error) string {
	s := err.Error()
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}
