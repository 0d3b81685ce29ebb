package wipe

import (
	"os"
	"path/filepath"
	"testing"
)

func sample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseHdparmISSD(t *testing.T) {
	a, err := ParseHdparmI(string(sample(t, "hdparm-I-ssd-sanitize.txt")))
	if err != nil {
		t.Fatal(err)
	}
	if a.Model != "Samsung SSD 860 EVO 500GB" || a.Serial != "S3Z2NB0K412345X" || !a.SolidState {
		t.Errorf("identity: %+v", a)
	}
	s := a.Security
	if !a.HasSecurity || !s.Supported || s.Enabled || s.Locked || s.Frozen || !s.EnhancedErase {
		t.Errorf("security: %+v", s)
	}
	if s.EraseMinutes != 2 || s.EnhancedEraseMinutes != 8 {
		t.Errorf("erase times: %+v", s)
	}
	if !a.Sanitize.Supported || !a.Sanitize.BlockErase || !a.Sanitize.CryptoScramble || a.Sanitize.Overwrite {
		t.Errorf("sanitize: %+v", a.Sanitize)
	}
}

func TestParseHdparmIHDDFrozen(t *testing.T) {
	a, err := ParseHdparmI(string(sample(t, "hdparm-I-hdd-frozen.txt")))
	if err != nil {
		t.Fatal(err)
	}
	if a.SolidState || !a.Security.Frozen || !a.Security.Supported || a.Security.EnhancedEraseMinutes != 80 {
		t.Errorf("%+v", a)
	}
	if a.Sanitize.Supported || !a.HPAFeature {
		t.Errorf("features: %+v", a)
	}
}

func TestParseHdparmIBridgeWithoutATA(t *testing.T) {
	if _, err := ParseHdparmI(string(sample(t, "hdparm-I-usb-bridge.txt"))); err == nil {
		t.Fatal("a USB bridge error parsed as ATA data")
	}
}

func TestParseHdparmNAndDCO(t *testing.T) {
	h, err := ParseHdparmN(string(sample(t, "hdparm-N-hpa.txt")))
	if err != nil || !h.Enabled || h.CurrentSectors != 976771055 || h.NativeSectors != 976773168 {
		t.Fatalf("%+v %v", h, err)
	}
	if h.HiddenSectors() != 2113 {
		t.Errorf("hidden = %d", h.HiddenSectors())
	}
	h2, err := ParseHdparmN(string(sample(t, "hdparm-N-nohpa.txt")))
	if err != nil || h2.Enabled || h2.HiddenSectors() != 0 {
		t.Fatalf("%+v %v", h2, err)
	}
	n, err := ParseHdparmDCO(string(sample(t, "hdparm-dco-identify.txt")))
	if err != nil || n != 976773168 {
		t.Fatalf("dco %d %v", n, err)
	}
	h2.DCOSectors = n + 1000
	if h2.HiddenSectors() != 1000 {
		t.Errorf("DCO-hidden sectors = %d", h2.HiddenSectors())
	}
}

func TestParseSanitizeStatus(t *testing.T) {
	run, _ := ParseSanitizeStatus(string(sample(t, "hdparm-sanitize-status-running.txt")))
	done, _ := ParseSanitizeStatus(string(sample(t, "hdparm-sanitize-status-done.txt")))
	frozen, _ := ParseSanitizeStatus(string(sample(t, "hdparm-sanitize-status-frozen.txt")))
	if !run.InProgress || run.Progress != 50 || run.Succeeded {
		t.Errorf("running: %+v", run)
	}
	if done.InProgress || !done.Succeeded || done.State != "SD0" {
		t.Errorf("done: %+v", done)
	}
	if !frozen.Frozen || frozen.Succeeded {
		t.Errorf("frozen: %+v", frozen)
	}
}

func TestParseNvme(t *testing.T) {
	c, err := ParseNvmeIDCtrl(sample(t, "nvme-id-ctrl-format-only.json"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Model != "Samsung SSD 970 EVO Plus 500GB" || c.Serial != "S4EWNX0R123456B" {
		t.Errorf("identity %+v", c)
	}
	if !c.FormatSupported() || !c.FormatCrypto() || c.SanitizeBlock() || c.SanitizeCrypto() {
		t.Errorf("caps %+v", c)
	}
	s, err := ParseNvmeIDCtrl(sample(t, "nvme-id-ctrl-sanitize.json"))
	if err != nil || !s.SanitizeBlock() || !s.SanitizeCrypto() || s.SanitizeOverwrite() || s.FormatCrypto() {
		t.Errorf("sanitize caps %+v %v", s, err)
	}
	l, err := ParseNvmeSanitizeLog(sample(t, "nvme-sanitize-log-done.json"))
	if err != nil || !l.Done() || !l.GlobalErased || l.EstimateBlock != 58 {
		t.Errorf("done log %+v %v", l, err)
	}
	l, err = ParseNvmeSanitizeLog(sample(t, "nvme-sanitize-log-running.json"))
	if err != nil || l.Status != SanitizeInProgress || l.Percent() != 50 {
		t.Errorf("running log %+v %v", l, err)
	}
	l, err = ParseNvmeSanitizeLog(sample(t, "nvme-sanitize-log-never-v1.json"))
	if err != nil || l.Status != SanitizeNever || l.Done() {
		t.Errorf("v1 log %+v %v", l, err)
	}
	if _, err := ParseNvmeIDCtrl([]byte(`{"vid":1}`)); err == nil {
		t.Error("id-ctrl without capabilities accepted")
	}
}
