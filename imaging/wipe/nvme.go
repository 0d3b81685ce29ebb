package wipe

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// NVMeController is the part of `nvme id-ctrl -o json` a wipe needs.
type NVMeController struct {
	Model   string `json:"model"`
	Serial  string `json:"serial"`
	OACS    uint64 `json:"oacs"`
	FNA     uint64 `json:"fna"`
	SANICAP uint64 `json:"sanicap"`
}

// FormatSupported: OACS bit 1, Format NVM.
func (c NVMeController) FormatSupported() bool { return c.OACS&0x2 != 0 }

// FormatCrypto: FNA bit 2, cryptographic erase is supported by Format NVM.
func (c NVMeController) FormatCrypto() bool { return c.FNA&0x4 != 0 }

// SanitizeCrypto, SanitizeBlock, SanitizeOverwrite: SANICAP bits 0, 1, 2.
func (c NVMeController) SanitizeCrypto() bool    { return c.SANICAP&0x1 != 0 }
func (c NVMeController) SanitizeBlock() bool     { return c.SANICAP&0x2 != 0 }
func (c NVMeController) SanitizeOverwrite() bool { return c.SANICAP&0x4 != 0 }

// ParseNvmeIDCtrl reads `nvme id-ctrl DEV -o json`.
func ParseNvmeIDCtrl(out []byte) (NVMeController, error) {
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		return NVMeController{}, fmt.Errorf("nvme id-ctrl json: %w", err)
	}
	var c NVMeController
	c.Model, _ = m["mn"].(string)
	c.Serial, _ = m["sn"].(string)
	c.Model, c.Serial = strings.TrimSpace(c.Model), strings.TrimSpace(c.Serial)
	var ok [3]bool
	c.OACS, ok[0] = number(m["oacs"])
	c.FNA, ok[1] = number(m["fna"])
	c.SANICAP, ok[2] = number(m["sanicap"])
	if !ok[0] && !ok[1] && !ok[2] {
		return c, errors.New("nvme id-ctrl json: no oacs, fna or sanicap field")
	}
	return c, nil
}

// number accepts a JSON number or a "0x..." / decimal string (nvme-cli has
// printed both over its versions).
func number(v any) (uint64, bool) {
	switch x := v.(type) {
	case float64:
		if x < 0 || x > 1<<53 {
			return 0, false
		}
		return uint64(x), true
	case string:
		n, err := strconv.ParseUint(strings.TrimSpace(x), 0, 64)
		return n, err == nil
	}
	return 0, false
}

// Sanitize status codes (SSTAT bits 2:0).
const (
	SanitizeNever       = 0
	SanitizeSucceeded   = 1
	SanitizeInProgress  = 2
	SanitizeFailed      = 3
	SanitizeSucceededND = 4 // succeeded, no deallocate
)

// NVMeSanitizeLog is `nvme sanitize-log DEV -o json`.
type NVMeSanitizeLog struct {
	Progress      uint64 // SPROG, 0..65535 while in progress
	Status        int    // one of the Sanitize* codes
	GlobalErased  bool
	EstimateBlock uint64 // seconds; 0xffffffff = not reported
	EstimateCrypt uint64
	EstimateOvwr  uint64
}

// Done reports whether the last sanitize finished successfully.
func (l NVMeSanitizeLog) Done() bool {
	return l.Status == SanitizeSucceeded || l.Status == SanitizeSucceededND
}

// Percent is SPROG as a percentage.
func (l NVMeSanitizeLog) Percent() int { return int(l.Progress * 100 / 65535) }

var reStatusCode = regexp.MustCompile(`^\((\d+)\)`)

// ParseNvmeSanitizeLog reads the log whether nvme-cli printed it flat or
// under the device name, and SSTAT as a raw number (nvme-cli 1.x) or as an
// object with a "(N) text" status (2.x).
func ParseNvmeSanitizeLog(out []byte) (NVMeSanitizeLog, error) {
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		return NVMeSanitizeLog{}, fmt.Errorf("nvme sanitize-log json: %w", err)
	}
	if _, flat := m["sprog"]; !flat {
		for _, v := range m {
			if inner, ok := v.(map[string]any); ok {
				if _, has := inner["sprog"]; has {
					m = inner
					break
				}
			}
		}
	}
	sprog, ok := number(m["sprog"])
	if !ok {
		return NVMeSanitizeLog{}, errors.New("nvme sanitize-log json: no sprog field")
	}
	l := NVMeSanitizeLog{Progress: min(sprog, 65535)}
	switch s := m["sstat"].(type) {
	case map[string]any:
		found := false
		for _, v := range s {
			str, isStr := v.(string)
			if mm := reStatusCode.FindStringSubmatch(str); isStr && mm != nil {
				l.Status, _ = strconv.Atoi(mm[1])
				found = true
			}
		}
		if !found {
			return l, errors.New("nvme sanitize-log json: sstat has no status")
		}
		g, _ := number(s["global_erased"])
		l.GlobalErased = g == 1
	default:
		raw, ok := number(s)
		if !ok {
			return l, errors.New("nvme sanitize-log json: no sstat field")
		}
		l.Status = int(raw & 0x7)
		l.GlobalErased = raw&0x100 != 0
	}
	l.EstimateBlock, _ = number(m["time_block_erase"])
	l.EstimateCrypt, _ = number(m["time_crypto_erase"])
	l.EstimateOvwr, _ = number(m["time_over_write"])
	return l, nil
}
