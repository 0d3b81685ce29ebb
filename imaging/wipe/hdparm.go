package wipe

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
)

// ATASecurity is the "Security:" block of hdparm -I.
type ATASecurity struct {
	Supported            bool `json:"supported"`
	Enabled              bool `json:"enabled"`
	Locked               bool `json:"locked"`
	Frozen               bool `json:"frozen"`
	Expired              bool `json:"expired"`
	EnhancedErase        bool `json:"enhanced_erase"`
	EraseMinutes         int  `json:"erase_minutes,omitempty"`
	EnhancedEraseMinutes int  `json:"enhanced_erase_minutes,omitempty"`
}

// ATASanitize is what the "Commands/features" list says of the SANITIZE
// feature set.
type ATASanitize struct {
	Supported      bool `json:"supported"`
	BlockErase     bool `json:"block_erase"`
	CryptoScramble bool `json:"crypto_scramble"`
	Overwrite      bool `json:"overwrite"`
}

// ATAInfo is the part of hdparm -I a wipe needs.
type ATAInfo struct {
	Model       string      `json:"model"`
	Serial      string      `json:"serial"`
	Firmware    string      `json:"firmware"`
	SolidState  bool        `json:"solid_state"`
	HasSecurity bool        `json:"has_security"`
	Security    ATASecurity `json:"security"`
	Sanitize    ATASanitize `json:"sanitize"`
	HPAFeature  bool        `json:"hpa_feature"`
}

var (
	reEraseTime    = regexp.MustCompile(`(\d+)min for SECURITY ERASE UNIT`)
	reEnhancedTime = regexp.MustCompile(`(\d+)min for ENHANCED SECURITY ERASE UNIT`)
	spaces         = regexp.MustCompile(`[ \t]+`)
)

// errNoATA is returned when hdparm printed no identify data (a USB bridge
// that does not pass ATA commands, a virtual disk, a SCSI error).
var errNoATA = errors.New("hdparm -I: no ATA identify data")

// ParseHdparmI reads the output of hdparm -I.
func ParseHdparmI(out string) (ATAInfo, error) {
	var info ATAInfo
	section := ""
	seen := false
	for _, raw := range strings.Split(out, "\n") {
		line := strings.TrimRight(raw, " \r")
		if line == "" {
			continue
		}
		indented := line[0] == '\t' || line[0] == ' '
		t := strings.TrimSpace(spaces.ReplaceAllString(line, " "))
		if !indented {
			section = strings.TrimSuffix(t, ":")
			if strings.HasPrefix(t, "ATA device") || strings.HasPrefix(t, "ATAPI") {
				seen = true
			}
			if section == "Security" {
				info.HasSecurity = true
				seen = true
			}
			continue
		}
		if k, v, ok := strings.Cut(t, ":"); ok {
			v = strings.TrimSpace(v)
			switch k {
			case "Model Number":
				info.Model, seen = v, true
			case "Serial Number":
				info.Serial = v
			case "Firmware Revision":
				info.Firmware = v
			case "Nominal Media Rotation Rate":
				info.SolidState = strings.Contains(v, "Solid State")
			}
		}
		switch section {
		case "Commands/features":
			feat := strings.TrimSpace(strings.TrimPrefix(t, "*"))
			switch {
			case strings.HasPrefix(feat, "SANITIZE feature set"):
				info.Sanitize.Supported = true
			case strings.HasPrefix(feat, "BLOCK_ERASE_EXT"):
				info.Sanitize.BlockErase = true
			case strings.HasPrefix(feat, "CRYPTO_SCRAMBLE_EXT"):
				info.Sanitize.CryptoScramble = true
			case strings.HasPrefix(feat, "OVERWRITE_EXT"):
				info.Sanitize.Overwrite = true
			case strings.HasPrefix(feat, "Host Protected Area feature set"):
				info.HPAFeature = true
			}
		case "Security":
			parseSecurityLine(&info.Security, t)
		}
	}
	if !seen {
		return info, errNoATA
	}
	// Sanitize sub-commands only count when the feature set is there.
	if !info.Sanitize.Supported {
		info.Sanitize = ATASanitize{}
	}
	return info, nil
}

func parseSecurityLine(s *ATASecurity, t string) {
	if m := reEraseTime.FindStringSubmatch(t); m != nil {
		s.EraseMinutes, _ = strconv.Atoi(m[1])
	}
	if m := reEnhancedTime.FindStringSubmatch(t); m != nil {
		s.EnhancedEraseMinutes, _ = strconv.Atoi(m[1])
	}
	not := strings.HasPrefix(t, "not ")
	word := strings.TrimPrefix(t, "not ")
	switch {
	case word == "supported":
		s.Supported = !not
	case word == "enabled":
		s.Enabled = !not
	case word == "locked":
		s.Locked = !not
	case word == "frozen":
		s.Frozen = !not
	case strings.HasPrefix(word, "expired"):
		s.Expired = !not
	case word == "supported: enhanced erase":
		s.EnhancedErase = !not
	}
}

// HPA is the hidden-area state of an ATA disk: the Host Protected Area from
// hdparm -N and the Device Configuration Overlay limit from --dco-identify.
type HPA struct {
	CurrentSectors int64 `json:"current_sectors"`
	NativeSectors  int64 `json:"native_sectors"`
	Enabled        bool  `json:"hpa_enabled"`
	DCOSectors     int64 `json:"dco_sectors,omitempty"`
}

// HiddenSectors is how many sectors the OS cannot see (HPA and DCO).
func (h HPA) HiddenSectors() int64 {
	top := max(h.NativeSectors, h.DCOSectors)
	if top > h.CurrentSectors && h.CurrentSectors > 0 {
		return top - h.CurrentSectors
	}
	return 0
}

var reMaxSectors = regexp.MustCompile(`max sectors\s*=\s*(\d+)/(\d+),\s*HPA is (enabled|disabled)`)

// ParseHdparmN reads "max sectors = 976771055/976773168, HPA is enabled".
func ParseHdparmN(out string) (HPA, error) {
	m := reMaxSectors.FindStringSubmatch(out)
	if m == nil {
		return HPA{}, errors.New("hdparm -N: no \"max sectors\" line")
	}
	cur, err1 := strconv.ParseInt(m[1], 10, 64)
	nat, err2 := strconv.ParseInt(m[2], 10, 64)
	if err1 != nil || err2 != nil {
		return HPA{}, errors.New("hdparm -N: sector counts out of range")
	}
	return HPA{CurrentSectors: cur, NativeSectors: nat, Enabled: m[3] == "enabled"}, nil
}

var reDCOMax = regexp.MustCompile(`Real max sectors:\s*(\d+)`)

// ParseHdparmDCO reads "Real max sectors: N" from hdparm --dco-identify.
func ParseHdparmDCO(out string) (int64, error) {
	m := reDCOMax.FindStringSubmatch(out)
	if m == nil {
		return 0, errors.New("hdparm --dco-identify: no \"Real max sectors\" line")
	}
	return strconv.ParseInt(m[1], 10, 64)
}

// ATASanitizeStatus is hdparm --sanitize-status.
type ATASanitizeStatus struct {
	State      string // SD0..SD4
	InProgress bool
	Progress   int // percent, while in progress
	Succeeded  bool
	Failed     bool
	Frozen     bool
}

var (
	reSanState    = regexp.MustCompile(`State:\s*(SD\d)`)
	reSanProgress = regexp.MustCompile(`Progress:\s*0x[0-9a-fA-F]+\s*\((\d+)%\)`)
)

// ParseSanitizeStatus reads hdparm --sanitize-status.
func ParseSanitizeStatus(out string) (ATASanitizeStatus, error) {
	var s ATASanitizeStatus
	m := reSanState.FindStringSubmatch(out)
	if m == nil {
		return s, errors.New("hdparm --sanitize-status: no state line")
	}
	s.State = m[1]
	switch s.State {
	case "SD1":
		s.Frozen = true
	case "SD2":
		s.InProgress = true
	case "SD3":
		s.Failed = true
	case "SD4":
		s.Succeeded = true
	}
	if p := reSanProgress.FindStringSubmatch(out); p != nil {
		s.Progress, _ = strconv.Atoi(p[1])
	}
	if strings.Contains(out, "Completed Without Error") {
		s.Succeeded = true
	}
	if strings.Contains(out, "Completed With Error") || strings.Contains(out, "Operation Failed") {
		s.Failed = true
	}
	return s, nil
}
