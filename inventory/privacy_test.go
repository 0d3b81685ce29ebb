package inventory

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// privacyCases are real-looking texts a volunteer or a DSI export could
// give, with the kind of personal data each holds ("" for none). Both ways:
// every address, number and account is refused, and no ordinary note is.
var privacyCases = []struct{ text, want string }{
	// E-mail addresses, plain and obfuscated.
	{"rappeler jean.dupont@example.org quand prêt", pdEmail},
	{"JEAN.DUPONT@EXAMPLE.ORG", pdEmail},
	{"mail: j.dupont@free.fr", pdEmail},
	{"écrire à m.martin@mairie-echirolles.fr", pdEmail},
	{"jean.dupont＠example.org", pdEmail},            // full-width at sign
	{"jean.dupont﹫example.org", pdEmail},            // small at sign
	{"jean.dupont (at) example (dot) org", pdEmail}, // the usual disguise
	{"jean.dupont[at]example[.]org", pdEmail},
	{"jean.dupont {at} example.org", pdEmail},
	{"jean.dupont at example.org", pdEmail},
	{"jean dot dupont at gmail dot com", pdEmail},
	{"contact : jdupont arobase orange point fr", pdEmail},
	{"contact : jdupont (arobase) gmail.com", pdEmail},
	{"jean.dupont @ laposte . net", pdEmail},
	{"jean.dupont@gmail", pdEmail},
	{"jean.dupont at gmail", pdEmail},
	{"jean.dupont@exa\u200bmple.org", pdEmail}, // a zero-width space does not hide it
	// Issue 8, second hostile pass: letter-spaced and doubled at signs.
	{"j e a n . d u p o n t @ g m a i l . c o m", pdEmail},
	{"contact j e a n @ f r e e . f r", pdEmail},
	{"jean@@gmail.com", pdEmail},
	{"jean @ @ gmail.com", pdEmail},
	{"JEAN.DUPONT@@LAPOSTE.NET", pdEmail},
	// Phone numbers, French and international, any common spacing.
	{"rappeler le 06 12 34 56 78", pdPhone},
	{"tél. 06.12.34.56.78", pdPhone},
	{"06-12-34-56-78", pdPhone},
	{"portable 0612345678", pdPhone},
	{"accueil : 04 76 12 34 56 (matin)", pdPhone},
	{"+33 6 12 34 56 78", pdPhone},
	{"+33612345678", pdPhone},
	{"0033612345678", pdPhone},
	{"0033 6 12 34 56 78", pdPhone},
	{"+33 (0)6 12 34 56 78", pdPhone},
	{"+44 20 7946 0958", pdPhone},
	{"+1 (555) 123-4567", pdPhone},
	{"+49 30 12345678", pdPhone},
	{"+32 2 123 45 67", pdPhone},
	{"appeler le ０６ １２ ３４ ５６ ７８", pdPhone},          // full-width digits
	{"06\u00a012\u00a034\u00a056\u00a078", pdPhone}, // no-break spaces
	// Issue 8, second hostile pass: digit by digit, odd groups, no plus.
	{"0 6 1 2 3 4 5 6 7 8", pdPhone},
	{"tel 0 6 1 2 3 4 5 6 7 8 merci", pdPhone},
	{"0612 345 678", pdPhone},
	{"06 123 456 78", pdPhone},
	{"061 234 5678", pdPhone},
	{"06.123.456.78", pdPhone},
	{"0-6-1-2-3-4-5-6-7-8", pdPhone},
	{"33 6 12 34 56 78", pdPhone},
	{"33612345678", pdPhone},
	{"appeler 33 7 98 76 54 32", pdPhone},
	{"(33) 6 12 34 56 78", pdPhone},
	// French social security numbers (NIR): key checked, or a real date
	// and département without it.
	{"NIR 1 85 05 78 006 084 91", pdNIR},
	{"sécu 185057800608491", pdNIR},
	{"2 93 11 2A 004 123 01", pdNIR},
	{"n° ss 1 64 05 75 115 045 07", pdNIR},
	{"2010369123456", pdNIR},
	{"1.78.06.99.123.321.16", pdNIR},
	// IBANs, mod-97 checked.
	{"virement FR76 3000 6000 0112 3456 7890 189 pour le don", pdIBAN},
	{"FR7630006000011234567890189", pdIBAN},
	{"fr14 2004 1010 0505 0001 3m02 606", pdIBAN},
	{"IBAN DE89 3704 0044 0532 0130 00", pdIBAN},
	{"GB29 NWBK 6016 1331 9268 19", pdIBAN},
	{"BE68 5390 0754 7034", pdIBAN},

	// Ordinary notes, models, serials, dates and prices.
	{"écran 15 pouces, 2 touches usées", ""},
	{"RAM 2x4 Go DDR3 1600", ""},
	{"batterie 41 %", ""},
	{"batterie 41\u202f%", ""},
	{"SN 5CD1234XYZ", ""},
	{"HP ProBook 450 G5 2UB56EA", ""},
	{"i5-8250U", ""},
	{"Intel(R) Core(TM) i5-520M CPU @ 2.40GHz", ""},
	{"Intel(R) Core(TM) i7-1270P @ 2.2 GHz", ""},
	{"prix 149,90 €", ""},
	{"version 18.1", ""},
	{"Zorin OS 18.1 Core", ""},
	{"reçu le 06/11/2026 à 08:15", ""},
	{"2026-11-03 14:12", ""},
	{"06.11.2026", ""},
	{"INV-2016-0105", ""},
	{"asset ECH-PC-000123", ""},
	{"keyboard @ home row missing", ""},
	{"RAM 8192 MB, disk 500 GB", ""},
	{"serial 5CG7281XYZ, part 0123456", ""},
	{"meet at the office. ok", ""},
	{"disque 500 Go à 7200 tr/min", ""},
	{"MAC 00:1A:2B:3C:4D:5E", ""},
	{"IP 192.168.1.10", ""},
	{"Lenovo ThinkPad T460 20FMS0Y700", ""},
	{"EAN 3760123456789", ""},
	{"commande 1234567890123", ""},
	{"numéro de commande 2026110300123", ""},
	{"dimensions 33.5 x 23.1 x 1.9 cm", ""},
	{"SSD Samsung 860 EVO 250GB S3Z9NB0K123456A", ""},
	{"écran 1920x1080 60 Hz", ""},
	{"BIOS 1.23.0 du 12/05/2021", ""},
	{"chargeur 19.5 V 2.31 A, 45 W", ""},
	{"DDR4-2666 PC4-21300", ""},
	{"+2 Go de RAM ajoutés", ""},
	{"lot DSI-2026-11, 40 postes", ""},
	{"code erreur 0x0000007B", ""},
	{"Dell Latitude E6410 (2010), 4 Go", ""},
	{"WD-WX41A12345678", ""},
	{"FR 2026 lot 12", ""},
	{"contrôle OK at 14:00 by Camille", ""},
	{"garantie jusqu'au 31.12.2027", ""},
	{"compteur 1 234 567 pages", ""},
	{"HP EliteBook 840 G3 T9X59ET#ABF", ""},
	{"Acer Aspire 5 A515-51G-5536 NX.GP5EF.019", ""},
	{"UUID 4C4C4544-0042-3510-8052-B4C04F4D4E32", ""},
	{"PN L09911-001, CT 5CG1234567890", ""},
	{"OptiPlex 7010 SFF 0CJ1ZT 123456789012", ""},
	{"Seagate ST500LM021-1KJ152 W62345678901", ""},
	{"carte mère 01LV781, BIOS N1CET63W (1.31)", ""},
	{"SSD 2.5\" 240 Go 1234567890", ""},
	// Issue 8, second pass: what must stay accepted next to the new rules.
	{"RAM 2 x 4 Go", ""},
	{"Latitude E6410 i5 2,4 GHz", ""},
	{"12/03/2024", ""},
	{"reçu le 12/03/2024, 2 sacs", ""},
	{"06.11.2026 08:15", ""},
	{"06 11 2026 08:15", ""},
	{"INV-2019-0042", ""},
	{"0000123456", ""},
	{"0000000000", ""},
	{"SIRET 123 456 789 00012", ""},
	{"12345678900012", ""},
	{"3 3 6 postes", ""},
	{"lot 2 de 3 : 4 PC, 5 écrans, 6 claviers", ""},
	{"1 2 3 4 5 6 7 8 9", ""},
	{"compteur 0 000 123 456 pages", ""},
	{"a b c @ d e f", ""},
	{"tarif @ 2 €", ""},
	{"version 3.3.6.1.2.3.4.5.6", ""},
	{"touches 0 1 2 3 4 5 6 7 8 9 mortes", ""}, // the keyboard's top row, not a number
	{"commande 33612345678901", ""},
}

func TestPersonalDataTable(t *testing.T) {
	counts := map[string][2]int{} // kind -> {cases, handled as expected}
	for _, c := range privacyCases {
		got := personalData(c.text)
		kind := c.want
		if kind == "" {
			kind = "none"
		}
		n := counts[kind]
		n[0]++
		if got == c.want {
			n[1]++
		} else {
			t.Errorf("%q: found %q, want %q", c.text, got, c.want)
		}
		counts[kind] = n
	}
	var kinds []string
	for k := range counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("%-6s %2d cases, %2d as expected", k, counts[k][0], counts[k][1])
	}
	if len(privacyCases) < 40 {
		t.Fatalf("only %d cases", len(privacyCases))
	}
}

// Every refusal names the field and the kind of data, in both languages,
// and never repeats the data.
func TestCheckTextSaysWhyWithoutEchoing(t *testing.T) {
	_, err := CheckText(FieldReason, "rendu à jean.dupont@example.org")
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("%v", err)
	}
	if got := e.In(i18n.EN); !strings.HasPrefix(got, "the reason looks like it holds an e-mail address") || strings.Contains(got, "dupont") {
		t.Errorf("EN: %s", got)
	}
	if got := e.In(i18n.FR); !strings.HasPrefix(got, "le motif semble contenir une adresse e-mail") {
		t.Errorf("FR: %s", got)
	}
	_, err = CheckText(FieldNote, "IBAN FR76 3000 6000 0112 3456 7890 189")
	if err == nil || err.Error() != "the note looks like it holds a bank account number (IBAN): every event is kept forever and must hold no personal data; remove it" {
		t.Errorf("%v", err)
	}
}

// Control characters: refused at entry wherever text is typed, naming the
// code point and its position.
func TestInvisibleCharactersRefused(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"MDH \x1b]52;c;ZWNobyBoaQ==\x07Village", "U+001B ESCAPE, character 5"},
		{"note\x1b[2J", "U+001B ESCAPE"},
		{"bell\x07", "U+0007 BELL"},
		{"a\u009b31m", "U+009B CONTROL SEQUENCE INTRODUCER"},
		{"MDH \u202eegalliV", "U+202E RIGHT-TO-LEFT OVERRIDE"},
		{"SN\u200b123", "U+200B ZERO WIDTH SPACE"},
		{"tab\there", "U+0009 TAB"},
		{"line\nbreak", "U+000A LINE FEED"},
		{"del\x7f", "U+007F DELETE"},
		{"soft\u00adhyphen", "U+00AD SOFT HYPHEN"},
		{"bom\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"},
		{"hangul\u3164filler", "U+3164"},
		{"latin1 \xe9", "0xE9 (not UTF-8)"},
	} {
		for _, rule := range []func(Field, string) (string, error){NormalizeIdentifier, CheckText, normalizeName} {
			_, err := rule(FieldSite, c.in)
			if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "the site name holds an invisible or control character") {
				t.Errorf("%q: %v", c.in, err)
			}
		}
	}
}

func TestIdentifierNormalForm(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"  5CG7281XYZ ", "5CG7281XYZ"},
		{"E\u0301CH-42", "\u00c9CH-42"}, // decomposed É becomes composed
		{"\u00c9CH-42", "\u00c9CH-42"},
		{"INV\u00a02016  0105", "INV 2016 0105"}, // no-break space and a double space
		{"MDH\u3000Village\u202f2", "MDH Village 2"},
		{"", ""},
	} {
		got, err := NormalizeIdentifier(FieldSerial, c.in)
		if err != nil || got != c.want {
			t.Errorf("%q: %q, %v; want %q", c.in, got, err, c.want)
		}
		if key(c.in) != strings.ToUpper(c.want) {
			t.Errorf("key(%q) = %q", c.in, key(c.in))
		}
	}
}

func TestBeneficiaryShape(t *testing.T) {
	for _, ok := range []string{"MDH-VILLAGE2-2026-017", "MDH-1", "ESS2026017", "mdh-v2-0042", "A1B"} {
		if err := CheckBeneficiary(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	for _, c := range []struct{ in, key string }{
		{"", "beneficiary.missing"},
		{"jean.dupont@example.org", "beneficiary.email"},
		{"jean.dupont＠example.org", "beneficiary.email"},
		{"06 12 34 56 78", "beneficiary.phone"},
		{"0612345678", "beneficiary.phone"},
		{"06-12-34-56-78", "beneficiary.phone"},
		{"+33612345678", "beneficiary.phone"},
		{"185057800608491", "beneficiary.nir"},
		{"FR7630006000011234567890189", "beneficiary.iban"},
		{"Jean Dupont", "beneficiary.name"},
		{"DUPONT", "beneficiary.name"},
		{"Jean Dupont, 12 rue des Lilas, 38130 Échirolles", "beneficiary.shape"},
		{"12 rue des Lilas", "beneficiary.shape"},
		{"MDH_V2_017", "beneficiary.shape"},
		{"MDH--017", "beneficiary.shape"},
		{"-MDH-017", "beneficiary.shape"},
		{"M1", "beneficiary.shape"},
		{strings.Repeat("MDH-", 10) + "1", "beneficiary.shape"},
		{"MDH-\u00c9SSARTS-1", "beneficiary.shape"},
		{"MDH-1\u202e", "text.control"},
	} {
		err := CheckBeneficiary(c.in)
		var e *Error
		if !errors.As(err, &e) || e.Key != c.key {
			t.Errorf("%q: %v, want %s", c.in, err, c.key)
		}
	}
	err := CheckBeneficiary("Jean Dupont 12")
	if err == nil || !strings.Contains(err.Error(), "3 to 40 letters (A-Z), digits and dashes") {
		t.Errorf("the rule is not in the message: %v", err)
	}
}

// Every entry path refuses before writing anything: site, donor, batch,
// operator, reason, note, model, disk serial, destroy reason, import rows.
func TestEveryEntryPathRefusesPersonalData(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := addUnit(t, l, "S1")
	if _, err := l.AddSite(ctx, cam, "MDH Village 2"); err != nil {
		t.Fatal(err)
	}
	phone := "06 12 34 56 78"
	tries := map[string]func() error{
		"site":            func() error { _, err := l.AddSite(ctx, cam, "MDH "+phone); return err },
		"site escape":     func() error { _, err := l.AddSite(ctx, cam, "MDH \x1b]52;c;aGk=\x07"); return err },
		"operator":        func() error { _, err := l.Note(ctx, Actor{Operator: "camille@example.org"}, u.ID, "ok"); return err },
		"operator escape": func() error { _, err := l.Note(ctx, Actor{Operator: "cam\x1b[31m"}, u.ID, "ok"); return err },
		"reason": func() error {
			_, err := l.Move(ctx, cam, u.ID, Triaged, MoveOptions{Reason: "pour " + phone})
			return err
		},
		"note":      func() error { _, err := l.Note(ctx, cam, u.ID, "IBAN FR76 3000 6000 0112 3456 7890 189"); return err },
		"note bidi": func() error { _, err := l.Note(ctx, cam, u.ID, "ok \u202e"); return err },
		"donor": func() error {
			_, err := l.AddUnit(ctx, cam, NewUnit{Serial: "S2", Donor: "M. Martin 0612345678"})
			return err
		},
		"model": func() error {
			_, err := l.AddUnit(ctx, cam, NewUnit{Serial: "S2", Model: "jean@example.org"})
			return err
		},
		"batch": func() error {
			_, err := l.AddUnit(ctx, cam, NewUnit{Serial: "S2", Batch: "lot 185057800608491"})
			return err
		},
		"serial":    func() error { _, err := l.AddUnit(ctx, cam, NewUnit{Serial: "S\u200b2"}); return err },
		"asset tag": func() error { _, err := l.AddUnit(ctx, cam, NewUnit{Serial: "S2", AssetTag: "E\u202eCH"}); return err },
		"walk-in": func() error {
			_, err := AddWalkIn(ctx, l, cam, NewUnit{Serial: "S2", Donor: "jean (at) free (point) fr"})
			return err
		},
		"disk": func() error { _, err := l.DestroyDisk(ctx, cam, u.ID, "WD\x1b1", "drilled", true); return err },
		"destroyed": func() error {
			_, err := l.DestroyDisk(ctx, cam, u.ID, "WD1", "remis à +33 6 12 34 56 78", true)
			return err
		},
		"probe disk": func() error {
			_, err := l.RecordProbe(ctx, cam, u.ID, nil, nil, "B", []DiskRecord{{Serial: "S3Z\x009"}})
			return err
		},
		"wipe disk": func() error {
			_, err := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: DiskRecord{Serial: "WD\u200b1"}, Device: "/dev/fake0"})
			return err
		},
		"import donor": func() error {
			_, err := l.ImportBatch(ctx, cam, BatchInfo{Donor: "jean.dupont@example.org", File: "x.csv"}, []NewUnit{{Serial: "S9"}})
			return err
		},
		"import row": func() error {
			_, err := l.ImportBatch(ctx, cam, BatchInfo{Donor: "DSI", File: "x.csv"}, []NewUnit{{Serial: "S9"}, {Serial: "S1\u2060", SourceLine: 3}})
			return err
		},
		"image": func() error {
			return l.AddImage(ctx, cam, Image{Name: "zorin\x1b[8m", Path: "/x.img"})
		},
		"image e-mail": func() error {
			return l.AddImage(ctx, cam, Image{Name: "zorin de jean.dupont@gmail.com", Path: "/x.img"})
		},
		"image phone": func() error {
			return l.AddImage(ctx, cam, Image{Name: "zorin 06 12 34 56 78", Path: "/x.img"})
		},
		"asset tag phone": func() error {
			_, err := l.AddUnit(ctx, cam, NewUnit{Serial: "S2", AssetTag: "+33 6 12 34 56 78"})
			return err
		},
	}
	for name, try := range tries {
		n := countEvents(t, l)
		if err := try(); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: accepted or wrong error: %v", name, err)
		}
		if countEvents(t, l) != n {
			t.Errorf("%s: refused but wrote an event", name)
		}
	}
	_, err := l.ImportBatch(ctx, cam, BatchInfo{Donor: "DSI", File: "x.csv"}, []NewUnit{{Serial: "S1\u2060", SourceLine: 3}})
	if err == nil || !strings.HasPrefix(err.Error(), "x.csv line 3: the serial number holds an invisible or control character (U+2060 WORD JOINER") {
		t.Errorf("import row: %v", err)
	}
}

// intake add and intake import apply one normal form: a serial with a
// decomposed É is the unit registered with a composed one; a zero-width
// space or a bidi override is refused by both.
func TestImportAndAddShareOneNormalForm(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	composed, decomposed := "\u00c9CH-0042", "E\u0301CH-0042"
	if _, err := AddWalkIn(ctx, l, cam, NewUnit{Serial: composed}); err != nil {
		t.Fatal(err)
	}
	if _, err := AddWalkIn(ctx, l, cam, NewUnit{Serial: decomposed}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("decomposed serial added twice: %v", err)
	}
	csv := "Numéro de série;Modèle;Numéro d'inventaire\n" + decomposed + ";Latitude E6410;INV-1\nS-NEW;Latitude  E6420;I\u0301NV-2\n"
	rep, err := ImportComputerList(ctx, l, cam, strings.NewReader(csv), "lot.csv", IntakeOptions{Donor: "DSI E\u0301chirolles"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Skipped) != 1 || len(rep.Imported) != 1 || rep.Imported[0].Model != "Latitude E6420" ||
		rep.Imported[0].AssetTag != "\u00cdNV-2" || rep.Donor != "DSI \u00c9chirolles" {
		t.Errorf("%+v", rep)
	}
	if u, err := l.FindUnit(ctx, "e\u0301ch-0042"); err != nil || u.Serial != composed {
		t.Errorf("lookup by the decomposed serial: %+v %v", u, err)
	}
	if u, err := l.FindUnit(ctx, "\u00edNV-2"); err != nil || u.Serial != "S-NEW" {
		t.Errorf("lookup by the composed tag: %+v %v", u, err)
	}
	for _, bad := range []string{"S\u200bX", "S\u202eX", "S\x1bX", "S\tX"} {
		_, errAdd := AddWalkIn(ctx, l, cam, NewUnit{Serial: bad})
		_, errImp := ParseComputerList(strings.NewReader("Serial number\n\""+bad+"\"\n"), "f.csv")
		var ie *IntakeError
		if !errors.Is(errAdd, ErrInvalidInput) || !errors.As(errImp, &ie) {
			t.Errorf("%q: add %v, import %v", bad, errAdd, errImp)
		}
	}
	_, err = ParseComputerList(strings.NewReader("Serial number;Model\nS1;ok\nS\u200b2;ok\nS3;appeler 06 12 34 56 78\n"), "f.csv")
	var ie *IntakeError
	if !errors.As(err, &ie) || strings.Join(ie.RowLines(i18n.FR), "\n") != "f.csv ligne 3\u202f: le numéro de série contient un caractère invisible ou de contrôle (U+200B ZERO WIDTH SPACE, caractère n° 2)\u202f: ressaisissez le texte sans ce caractère\n"+
		"f.csv ligne 4\u202f: le modèle semble contenir un numéro de téléphone\u202f: chaque événement est conservé pour toujours et ne doit contenir aucune donnée personnelle\u202f; retirez-le" {
		t.Errorf("%v", err)
	}
}

// The DSI's name of a machine and the disk serial a probe reads are
// identifiers too: looked up in normal form.
func TestDiskSerialNormalFormAcrossProbeAndWipe(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := addUnit(t, l, "S1")
	if _, err := l.RecordProbe(ctx, cam, u.ID, nil, nil, "B", []DiskRecord{{Serial: " WD-\u00c9X1  "}}); err != nil {
		t.Fatal(err)
	}
	got, ok, err := l.FindUnitByDiskSerial(ctx, "wd-e\u0301x1")
	if err != nil || !ok || got.ID != u.ID {
		t.Fatalf("%+v %v %v", got, ok, err)
	}
	disks, _ := l.UnitDisks(ctx, u.ID)
	if len(disks) != 1 || disks[0].Serial != "WD-\u00c9X1" {
		t.Errorf("%+v", disks)
	}
}

// CheckEvent refuses a written event no command could have written (a
// forged handover with a phone number, an escape in a site name) and
// accepts every event of a ledger the commands wrote.
func TestCheckEventOnReplay(t *testing.T) {
	l := busyLedger(t)
	ctx := context.Background()
	rows, err := l.db.QueryContext(ctx, `SELECT `+eventColumns+` FROM events ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckEvent(e); err != nil {
			t.Errorf("event %s (%s) written by a command refused: %v", e.ID, e.Kind, err)
		}
		n++
	}
	rows.Close()
	if n == 0 {
		t.Fatal("no events")
	}
	forged := func(kind string, v any) []byte { b, _ := json.Marshal(v); return b }
	for _, c := range []struct {
		kind    string
		payload []byte
		key     string
	}{
		{KindMoved, forged(KindMoved, movedPayload{From: Reserved, To: HandedOver, Site: "MDH Village 2", Beneficiary: "Jean Dupont 06 12 34 56 78"}), "beneficiary.phone"},
		{KindMoved, forged(KindMoved, movedPayload{From: Reserved, To: HandedOver, Site: "MDH Village 2", Beneficiary: "Jean Dupont"}), "beneficiary.name"},
		{KindSiteAdded, forged(KindSiteAdded, sitePayload{Name: "MDH \x1b]52;c;aGk=\x07"}), "text.control"},
		{KindNote, forged(KindNote, notePayload{Text: "rappeler 06.12.34.56.78"}), "privacy.phone"},
		{KindReceived, forged(KindReceived, receivedPayload{NewUnit: NewUnit{Serial: "S\u202e1"}}), "text.control"},
		{KindDiskDestroyed, forged(KindDiskDestroyed, destroyedPayload{Serial: "WD1", Reason: "sécu 185057800608491"}), "privacy.nir"},
		{KindNote, []byte(`{"text": 42}`), "privacy.payload"},
	} {
		err := CheckEventPrivacy(c.kind, c.payload)
		var e *Error
		if !errors.As(err, &e) || e.Key != c.key {
			t.Errorf("%s %s: %v, want %s", c.kind, c.payload, err, c.key)
		}
	}
	if err := CheckEvent(Event{Kind: KindNote, Operator: "06 12 34 56 78", Payload: []byte(`{"text":"ok"}`)}); err == nil {
		t.Error("an operator that is a phone number passed")
	}
	if err := CheckEventPrivacy("some.future.kind", []byte(`{"x":"\u001b"}`)); err != nil {
		t.Errorf("unknown kind: %v", err)
	}
}

// The detectors never refuse what real machines report: every DMI string
// of the corpus (vendors, products, versions, serials masked or not) and
// the model names of the GLPI inventories.
func TestNoFalseRefusalOnCorpora(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpora", "dmi")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("corpus missing at %s (CI=true)", dir)
		}
		t.Skipf("corpus missing at %s", dir)
	}
	checked, dumps := 0, 0
	for _, f := range files {
		if filepath.Base(f) == "paths.txt" {
			continue
		}
		dumps++
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			_, v, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok || strings.TrimSpace(v) == "" {
				continue
			}
			checked++
			if kind := personalData(v); kind != "" {
				t.Errorf("%s: %q taken for %s", filepath.Base(f), v, kind)
			}
		}
	}
	t.Logf("%d DMI values from %d dumps, none refused", checked, dumps)
}

// The bench name is in every event and printed with it: init refuses an
// escape sequence in it.
func TestInitRefusesAnInvisibleBenchName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.db")
	_, err := Init(context.Background(), path, InitOptions{Bench: "etabli\x1b]0;pwned\x07"})
	if !errors.Is(err, ErrInvalidInput) || !strings.HasPrefix(err.Error(), "the bench name holds an invisible or control character (U+001B ESCAPE") {
		t.Fatalf("%v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a ledger was created: %v", err)
	}
}

// The paper trail's free text (the association's identity, a sticker's
// revocation reason, an audit note) is held to the same rules, at entry
// and on replay.
func TestPaperTrailFreeTextIsChecked(t *testing.T) {
	for _, c := range []struct {
		kind    string
		payload string
		refused bool
	}{
		{KindOrgSet, `{"name":"PC solidaire","address":"12 rue des Écoles\n38130 Échirolles"}`, false},
		{KindOrgSet, `{"name":"PC solidaire","address":"12 rue des Écoles\nTél. 06 12 34 56 78"}`, true},
		{KindOrgSet, `{"name":"contact@pcsolidaire.fr","address":"Échirolles"}`, true},
		{KindStickerRevoked, `{"token":"abc","reason":"étiquette abîmée"}`, false},
		{KindStickerRevoked, `{"token":"abc","reason":"donnée à marie.durand(at)example.org"}`, true},
		{KindAuditRecorded, `{"disk_serial":"WD1","result":"passed","note":"relu 1 Go au hasard"}`, false},
		{KindAuditRecorded, `{"disk_serial":"WD1","result":"passed","note":"IBAN FR76 3000 6000 0112 3456 7890 189"}`, true},
	} {
		err := CheckEventPrivacy(c.kind, []byte(c.payload))
		if (err != nil) != c.refused {
			t.Errorf("%s %s: refused=%v, want %v (%v)", c.kind, c.payload, err != nil, c.refused, err)
		}
	}
}

// An asset tag is checked for personal data, except a bare digit string:
// DSIs number their machines "0000123456" or "0612345678" and mean an
// inventory number, not a phone. A number written as a phone is written
// (with "+33", spaces, dots) is refused; so is an e-mail address.
func TestAssetTagRule(t *testing.T) {
	for _, c := range []struct {
		tag     string
		refused bool
	}{
		{"+33 6 12 34 56 78", true},
		{"+33612345678", true},
		{"06 12 34 56 78", true},
		{"06.12.34.56.78", true},
		{"0612 345 678", true},
		{"jean.dupont@gmail.com", true},
		{"INV-2019-0042", false},
		{"0000123456", false},
		{"0000000000", false}, // the corpus's GLPI ASSETTAG
		{"COMP1", false},
		{"0612345678", false},     // bare digits: an inventory number
		{"33612345678", false},    // bare digits too
		{"12345678900012", false}, // a SIRET-like number
		{"ECH-PC-000123", false},
		{"", false},
	} {
		nu := NewUnit{Serial: "S1", AssetTag: c.tag}
		err := normalizeNewUnit(&nu)
		if (err != nil) != c.refused {
			t.Errorf("asset tag %q: refused=%v, want %v (%v)", c.tag, err != nil, c.refused, err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "the asset tag looks like it holds") {
			t.Errorf("asset tag %q: %v", c.tag, err)
		}
	}
	// intake import: the asset tag column refused like the model column.
	_, err := ParseComputerList(strings.NewReader("Serial number;Model;Inventory number\nS1;ok;INV-1\nS2;ok;+33 6 12 34 56 78\nS3;ok;0612345678\n"), "f.csv")
	var ie *IntakeError
	if !errors.As(err, &ie) || strings.Join(ie.RowLines(i18n.EN), "\n") != "f.csv line 3: the asset tag looks like it holds a phone number: every event is kept forever and must hold no personal data; remove it" {
		t.Errorf("%v", err)
	}
}

// Image names are names a person types: no personal data either, and the
// usual names pass.
func TestImageNameChecked(t *testing.T) {
	for _, ok := range []string{"zorin-18.1-core", "Zorin OS 18.1 Core (2026-11-03)", "zorin-18-core-64bit-r2", "atelier 2026.11.03 v2"} {
		if err := CheckEventPrivacy(KindImageAdded, []byte(`{"name":"`+ok+`"}`)); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	err := CheckEventPrivacy(KindImageAdded, []byte(`{"name":"zorin 0 6 1 2 3 4 5 6 7 8"}`))
	var e *Error
	if !errors.As(err, &e) || e.Key != "privacy.phone" {
		t.Errorf("replayed image name with a phone: %v", err)
	}
}
