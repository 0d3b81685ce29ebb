package inventory

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/pcsolidaire/atelier/internal/fsread"
)

// HardwareRow is what a computer list says of one machine's hardware, for
// judging it before it leaves the DSI (atelier intake check). Zero means
// the export does not say.
type HardwareRow struct {
	Line                            int
	Serial, AssetTag, Vendor, Model string
	CPU                             string // processor model text, as the inventory wrote it
	CPUMHz                          int
	RAMBytes, DiskBytes             int64
}

// Header names of the hardware columns, compared after intakeFold. GLPI's
// computer list shows component fields as "Composants - Processeur" (or,
// with the item type, "Ordinateur - Composants - Processeur"); OCS's
// export.csv has "RAM (MB)" and "CPU (MHz)", and some OCS versions a CPU
// type column.
var (
	hwCPUNames = []string{
		"Processeur", "Processor", "Composants Processeur", "Components Processor",
		"Composants Processeur Nom", "Components Processor Name", "Processeur Modèle",
		"Type de processeur", "Processor type", "CPU type", "CPU", "CPU model", "CPU name",
		"Modèle du processeur", "Modèle de processeur", "Processor model", "Processeurs", "Processors",
	}
	hwMHzNames = []string{
		"CPU (MHz)", "CPU MHz", "Fréquence", "Processeur Fréquence", "Composants Processeur Fréquence",
		"Fréquence du processeur", "Processor frequency", "Frequency", "Components Processor Frequency",
		"CPU speed", "CPU speed (MHz)", "Vitesse du processeur",
	}
	hwRAMNames = []string{
		"RAM (MB)", "RAM (Mo)", "RAM (GB)", "RAM (Go)", "RAM", "Mémoire", "Memory", "Mémoire vive",
		"Mémoire (Mio)", "Memory (MiB)", "Mémoire (Mo)", "Memory (MB)", "Composants Mémoire",
		"Composants Mémoire Taille", "Components Memory", "Components Memory Size", "Mémoire Taille",
	}
	hwDiskNames = []string{
		"Disque dur", "Disque", "Disk", "Disk size", "Hard drive", "Hard disk", "HDD", "Stockage", "Storage",
		"Capacité", "Capacity", "Taille du disque", "Disque dur Capacité", "Composants Disque dur",
		"Composants Disque dur Capacité", "Components Hard drive", "Components Hard drive Capacity",
		"Disk (MB)", "Disk (GB)", "Disque (Go)", "Disque (Mo)",
		// GLPI 10's own names (search option "Hard drive size"), and
		// GLPI 11's ("Hard drive: Capacity by default").
		"Taille du disque dur", "Hard drive size", "Disque dur : Capacité par défaut", "Hard drive: Capacity by default",
	}
)

// ExportKind says what made a computer list, read from its header: GLPI
// (in French or English, the language of its user interface), OCS
// Inventory, or another spreadsheet.
type ExportKind string

const (
	ExportGLPIFrench  ExportKind = "glpi-fr"
	ExportGLPIEnglish ExportKind = "glpi-en"
	ExportOCS         ExportKind = "ocs"
	ExportOther       ExportKind = "other"
)

// Hardware facts an export may hold (HardwareList.Has, GLPIColumn).
const (
	HardwareCPU  = "cpu"
	HardwareRAM  = "ram"
	HardwareDisk = "disk"
)

// glpiColumns are the names GLPI 10 gives, in its computer list's search
// view, to the columns that hold each hardware fact (the "Components"
// group: search options 17, 111 and 115; GLPI's own French translation).
var glpiColumns = map[ExportKind]map[string]string{
	ExportGLPIFrench:  {HardwareCPU: "Processeur", HardwareRAM: "Mémoire", HardwareDisk: "Taille du disque dur"},
	ExportGLPIEnglish: {HardwareCPU: "Processor", HardwareRAM: "Memory", HardwareDisk: "Hard drive size"},
}

// GLPIColumn is the name of the GLPI column that holds fact (HardwareCPU,
// HardwareRAM, HardwareDisk) in the export's language, "" for an export
// that is not GLPI's.
func GLPIColumn(kind ExportKind, fact string) string { return glpiColumns[kind][fact] }

// GLPIView is where, in GLPI 10's interface and in the export's language,
// one adds columns to the computer list: the menu, the title of the button
// above the list that opens the choice of columns, and the group the
// hardware columns are in.
type GLPIView struct{ Menu, Button, Group string }

var glpiViews = map[ExportKind]GLPIView{
	ExportGLPIFrench:  {Menu: "Parc > Ordinateurs", Button: "Sélectionnez les éléments à afficher par défaut", Group: "Composants"},
	ExportGLPIEnglish: {Menu: "Assets > Computers", Button: "Select default items to show", Group: "Components"},
}

// GLPIViewOf is GLPIView for an export's kind (zero for one not GLPI's).
func GLPIViewOf(kind ExportKind) GLPIView { return glpiViews[kind] }

// Header names that only GLPI's computer list writes, and the French ones
// among GLPI's, compared after intakeFold.
var (
	glpiMarkers = []string{"Système d'exploitation - Nom", "Operating system - Name", "Dernière modification",
		"Last update", "Entité", "Entity", "Statut", "Status"}
	glpiFrenchNames = []string{"Nom", "Numéro de série", "Fabricant", "Statut", "Entité", "Lieu", "Modèle",
		"Dernière modification", "Système d'exploitation - Nom", "Numéro d'inventaire", "Processeur", "Mémoire"}
	ocsMarkers = []string{"TAG", "Computer", "Last inventory", "RAM (MB)", "CPU (MHz)", "BIOS Serial number"}
)

// exportKind reads who made a computer list from its header.
func exportKind(header []string) ExportKind {
	find, _ := intakeHeaderFinder(header)
	has := func(names []string) bool {
		for _, n := range names {
			if find([]string{n}) >= 0 {
				return true
			}
		}
		return false
	}
	switch {
	case has(ocsMarkers):
		return ExportOCS
	case !has(glpiMarkers):
		return ExportOther
	case has(glpiFrenchNames):
		return ExportGLPIFrench
	}
	return ExportGLPIEnglish
}

// HardwareList is what a computer list says of its machines' hardware,
// and of the export itself: who made it, which hardware columns it has.
type HardwareList struct {
	Rows []HardwareRow
	Kind ExportKind
	// Has tells, per fact (HardwareCPU, HardwareRAM, HardwareDisk),
	// whether the export has a column for it, filled or not.
	Has map[string]bool
}

// hwColumns are the indexes of the hardware columns (-1: absent).
type hwColumns struct{ cpu, mhz, ram, disk int }

// hwFindColumns matches hardware header names the way intakeFindColumns
// matches the identity columns (accents, case and punctuation ignored, the
// item-type prefix dropped).
func hwFindColumns(header []string) hwColumns {
	find, _ := intakeHeaderFinder(header)
	return hwColumns{cpu: find(hwCPUNames), mhz: find(hwMHzNames), ram: find(hwRAMNames), disk: find(hwDiskNames)}
}

// ParseHardwareList reads the same computer lists as ParseComputerList and
// returns, per machine, its identity and the hardware facts the export
// holds (processor, RAM, disk). A file import would refuse is refused with
// the very same *IntakeError, so a DSI technician checking a batch learns
// of a bad row before sending it. The file is read into memory: it is
// parsed twice, once by the import's own rules.
func ParseHardwareList(r io.Reader, file string) ([]HardwareRow, error) {
	list, err := ParseHardwareExport(r, file)
	return list.Rows, err
}

// ParseHardwareExport is ParseHardwareList, also saying who made the
// export and which hardware columns it has, so that a DSI can be told once
// which columns to add rather than "unknown" on every line.
func ParseHardwareExport(r io.Reader, file string) (HardwareList, error) {
	data, err := fsread.ReadAll(r, file, MaxIntakeBytes)
	if err != nil {
		return HardwareList{}, err
	}
	units, err := ParseComputerList(bytes.NewReader(data), file)
	if err != nil {
		return HardwareList{}, err
	}
	hw, err := hwRead(data, file)
	if err != nil {
		return HardwareList{}, err
	}
	out := HardwareList{Rows: make([]HardwareRow, 0, len(units)), Kind: hw.kind, Has: map[string]bool{
		HardwareCPU: hw.cols.cpu >= 0, HardwareRAM: hw.cols.ram >= 0, HardwareDisk: hw.cols.disk >= 0}}
	for _, u := range units {
		h := hw.rows[u.SourceLine]
		h.Line, h.Serial, h.AssetTag, h.Vendor, h.Model = u.SourceLine, u.Serial, u.AssetTag, u.Vendor, u.Model
		out.Rows = append(out.Rows, h)
	}
	return out, nil
}

// hwExport is what hwRead finds: the rows by line, the hardware columns and
// who made the export.
type hwExport struct {
	rows map[int]HardwareRow
	cols hwColumns
	kind ExportKind
}

// hwRead reads the hardware columns of an export ParseComputerList has
// accepted, keyed by line, with the import's decoder and delimiter sniffing
// so that lines are numbered alike.
func hwRead(data []byte, file string) (hwExport, error) {
	dec := newIntakeDecoder()
	text, key, err := intakeOpen(bytes.NewReader(data), dec)
	if err != nil {
		return hwExport{}, fmt.Errorf("read %s: %w", file, err)
	}
	if key != "" {
		return hwExport{}, &IntakeError{File: file, Key: key}
	}
	br := bufio.NewReaderSize(text, 64<<10)
	comma, skipLines, err := intakeSniff(br)
	if err != nil {
		return hwExport{}, intakeReadError(file, err)
	}
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return hwExport{}, intakeReadError(file, err)
	}
	cols := hwFindColumns(header)
	unitOf := func(i int) string {
		if i < 0 {
			return ""
		}
		return intakeFold(header[i])
	}
	ramUnit, diskUnit := unitOf(cols.ram), unitOf(cols.disk)
	out := hwExport{rows: make(map[int]HardwareRow), cols: cols, kind: exportKind(header)}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return hwExport{}, intakeReadError(file, err)
		}
		line, _ := cr.FieldPos(0)
		get := func(i int) string {
			if i < 0 || i >= len(rec) {
				return ""
			}
			return strings.Join(strings.Fields(rec[i]), " ")
		}
		out.rows[line+skipLines] = HardwareRow{
			CPU:       hwCPUText(get(cols.cpu)),
			CPUMHz:    hwMHz(get(cols.mhz)),
			RAMBytes:  hwRAMBytes(rec, cols.ram, ramUnit),
			DiskBytes: hwDiskBytes(rec, cols.disk, diskUnit),
		}
	}
}

// hwCPUText keeps the first processor of a multi-valued GLPI field (one
// line per processor, or GLPI's "$$##$$" separator): they are alike.
func hwCPUText(s string) string {
	for _, sep := range []string{"$$##$$", "<br>"} {
		if i := strings.Index(s, sep); i >= 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s)
}

// hwValues splits a multi-valued field (one value per line, "$$##$$" or
// "<br>" between them, as GLPI exports component lists).
func hwValues(rec []string, i int) []string {
	if i < 0 || i >= len(rec) {
		return nil
	}
	s := strings.NewReplacer("$$##$$", "\n", "<br>", "\n", "<br/>", "\n").Replace(rec[i])
	var out []string
	for _, v := range strings.Split(s, "\n") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

const (
	hwMiB = 1 << 20
	hwGiB = 1 << 30
)

// hwRAMBytes sums the memory values of a row (GLPI lists one per module).
// A value carries its unit ("8 Go", "8 GB", "4096 Mo") or takes the
// header's ("RAM (MB)"); a bare number is MB when large, GB when small:
// nobody has 512 GB in a donated PC, nor 8 MB.
func hwRAMBytes(rec []string, col int, headerUnit string) int64 {
	var total float64
	for _, v := range hwValues(rec, col) {
		n, unit := hwSize(v)
		if n <= 0 {
			continue
		}
		if unit == "" {
			unit = hwHeaderUnit(headerUnit)
		}
		switch unit {
		case "t":
			total += n * 1024 * hwGiB
		case "g":
			total += n * hwGiB
		case "m":
			total += n * hwMiB
		case "k":
			total += n * 1024
		default:
			if n <= 256 {
				total += n * hwGiB
			} else {
				total += n * hwMiB
			}
		}
	}
	return hwBytes(total)
}

// hwDiskBytes is the largest disk of a row: that is the one an OS goes on.
// Inventories count disks in MiB (GLPI, OCS) or in GB as sold; a bare
// number is MB above 4096 (no donated PC has a 4 TB system disk).
func hwDiskBytes(rec []string, col int, headerUnit string) int64 {
	var largest float64
	for _, v := range hwValues(rec, col) {
		n, unit := hwSize(v)
		if n <= 0 {
			continue
		}
		if unit == "" {
			unit = hwHeaderUnit(headerUnit)
		}
		var b float64
		switch unit {
		case "t":
			b = n * 1e12
		case "g":
			b = n * 1e9
		case "m":
			b = n * hwMiB
		default:
			if n > 4096 {
				b = n * hwMiB
			} else {
				b = n * 1e9
			}
		}
		largest = max(largest, b)
	}
	return hwBytes(largest)
}

// hwMaxBytes bounds a size read from an export: a petabyte of RAM or disk
// in a donated PC is a typo or another column, so it counts as unknown.
const hwMaxBytes = 1 << 50

func hwBytes(v float64) int64 {
	if v <= 0 || v > hwMaxBytes {
		return 0
	}
	return int64(v)
}

// hwHeaderUnit reads the unit a header gives its column: "RAM (MB)" -> m.
func hwHeaderUnit(folded string) string {
	for _, w := range strings.Fields(folded) {
		switch w {
		case "mb", "mo", "mib", "mio":
			return "m"
		case "gb", "go", "gib", "gio":
			return "g"
		}
	}
	return ""
}

// hwSize reads "8 Go", "7,8 GB", "4096", "500 GiB", "1 To" into a number
// and a unit letter (t, g, m, k; "" when none). A value it cannot read is 0.
func hwSize(v string) (float64, string) {
	v = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(v, "\u00a0", " ")))
	i := 0
	for i < len(v) && (v[i] >= '0' && v[i] <= '9' || v[i] == '.' || v[i] == ',' || v[i] == ' ') {
		i++
	}
	num := strings.NewReplacer(" ", "", ",", ".").Replace(v[:i])
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) || n < 0 || n > 1e12 {
		return 0, ""
	}
	rest := strings.TrimSpace(v[i:])
	switch {
	case rest == "":
		return n, ""
	case strings.HasPrefix(rest, "t"):
		return n, "t"
	case strings.HasPrefix(rest, "g"):
		return n, "g"
	case strings.HasPrefix(rest, "m"):
		return n, "m"
	case strings.HasPrefix(rest, "k"):
		return n, "k"
	}
	return 0, ""
}

// hwMHz is a processor speed in MHz; past 20 GHz it is another column or
// a typo, so unknown.
func hwMHz(v string) int {
	if n := hwNumber(v); n >= 1 && n <= 20000 {
		return int(n)
	}
	return 0
}

// hwNumber reads a plain number ("2500", "2 500", "2500 MHz"; "2,5 GHz"
// becomes 2500).
func hwNumber(v string) float64 {
	n, unit := hwSize(v)
	if unit == "g" { // GHz
		return n * 1000
	}
	if unit == "m" || unit == "" {
		return n
	}
	return 0
}
