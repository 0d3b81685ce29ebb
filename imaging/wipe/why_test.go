package wipe

import (
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Every reason the plan gives for skipping a firmware erase is shown in
// French too: the cmd looks it up as "wipe.why:<English>".
func TestEveryWhyIsTranslated(t *testing.T) {
	hdd := imaging.BlockDevice{Medium: "hdd"}
	sec := func(s ATASecurity) *ATAInfo { return &ATAInfo{HasSecurity: true, Security: s} }
	whys := []string{
		unavailable(MethodATASecureErase, hdd, Facts{}),
		unavailable(MethodATASanitize, hdd, Facts{ATA: &ATAInfo{}}),
		unavailable(MethodATASecureErase, hdd, Facts{ATA: sec(ATASecurity{})}),
		unavailable(MethodATASecureErase, hdd, Facts{ATA: sec(ATASecurity{Supported: true, Frozen: true})}),
		unavailable(MethodATASecureErase, hdd, Facts{ATA: sec(ATASecurity{Supported: true, Locked: true})}),
		unavailable(MethodATASecureErase, hdd, Facts{ATA: sec(ATASecurity{Supported: true, Enabled: true})}),
		unavailable(MethodNVMeSanitize, hdd, Facts{}),
		unavailable(MethodNVMeSanitize, hdd, Facts{NVMe: &NVMeController{}}),
		unavailable(MethodNVMeFormat, hdd, Facts{NVMe: &NVMeController{}}),
	}
	_, enhanced := autoTechnique(hdd, Facts{ATA: sec(ATASecurity{Supported: true})})
	whys = append(whys, enhanced)
	for _, w := range whys {
		if w == "" {
			t.Fatal("a case gave no reason: the test no longer matches plan.go")
		}
		if _, ok := i18n.Lookup("wipe.why:" + w); !ok {
			t.Errorf("no French for %q (add it to internal/i18n/wipe.go wipeWhy)", w)
		}
	}
}
