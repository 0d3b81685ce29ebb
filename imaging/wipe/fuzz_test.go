package wipe

import (
	"testing"
)

// FuzzParseHdparm feeds every hdparm parser arbitrary text: they must never
// panic, and what they accept must be self-consistent.
func FuzzParseHdparm(f *testing.F) {
	for _, n := range []string{"hdparm-I-ssd-sanitize.txt", "hdparm-I-hdd-frozen.txt", "hdparm-I-usb-bridge.txt",
		"hdparm-N-hpa.txt", "hdparm-N-nohpa.txt", "hdparm-dco-identify.txt",
		"hdparm-sanitize-status-running.txt", "hdparm-sanitize-status-done.txt", "hdparm-sanitize-status-frozen.txt"} {
		f.Add(string(sample(f, n)))
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a, err := ParseHdparmI(s); err == nil {
			if !a.Sanitize.Supported && (a.Sanitize.BlockErase || a.Sanitize.CryptoScramble) {
				t.Fatalf("sanitize commands without the feature set: %+v", a.Sanitize)
			}
		}
		if h, err := ParseHdparmN(s); err == nil && h.HiddenSectors() < 0 {
			t.Fatalf("negative hidden sectors: %+v", h)
		}
		ParseHdparmDCO(s)
		if st, err := ParseSanitizeStatus(s); err == nil && st.State == "" {
			t.Fatal("status accepted without a state")
		}
	})
}

// FuzzParseNvme does the same for nvme-cli's JSON.
func FuzzParseNvme(f *testing.F) {
	for _, n := range []string{"nvme-id-ctrl-format-only.json", "nvme-id-ctrl-sanitize.json",
		"nvme-sanitize-log-done.json", "nvme-sanitize-log-running.json", "nvme-sanitize-log-never-v1.json"} {
		f.Add(sample(f, n))
	}
	f.Add([]byte(`{"sprog":"0xffff","sstat":"0x101"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ParseNvmeIDCtrl(b)
		if l, err := ParseNvmeSanitizeLog(b); err == nil {
			if l.Percent() < 0 {
				t.Fatalf("negative progress %+v", l)
			}
		}
	})
}
