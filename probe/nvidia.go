package probe

import "strconv"

// nvidiaRanges maps NVIDIA PCI device ids to the GPU architecture, one range
// per chip family.
//
// Source: the chip-to-id assignments published in the PCI ID Repository
// (pci-ids.ucw.cz, file pci.ids, vendor 10de), cross-checked with the
// chipset tables of the nouveau driver (nouveau.freedesktop.org
// "CodeNames") and NVIDIA's driver README "Supported NVIDIA GPU products"
// appendix. NVIDIA allocates ids in blocks per die (GK107 0x0FC0-0x0FFF,
// GM107 0x1380-0x13BF...), so a range per die classifies cards released
// after this table was written as long as they use a known die. The blocks
// are not in chronological order: ids are matched exactly, never by "above
// X means newer".
var nvidiaRanges = []struct {
	lo, hi uint16
	gen    string
}{
	// Tesla (G8x, G9x, GT2xx) — last driver 340.
	{0x0190, 0x019F, "Tesla"}, // G80
	{0x0400, 0x042F, "Tesla"}, // G84, G86
	{0x05E0, 0x05FF, "Tesla"}, // GT200
	{0x0600, 0x06BF, "Tesla"}, // G92, G94, G96
	{0x06E0, 0x06FF, "Tesla"}, // G98
	{0x0840, 0x087F, "Tesla"}, // C77/C79 (ION) integrated
	{0x08A0, 0x08BF, "Tesla"}, // MCP89
	{0x0A20, 0x0A7F, "Tesla"}, // GT216, GT218
	{0x0CA0, 0x0CBF, "Tesla"}, // GT215
	{0x10C0, 0x10DF, "Tesla"}, // GT218
	// Fermi (GF1xx) — last driver 390.
	{0x06C0, 0x06DF, "Fermi"}, // GF100
	{0x0DC0, 0x0DFF, "Fermi"}, // GF106, GF108
	{0x0F00, 0x0F0F, "Fermi"}, // GF108
	{0x0E20, 0x0E3F, "Fermi"}, // GF104
	{0x1040, 0x107F, "Fermi"}, // GF119
	{0x1080, 0x109F, "Fermi"}, // GF110
	{0x1140, 0x115F, "Fermi"}, // GF117
	{0x1200, 0x121F, "Fermi"}, // GF114
	{0x1240, 0x125F, "Fermi"}, // GF116
	// Kepler (GK1xx, GK2xx) — last driver 470.
	{0x0FC0, 0x0FFF, "Kepler"}, // GK107
	{0x1000, 0x103F, "Kepler"}, // GK110, GK110B, GK210
	{0x1180, 0x11BF, "Kepler"}, // GK104
	{0x11C0, 0x11FF, "Kepler"}, // GK106
	{0x1280, 0x12BF, "Kepler"}, // GK208
	// Maxwell (GM1xx, GM2xx)
	{0x1340, 0x137F, "Maxwell"}, // GM108
	{0x1740, 0x174F, "Maxwell"}, // GM108M
	{0x1780, 0x179F, "Maxwell"}, // GM107
	{0x1380, 0x13BF, "Maxwell"}, // GM107
	{0x13C0, 0x13FF, "Maxwell"}, // GM204
	{0x1400, 0x143F, "Maxwell"}, // GM206
	{0x1617, 0x161F, "Maxwell"}, // GM204 mobile
	{0x1667, 0x167F, "Maxwell"}, // GM204 mobile
	{0x17C0, 0x17FF, "Maxwell"}, // GM200
	// Pascal (GP1xx)
	{0x15F0, 0x15FF, "Pascal"}, // GP100
	{0x1720, 0x172F, "Pascal"}, // GP100
	{0x1B00, 0x1B7F, "Pascal"}, // GP102
	{0x1B80, 0x1BFF, "Pascal"}, // GP104
	{0x1C00, 0x1C3F, "Pascal"}, // GP106
	{0x1C60, 0x1C7F, "Pascal"}, // GP106 mobile
	{0x1C80, 0x1CFF, "Pascal"}, // GP107
	{0x1D00, 0x1D5F, "Pascal"}, // GP108
	// Volta (GV100)
	{0x1D80, 0x1DFF, "Volta"},
	// Turing (TU1xx)
	{0x1E00, 0x1E7F, "Turing"}, // TU102
	{0x1E80, 0x1EFF, "Turing"}, // TU104
	{0x1F00, 0x1F7F, "Turing"}, // TU106
	{0x1F80, 0x1FFF, "Turing"}, // TU117
	{0x2180, 0x21FF, "Turing"}, // TU116
	// Ampere (GA1xx)
	{0x2080, 0x20FF, "Ampere"}, // GA100
	{0x2200, 0x223F, "Ampere"}, // GA102
	{0x2400, 0x247F, "Ampere"}, // GA103
	{0x2480, 0x24FF, "Ampere"}, // GA104
	{0x2500, 0x257F, "Ampere"}, // GA106
	{0x2580, 0x25FF, "Ampere"}, // GA107
	// Hopper (GH100)
	{0x2300, 0x233F, "Hopper"},
	// Ada Lovelace (AD10x)
	{0x2680, 0x26FF, "Ada"}, // AD102
	{0x2700, 0x277F, "Ada"}, // AD103
	{0x2780, 0x27FF, "Ada"}, // AD104
	{0x2800, 0x287F, "Ada"}, // AD106
	{0x2880, 0x28FF, "Ada"}, // AD107
	// Blackwell (GB20x)
	{0x2B80, 0x2BFF, "Blackwell"}, // GB202
	{0x2C00, 0x2C7F, "Blackwell"}, // GB203
	{0x2D00, 0x2DFF, "Blackwell"}, // GB206, GB207
	{0x2F00, 0x2F7F, "Blackwell"}, // GB205
}

// nvidiaGeneration names the architecture of an NVIDIA device id ("1180"
// or "0x1180"); "unknown" when the id is in no known block.
func nvidiaGeneration(deviceID string) string {
	if len(deviceID) > 2 && (deviceID[:2] == "0x" || deviceID[:2] == "0X") {
		deviceID = deviceID[2:]
	}
	id, err := strconv.ParseUint(deviceID, 16, 16)
	if err != nil {
		return Unknown
	}
	for _, r := range nvidiaRanges {
		if uint16(id) >= r.lo && uint16(id) <= r.hi {
			return r.gen
		}
	}
	return Unknown
}
