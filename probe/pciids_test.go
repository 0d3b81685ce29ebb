package probe

import (
	"strings"
	"testing"
)

const miniPCIIDs = `# pci.ids excerpt
10de  NVIDIA Corporation
	1180  GK104 [GeForce GTX 680]
		1043 83f0  GTX680-2GD5
	1288  GK208B [GeForce GT 720]
14e4  Broadcom Inc. and subsidiaries
	43b1  BCM4352 802.11ac Dual Band Wireless Network Adapter
8086  Intel Corporation
	1180  not the NVIDIA one
C 03  Display controller
	00  VGA compatible controller
`

func TestScanPCIIDs(t *testing.T) {
	gk := &pciDevice{VendorID: "10de", DeviceID: "1180"}
	bcm := &pciDevice{VendorID: "14e4", DeviceID: "43b1"}
	odd := &pciDevice{VendorID: "10de", DeviceID: "ffff"}
	none := &pciDevice{VendorID: "1234", DeviceID: "0001"}
	if err := scanPCIIDs(strings.NewReader(miniPCIIDs), []*pciDevice{gk, bcm, odd, none}); err != nil {
		t.Fatal(err)
	}
	if gk.Vendor != "NVIDIA Corporation" || gk.Product != "GK104 [GeForce GTX 680]" {
		t.Errorf("gk104 = %+v", gk)
	}
	if bcm.Product != "BCM4352 802.11ac Dual Band Wireless Network Adapter" {
		t.Errorf("bcm = %+v", bcm)
	}
	if odd.Vendor != "NVIDIA Corporation" || odd.Product != "" || none.Vendor != "" {
		t.Errorf("unknown ids got names: %+v %+v", odd, none)
	}
}

func TestParseModalias(t *testing.T) {
	v, d, c := parseModalias("pci:v000010ECd00008168sv00001043sd00008677bc02sc00i00")
	if v != "10ec" || d != "8168" || c != "0200" {
		t.Errorf("modalias = %s %s %s", v, d, c)
	}
	for _, bad := range []string{"", "usb:v0BDAp8153", "pci:v0000", "pci:bcsc"} {
		if v, _, _ := parseModalias(bad); v != "" {
			t.Errorf("%q parsed as vendor %q", bad, v)
		}
	}
}
