package probe

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// laptopTree writes a small /sys and /proc tree of a ThinkPad-like laptop:
// the files the kernel exposes for each fact probe reads directly, laid out
// as on a real system (class entries are symlinks into /sys/devices).
func laptopTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	file := func(p, content string) {
		t.Helper()
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(p, target string) {
		t.Helper()
		full := filepath.Join(root, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.Symlink(target, full); err != nil {
			t.Fatal(err)
		}
	}
	dir := func(p string) { os.MkdirAll(filepath.Join(root, p), 0o755) }

	cpuinfo := ""
	for i, core := range []string{"0", "1", "0", "1"} {
		cpuinfo += "processor\t: " + string(rune('0'+i)) + "\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Core(TM) i5-7200U CPU @ 2.50GHz\n" +
			"physical id\t: 0\ncore id\t\t: " + core + "\ncpu MHz\t\t: 800.000\nflags\t\t: fpu pae sse2 lm nx sse4_2 avx avx2 aes\n\n"
		cpu := "sys/devices/system/cpu/cpu" + string(rune('0'+i))
		file(cpu+"/topology/physical_package_id", "0\n")
		file(cpu+"/topology/core_id", core+"\n")
		file(cpu+"/online", "1\n")
		file(cpu+"/cpufreq/cpuinfo_max_freq", "3100000\n")
	}
	file("proc/cpuinfo", cpuinfo)
	file("proc/meminfo", "MemTotal:        7988428 kB\nMemFree:         1000000 kB\n")

	// DMI identity
	for k, v := range map[string]string{"sys_vendor": "LENOVO", "product_name": "20HF0004FR", "product_version": "ThinkPad T470s",
		"product_serial": "PF0XYZ12", "product_sku": "LENOVO_MT_20HF", "chassis_type": "10", "bios_vendor": "LENOVO",
		"bios_version": "N1WET51W (1.30 )", "bios_date": "06/11/2019"} {
		file("sys/class/dmi/id/"+k, v+"\n")
	}
	// UEFI, 64-bit firmware, Secure Boot on (4 attribute bytes, then 1)
	file("sys/firmware/efi/fw_platform_size", "64\n")
	file("sys/firmware/efi/efivars/"+secureBootVar, "\x06\x00\x00\x00\x01")

	// SATA SSD with its serial in udev's database, a USB stick, an eMMC,
	// and devices that are not disks.
	disk := func(name, devpath, majmin, sectors, rotational, removable string) {
		link("sys/block/"+name, "../devices/"+devpath+"/block/"+name)
		d := "sys/devices/" + devpath + "/block/" + name
		file(d+"/size", sectors+"\n")
		file(d+"/dev", majmin+"\n")
		file(d+"/queue/rotational", rotational+"\n")
		file(d+"/removable", removable+"\n")
	}
	disk("fakesata0", "pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0", "8:0", "500118192", "0", "0")
	file("run/udev/data/b8:0", "E:ID_MODEL=Samsung_SSD_860_EVO_250GB\nE:ID_SERIAL_SHORT=S3YJNB0K123456A\n")
	disk("fakeusb0", "pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/host2/target2:0:0/2:0:0:0", "8:16", "30031872", "1", "1")
	disk("fakemmc0", "pci0000:00/0000:00:1e.6/mmc_host/mmc0/mmc0:0001", "179:0", "61071360", "0", "0")
	disk("sr0", "pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0", "11:0", "2097151", "1", "1")
	disk("zram0", "virtual", "252:0", "8388608", "0", "0")
	disk("loop0", "virtual", "7:0", "1000", "0", "0")

	// Battery at 50 % of its design capacity; the AC adapter is not one.
	bat := "sys/class/power_supply/BAT0/"
	file(bat+"type", "Battery\n")
	file(bat+"manufacturer", "SMP\n")
	file(bat+"model_name", "01AV406\n")
	file(bat+"energy_full_design", "24000000\n")
	file(bat+"energy_full", "12000000\n")
	file(bat+"cycle_count", "612\n")
	file("sys/class/power_supply/AC/type", "Mains\n")

	// Internal panel, plus an external screen that must not count.
	link("sys/class/drm/card0-eDP-1", "../../devices/pci0000:00/0000:00:02.0/drm/card0/card0-eDP-1")
	file("sys/devices/pci0000:00/0000:00:02.0/drm/card0/card0-eDP-1/status", "connected\n")
	file("sys/devices/pci0000:00/0000:00:02.0/drm/card0/card0-eDP-1/modes", "1920x1080\n1366x768\n1024x768\n")
	link("sys/class/drm/card0-HDMI-A-1", "../../devices/pci0000:00/0000:00:02.0/drm/card0/card0-HDMI-A-1")
	file("sys/devices/pci0000:00/0000:00:02.0/drm/card0/card0-HDMI-A-1/status", "connected\n")
	file("sys/devices/pci0000:00/0000:00:02.0/drm/card0/card0-HDMI-A-1/modes", "3840x2160\n")

	// PCI: Intel HD 620, a Broadcom BCM4352 Wi-Fi card, an NVIDIA GK208.
	pci := func(addr, vendor, device, class, modalias string) {
		d := "sys/devices/pci0000:00/" + addr
		file(d+"/vendor", "0x"+vendor+"\n")
		file(d+"/device", "0x"+device+"\n")
		file(d+"/class", "0x"+class+"\n")
		file(d+"/modalias", modalias+"\n")
		link("sys/bus/pci/devices/"+addr, "../../../devices/pci0000:00/"+addr)
	}
	pci("0000:00:02.0", "8086", "5916", "030000", "pci:v00008086d00005916sv000017AAsd0000224Fbc03sc00i00")
	pci("0000:02:00.0", "14e4", "43b1", "028000", "pci:v000014E4d000043B1sv0000105Bsd0000E042bc02sc80i00")
	pci("0000:03:00.0", "10de", "1288", "030200", "pci:v000010DEd00001288sv000017AAsd00002240bc03sc02i00")
	link("sys/class/net/wlp2s0", "../../devices/pci0000:00/0000:02:00.0/net/wlp2s0")
	dir("sys/devices/pci0000:00/0000:02:00.0/net/wlp2s0/wireless")
	// USB Ethernet dongle
	usb := "sys/devices/pci0000:00/0000:00:14.0/usb1/1-1/"
	file(usb+"idVendor", "0bda\n")
	file(usb+"idProduct", "8153\n")
	file(usb+"manufacturer", "Realtek\n")
	file(usb+"product", "USB 10/100/1000 LAN\n")
	link("sys/class/net/enx00e04c680001", "../../devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.0/net/enx00e04c680001")
	dir(usb + "1-1:1.0/net/enx00e04c680001")
	link("sys/class/net/lo", "../../devices/virtual/net/lo")
	dir("sys/devices/virtual/net/lo")
	// A virtio-style NIC: its "device" link is relative to the real
	// interface directory, not to the /sys/class/net alias.
	pci("0000:00:1f.6", "8086", "15d7", "020000", "pci:v00008086d000015D7sv000017AAsd0000224Fbc02sc00i00")
	link("sys/class/net/eth0", "../../devices/pci0000:00/0000:00:1f.6/virtio2/net/eth0")
	dir("sys/devices/pci0000:00/0000:00:1f.6/virtio2/net/eth0")
	link("sys/devices/pci0000:00/0000:00:1f.6/virtio2/net/eth0/device", "../../../virtio2")
	// A software interface outside /sys/devices/virtual, with no device.
	link("sys/class/net/docker0", "../../devices/platform/net/docker0")
	dir("sys/devices/platform/net/docker0")
	return root
}

const ssdSmart = `{"json_format_version":[1,0],"smartctl":{"exit_status":0},
 "device":{"name":"/dev/fake","type":"sat","protocol":"ATA"},
 "model_name":"Samsung SSD 860 EVO 250GB","serial_number":"S3YJNB0K123456A",
 "user_capacity":{"bytes":250060490752},"rotation_rate":0,
 "smart_status":{"passed":true},"power_on_time":{"hours":8123},
 "ata_smart_attributes":{"table":[{"id":5,"name":"Reallocated_Sector_Ct","raw":{"value":0,"string":"0"}},
   {"id":197,"name":"Current_Pending_Sector","raw":{"value":0,"string":"0"}}]}}`

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGatherTree(t *testing.T) {
	root := laptopTree(t)
	r, err := Gather(context.Background(), Options{Root: root, Smartctl: []string{writeTemp(t, "fakesata0.json", ssdSmart)}})
	if err != nil {
		t.Fatal(err)
	}
	want := System{Vendor: "LENOVO", Product: "20HF0004FR", Version: "ThinkPad T470s", Serial: "PF0XYZ12",
		SKU: "LENOVO_MT_20HF", Chassis: "laptop", ChassisType: 10}
	if r.System != want {
		t.Errorf("system = %+v", r.System)
	}
	if f := r.Firmware; f.BootMode != "uefi" || f.UEFIBits != 64 || f.SecureBoot != "enabled" || f.BIOSVersion != "N1WET51W (1.30 )" || f.BIOSDate != "06/11/2019" {
		t.Errorf("firmware = %+v", f)
	}
	if c := r.CPU; c.Model != "Intel(R) Core(TM) i5-7200U CPU @ 2.50GHz" || c.Cores != 2 || c.Threads != 4 || c.MaxMHz != 3100 || !c.Is64Bit {
		t.Errorf("cpu = %+v", c)
	}
	// fakesata0 (SSD, health attached by serial), fakeusb0 (USB), fakemmc0; not sr0,
	// zram0 nor loop0.
	if len(r.Disks) != 3 {
		t.Fatalf("disks = %+v", r.Disks)
	}
	ssd := r.Disks[2]
	for _, d := range r.Disks {
		if d.Name == "fakesata0" {
			ssd = d
		}
	}
	if ssd.Serial != "S3YJNB0K123456A" || ssd.Medium != "ssd" || ssd.Transport != "sata" || ssd.SizeBytes != 500118192*512 ||
		ssd.Health == nil || ssd.Health.Verdict != "good" || ssd.Health.PowerOnHours != 8123 {
		t.Errorf("fakesata0 = %+v health %+v", ssd, ssd.Health)
	}
	media := map[string]string{}
	for _, d := range r.Disks {
		media[d.Name] = d.Medium + "/" + d.Transport
	}
	if media["fakeusb0"] != "usb/usb" || media["fakemmc0"] != "mmc/mmc" {
		t.Errorf("media = %v", media)
	}
	if len(r.Batteries) != 1 || r.Batteries[0].HealthPercent != 50 || r.Batteries[0].DesignWh != 24 || r.Batteries[0].Cycles != 612 {
		t.Errorf("batteries = %+v", r.Batteries)
	}
	if r.Display != (Display{Connector: "eDP-1", Width: 1920, Height: 1080}) {
		t.Errorf("display = %+v (the 4K HDMI screen is not the panel)", r.Display)
	}
	gens := map[string]string{}
	for _, g := range r.GPUs {
		gens[g.PCIID] = g.Generation
	}
	if len(r.GPUs) != 2 || gens["10de:1288"] != "Kepler" {
		t.Errorf("gpus = %+v", r.GPUs)
	}
	// lo (virtual) and docker0 (no device, no bus) are left out: no
	// "wired [unknown] unknown unknown" line.
	if len(r.Network) != 3 {
		t.Fatalf("network = %+v", r.Network)
	}
	for _, n := range r.Network {
		switch n.Name {
		case "wlp2s0":
			if n.Kind != "wifi" || !n.Broadcom || n.ID != "14e4:43b1" || n.Bus != "pci" {
				t.Errorf("wifi = %+v", n)
			}
		case "enx00e04c680001":
			if n.Kind != "wired" || n.Bus != "usb" || n.ID != "0bda:8153" || n.Product != "USB 10/100/1000 LAN" {
				t.Errorf("usb nic = %+v", n)
			}
		case "eth0":
			if n.Kind != "wired" || n.Bus != "pci" || n.ID != "8086:15d7" {
				t.Errorf("virtio-style nic = %+v (its relative device link was not followed)", n)
			}
		default:
			t.Errorf("unexpected nic %+v", n)
		}
	}
	if r.Virtualization != "none" {
		t.Errorf("virtualization = %q", r.Virtualization)
	}
}

// TestCaptureRoundTrip: a capture of a tree, a dmidecode dump and a
// smartctl output, read back with Root alone, gives the same report.
func TestCaptureRoundTrip(t *testing.T) {
	root := laptopTree(t)
	dump := writeTemp(t, "dmi.txt", "Handle 0x0011, DMI type 16, 23 bytes\nPhysical Memory Array\n\tUse: System Memory\n\tMaximum Capacity: 32 GB\n\tNumber Of Devices: 2\n\n"+
		"Handle 0x0012, DMI type 17, 40 bytes\nMemory Device\n\tArray Handle: 0x0011\n\tSize: 8 GB\n\tForm Factor: SODIMM\n\tLocator: ChannelA-DIMM0\n\tType: DDR4\n\tSpeed: 2133 MT/s\n\n"+
		"Handle 0x0013, DMI type 17, 40 bytes\nMemory Device\n\tArray Handle: 0x0011\n\tSize: No Module Installed\n\tForm Factor: SODIMM\n\tLocator: ChannelB-DIMM0\n\tType: Unknown\n")
	capture := filepath.Join(t.TempDir(), "unit.tar.gz")
	first, err := Gather(context.Background(), Options{Root: root, DMIDecode: dump, Smartctl: []string{writeTemp(t, "fakesata0.json", ssdSmart)}, Capture: capture})
	if err != nil {
		t.Fatal(err)
	}
	if first.Memory.SlotsTotal != 2 || first.Memory.SlotsUsed != 1 || first.Memory.TotalBytes != 8<<30 || first.Memory.MaxBytes != 32<<30 {
		t.Errorf("memory = %+v", first.Memory)
	}
	again, err := Gather(context.Background(), Options{Root: capture})
	if err != nil {
		t.Fatal(err)
	}
	again.Source, again.ProbedAt = first.Source, first.ProbedAt
	if !reflect.DeepEqual(first, again) {
		t.Errorf("replayed report differs:\nfirst %+v\nagain %+v", first, again)
	}
}

// TestCaptureLive: capturing this machine and reading the capture back
// gives the same hardware facts.
func TestCaptureLive(t *testing.T) {
	capture := filepath.Join(t.TempDir(), "live.tar.gz")
	live, err := Gather(context.Background(), Options{Capture: capture, NoTools: true})
	if err != nil {
		t.Fatal(err)
	}
	replay, err := Gather(context.Background(), Options{Root: capture})
	if err != nil {
		t.Fatal(err)
	}
	for name, pair := range map[string][2]any{
		"system": {live.System, replay.System}, "firmware": {live.Firmware, replay.Firmware},
		"cpu": {live.CPU, replay.CPU}, "memory": {live.Memory, replay.Memory},
		"disks": {live.Disks, replay.Disks}, "gpus": {live.GPUs, replay.GPUs},
		"network": {live.Network, replay.Network}, "batteries": {live.Batteries, replay.Batteries},
		"display": {live.Display, replay.Display},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s: live %+v, replayed %+v", name, pair[0], pair[1])
		}
	}
}

func TestNVIDIAGenerations(t *testing.T) {
	for id, want := range map[string]string{
		"0a65":   "Tesla",   // GeForce 210
		"06c0":   "Fermi",   // GTX 480
		"0de1":   "Fermi",   // GT 430
		"1180":   "Kepler",  // GTX 680
		"0fc6":   "Kepler",  // GTX 650
		"1287":   "Kepler",  // GT 730 (GK208)
		"1380":   "Maxwell", // GTX 750 Ti
		"13c2":   "Maxwell", // GTX 970
		"1b80":   "Pascal",  // GTX 1080
		"1c82":   "Pascal",  // GTX 1050 Ti
		"1e04":   "Turing",  // RTX 2080 Ti
		"1f82":   "Turing",  // GTX 1650
		"2182":   "Turing",  // GTX 1660 Ti
		"2204":   "Ampere",  // RTX 3090
		"2684":   "Ada",     // RTX 4090
		"0x1b06": "Pascal",  // GTX 1080 Ti, 0x form
		"0001":   Unknown,
		"zz":     Unknown,
	} {
		if got := nvidiaGeneration(id); got != want {
			t.Errorf("%s = %s, want %s", id, got, want)
		}
	}
}

// TestSecureBootStates: the SecureBoot variable's last byte, a firmware
// without the variable, and efivarfs not mounted (empty folder).
func TestSecureBootStates(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"off", map[string]string{"efivars/" + secureBootVar: "\x06\x00\x00\x00\x00"}, "disabled"},
		{"on", map[string]string{"efivars/" + secureBootVar: "\x06\x00\x00\x00\x01"}, "enabled"},
		{"no variable", map[string]string{"efivars/Boot0000-8be4df61-93ca-11d2-aa0d-00e098032b8c": "\x07\x00\x00\x00"}, "disabled"},
		{"not mounted", map[string]string{"efivars/": ""}, Unknown},
	} {
		root := t.TempDir()
		for p, content := range c.files {
			full := filepath.Join(root, "sys/firmware/efi", p)
			os.MkdirAll(filepath.Dir(full), 0o755)
			if content != "" {
				os.WriteFile(full, []byte(content), 0o644)
			}
		}
		s := &source{root: root, tree: true}
		r := newReport(Options{})
		s.gatherFirmware(r)
		if r.Firmware.BootMode != "uefi" || r.Firmware.SecureBoot != c.want {
			t.Errorf("%s: %+v", c.name, r.Firmware)
		}
	}
	// no /sys/firmware/efi under /sys/firmware: legacy BIOS boot
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "sys/firmware/acpi"), 0o755)
	s := &source{root: root, tree: true}
	r := newReport(Options{})
	s.gatherFirmware(r)
	if r.Firmware.BootMode != "bios" {
		t.Errorf("bios: %+v", r.Firmware)
	}
}

// TestBroadcomWithoutDriverAndChargeBattery: on a fresh live system the
// Broadcom Wi-Fi card has no driver, hence no interface: it is still listed
// (from PCI) and flagged. A battery reporting charge (µAh) instead of energy
// is converted with its design voltage.
func TestBroadcomWithoutDriverAndChargeBattery(t *testing.T) {
	root := t.TempDir()
	write := func(p, c string) {
		os.MkdirAll(filepath.Dir(filepath.Join(root, p)), 0o755)
		os.WriteFile(filepath.Join(root, p), []byte(c), 0o644)
	}
	write("sys/devices/pci0000:00/0000:03:00.0/vendor", "0x14e4\n")
	write("sys/devices/pci0000:00/0000:03:00.0/device", "0x4315\n")
	write("sys/devices/pci0000:00/0000:03:00.0/class", "0x028000\n")
	os.MkdirAll(filepath.Join(root, "sys/bus/pci/devices"), 0o755)
	os.Symlink("../../../devices/pci0000:00/0000:03:00.0", filepath.Join(root, "sys/bus/pci/devices/0000:03:00.0"))
	write("sys/class/power_supply/BAT1/type", "Battery\n")
	write("sys/class/power_supply/BAT1/charge_full_design", "4400000\n") // 4.4 Ah
	write("sys/class/power_supply/BAT1/charge_full", "3300000\n")
	write("sys/class/power_supply/BAT1/voltage_min_design", "10800000\n") // 10.8 V
	s := &source{root: root, tree: true}
	r := newReport(Options{})
	s.gatherPCI(r)
	s.gatherBatteries(r)
	if len(r.Network) != 1 || r.Network[0].Name != "" || r.Network[0].Kind != "wifi" || !r.Network[0].Broadcom || r.Network[0].ID != "14e4:4315" {
		t.Errorf("network = %+v", r.Network)
	}
	if len(r.Batteries) != 1 || r.Batteries[0].DesignWh != 47.5 || r.Batteries[0].FullWh != 35.6 || r.Batteries[0].HealthPercent != 74.9 {
		t.Errorf("batteries = %+v", r.Batteries)
	}
}
