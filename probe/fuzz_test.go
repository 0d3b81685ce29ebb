package probe

import (
	"os"
	"path/filepath"
	"testing"
)

// addCorpusSeeds adds the files of a corpus folder as fuzz seeds when the
// corpus is there; the inline seeds below cover a clone without it.
func addCorpusSeeds(f *testing.F, glob string) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpora", glob))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

func FuzzParseDMIDecode(f *testing.F) {
	f.Add([]byte("# dmidecode 3.4\nHandle 0x0003, DMI type 3, 21 bytes\nChassis Information\n\tType: Notebook\n"))
	f.Add([]byte("Handle 0x0011, DMI type 16, 23 bytes\nPhysical Memory Array\n\tUse: System Memory\n\tMaximum Capacity: 8 GB\n\tNumber Of Devices: 2\n\n" +
		"Handle 0x0012, DMI type 17, 40 bytes\nMemory Device\n\tArray Handle: 0x0011\n\tSize: 4096 MB\n\tForm Factor: SODIMM\n\tType: DDR3\n\tSpeed: 1333 MT/s\n"))
	f.Add([]byte("Handle 0x0004, DMI type 4, 48 bytes\nProcessor Information\n\tVersion: Intel(R) Atom(TM) CPU N270 @ 1.60GHz\n\tCharacteristics:\n\t\t64-bit capable\n"))
	f.Add([]byte("0123\nChassis Information\n\tType: Portable\nHandle 0x9, DMI type 22, 26 bytes\nPortable Battery\n\tDesign Capacity: 48840 mWh\n\tDesign Capacity Multiplier: 10\n"))
	addCorpusSeeds(f, "dmi/0[1-5].txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := ParseDMIDecode(data)
		if err != nil {
			return
		}
		m := info.Memory
		if m.SlotsUsed != len(m.Modules) || m.SlotsUsed > m.SlotsTotal || m.TotalBytes < 0 {
			t.Fatalf("inconsistent memory %+v", m)
		}
		if info.System.Chassis == "" || info.CPU.Model == "" {
			t.Fatalf("empty text fact: %+v", info)
		}
	})
}

func FuzzParseSmartctl(f *testing.F) {
	f.Add([]byte(`{"smartctl":{"exit_status":8},"smart_status":{"passed":false},"serial_number":"X"}`))
	f.Add([]byte(`{"device":{"name":"/dev/fake-nvme","protocol":"NVMe"},"nvme_smart_health_information_log":{"available_spare":3,"available_spare_threshold":10,"percentage_used":120,"media_errors":2}}`))
	f.Add([]byte(`{"smartctl":{"exit_status":0},"ata_smart_attributes":{"table":[{"id":197,"name":"Current_Pending_Sector","when_failed":"now","raw":{"value":4294967302,"string":"6"}},{"id":9,"raw":{"value":1,"string":"11685h+23m+41.123s"}}]}}`))
	f.Add([]byte(`{"smartctl":{"exit_status":2,"messages":[{"string":"open failed","severity":"error"}]}}`))
	addCorpusSeeds(f, "smartctl/smart-*.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseSmartctl(data)
		if err != nil {
			return
		}
		switch r.Health.Verdict {
		case "good":
			if len(r.Health.Reasons) != 0 {
				t.Fatalf("good with reasons %v", r.Health.Reasons)
			}
		case "worn", "failing", Unknown:
			if len(r.Health.Reasons) == 0 {
				t.Fatalf("%s without reasons", r.Health.Verdict)
			}
		default:
			t.Fatalf("verdict %q", r.Health.Verdict)
		}
	})
}
