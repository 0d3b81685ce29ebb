package inventory

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/transform"
)

// IntakeOptions are the choices of one batch import.
type IntakeOptions struct {
	Donor  string    // who gave the computers (required)
	Batch  string    // the batch reference; "" derives it from the file name and Now
	DryRun bool      // read and check everything, write nothing
	Now    time.Time // for the derived batch reference; zero means time.Now
}

// IntakeReport is what an import did, or would do on a dry run.
type IntakeReport struct {
	File          string       `json:"file"`
	Donor         string       `json:"donor"`
	Batch         string       `json:"batch"`
	DryRun        bool         `json:"dry_run"`
	CheckedLedger bool         `json:"checked_against_ledger"`
	Rows          int          `json:"rows"`
	Imported      []Unit       `json:"imported"`
	WouldImport   []NewUnit    `json:"would_import,omitempty"`
	Skipped       []SkippedRow `json:"skipped"`
	// Warnings: asset tags repeated in the file or already in the ledger
	// (imported all the same; look such units up by id or serial).
	Warnings []IntakeWarning `json:"warnings"`
}

// ImportComputerList registers a DSI computer list as one donation batch:
// the whole file is parsed and checked first (any bad row refuses it with
// an *IntakeError and nothing is written), then every computer is recorded
// in one transaction. Serials already in the ledger are skipped and listed,
// never duplicated. On a dry run the ledger is only read, and l may be nil:
// the file is then checked on its own (serials not compared with a ledger).
func ImportComputerList(ctx context.Context, l *Ledger, a Actor, r io.Reader, file string, o IntakeOptions) (IntakeReport, error) {
	var err error
	if o.Donor, err = normalizeName(FieldDonor, o.Donor); err != nil {
		return IntakeReport{}, err
	}
	if o.Donor == "" {
		return IntakeReport{}, newErr(ErrInvalidInput, "intake.donor.missing")
	}
	if o.Batch, err = normalizeName(FieldBatch, o.Batch); err != nil {
		return IntakeReport{}, err
	}
	name, err := CheckText(FieldFile, filepath.Base(file))
	if err != nil {
		return IntakeReport{}, err
	}
	rows, err := ParseComputerList(r, name)
	if err != nil {
		return IntakeReport{}, err
	}
	rep := IntakeReport{File: name, Donor: o.Donor, Batch: o.Batch, DryRun: o.DryRun,
		Rows: len(rows), Imported: []Unit{}, Skipped: []SkippedRow{}, Warnings: []IntakeWarning{}, CheckedLedger: l != nil}
	if rep.Batch == "" {
		rep.Batch = IntakeBatchRef(name, o.Now)
	}
	for i := range rows {
		rows[i].Donor, rows[i].Batch = rep.Donor, rep.Batch
	}
	if o.DryRun {
		rep.WouldImport = []NewUnit{}
		if l == nil { // checking a file with no ledger at hand (the DSI's office)
			rep.WouldImport = rows
			rep.Warnings, err = intakeTagWarnings(ctx, nil, rows, nil)
			return rep, err
		}
		existing, err := intakeExisting(ctx, l, rows)
		if err != nil {
			return IntakeReport{}, fmt.Errorf("dry run of %s: %w", name, err)
		}
		for _, nu := range rows {
			if id, found := existing(nu.Serial); found {
				rep.Skipped = append(rep.Skipped, SkippedRow{Line: nu.SourceLine, Serial: nu.Serial, ExistingID: id})
				continue
			}
			rep.WouldImport = append(rep.WouldImport, nu)
		}
		if rep.Warnings, err = intakeTagWarnings(ctx, l, rep.WouldImport, nil); err != nil {
			return IntakeReport{}, fmt.Errorf("dry run of %s: %w", name, err)
		}
		return rep, nil
	}
	res, err := l.ImportBatch(ctx, a, BatchInfo{Donor: rep.Donor, Batch: rep.Batch, File: name}, rows)
	if err != nil {
		return IntakeReport{}, fmt.Errorf("import %s: %w", name, err)
	}
	if res.Imported != nil {
		rep.Imported = res.Imported
	}
	if res.Skipped != nil {
		rep.Skipped = res.Skipped
	}
	// Warn after the fact: the rows are registered (a repeated tag is the
	// DSI's business, not a reason to refuse the batch).
	own := make(map[string]bool, len(rep.Imported))
	imported := make([]NewUnit, 0, len(rep.Imported))
	skipped := make(map[int]bool, len(rep.Skipped))
	for _, sk := range rep.Skipped {
		skipped[sk.Line] = true
	}
	for _, u := range rep.Imported {
		own[u.ID] = true
	}
	for _, nu := range rows {
		if !skipped[nu.SourceLine] {
			imported = append(imported, nu)
		}
	}
	if rep.Warnings, err = intakeTagWarnings(ctx, l, imported, own); err != nil {
		return IntakeReport{}, fmt.Errorf("import %s: %w", name, err)
	}
	return rep, nil
}

// intakeBulkLookup is the batch size from which a dry run reads every
// registered serial once instead of asking for each row: 200,000 single
// lookups take many seconds, one pass over the units a fraction of one.
const intakeBulkLookup = 1000

// intakeExisting answers "is this serial registered, as which unit?" for
// the rows of a dry run, with the ledger's own serial comparison.
func intakeExisting(ctx context.Context, l *Ledger, rows []NewUnit) (func(serial string) (string, bool), error) {
	if len(rows) < intakeBulkLookup {
		found := map[string]string{}
		for _, nu := range rows {
			u, ok, err := l.FindUnitBySerial(ctx, nu.Serial)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", nu.SourceLine, err)
			}
			if ok {
				found[key(nu.Serial)] = u.ID
			}
		}
		return func(s string) (string, bool) { id, ok := found[key(s)]; return id, ok }, nil
	}
	units, err := l.ListUnits(ctx, ListFilter{})
	if err != nil {
		return nil, err
	}
	ids := make(map[string]string, len(units))
	for _, u := range units {
		if k := key(u.Serial); ids[k] == "" {
			ids[k] = u.ID // units come by id: the first registered wins, as in FindUnitBySerial
		}
	}
	return func(s string) (string, bool) { id, ok := ids[key(s)]; return id, ok }, nil
}

// IntakeBatchRef is the batch reference given when the DSI named none: the
// export's name and the day of the import ("parc-2026-rebut-2026-11-22"),
// which is how a technician would find the batch again.
func IntakeBatchRef(file string, now time.Time) string {
	if now.IsZero() {
		now = time.Now()
	}
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	if f, _, err := transform.String(intakeFolder, base); err == nil {
		base = f // "Écoles été" -> "Ecoles ete": a reference to type, not to read
	}
	var b strings.Builder
	for _, r := range base {
		switch {
		case r == '-' || r == '_' || r == '.':
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('-')
		case r < 0x80 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
			b.WriteRune(r)
		}
	}
	ref := strings.Trim(b.String(), "-_.")
	if ref == "" || ref == "stdin" {
		ref = "batch"
	}
	return ref + "-" + now.Local().Format("2006-01-02")
}

// AddWalkIn registers one computer brought in by hand: the serial must be
// real (not a BIOS placeholder) and the type one atelier knows, since a
// volunteer typing it can fix it on the spot.
func AddWalkIn(ctx context.Context, l *Ledger, a Actor, u NewUnit) (Unit, error) {
	if err := normalizeNewUnit(&u); err != nil {
		return Unit{}, err
	}
	if u.Serial == "" {
		return Unit{}, newErr(ErrInvalidInput, "intake.add.no_serial")
	}
	if intakePlaceholderSerial(u.Serial) {
		return Unit{}, newErr(ErrInvalidInput, "intake.add.placeholder", u.Serial)
	}
	t, ok := NormalizeUnitType(u.Type)
	if !ok {
		return Unit{}, newErr(ErrInvalidInput, "intake.add.type", u.Type)
	}
	u.Type = t
	return l.AddUnit(ctx, a, u)
}
