package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/i18n"
)

// The typed confirmation is said by the command in the operator's
// language (imaging only says what must be typed); refusals and wrong
// answers come back in that language with their key.
func TestDiskConfirmSpeaksTheOperatorsLanguage(t *testing.T) {
	d := imaging.BlockDevice{Path: "/dev/fake-hdd", Name: "fake-hdd", Model: "ST500", Serial: "Z3TAB12C", SizeBytes: 2_147_483_648}
	ask := imaging.ConfirmOptions{Interactive: true}

	var out bytes.Buffer
	en := diskConfirm{lang: i18n.EN, in: strings.NewReader("b12c\n"), out: &out}
	if err := en.confirm(d, ask); err != nil {
		t.Fatalf("typed the right code: %v", err)
	}
	if s := out.String(); !strings.Contains(s, "Z3TAB12C") || !strings.Contains(s, "2.1 GB") || !strings.Contains(s, "last 4 characters") {
		t.Fatalf("English dialogue does not show the disk: %q", s)
	}

	out.Reset()
	fr := diskConfirm{lang: i18n.FR, in: strings.NewReader("AB12\n"), out: &out}
	err := fr.confirm(d, ask)
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Key != "guard.mismatch" || !strings.Contains(err.Error(), "ne correspond pas") {
		t.Fatalf("wrong code in French: %v", err)
	}
	if s := out.String(); !strings.Contains(s, "2,1\u202fGo") || !strings.Contains(s, "Tapez les 4 derniers caractères") {
		t.Fatalf("French dialogue: %q", s)
	}

	// no terminal and no --yes: the refusal, in French
	if err := (diskConfirm{lang: i18n.FR}).confirm(d, imaging.ConfirmOptions{}); err == nil || !strings.Contains(err.Error(), "ajoutez --yes") {
		t.Fatalf("no terminal: %v", err)
	}
	// a protected disk: imaging's keyed refusal, said in French
	p := d
	p.Protected, p.Reasons = true, []imaging.Reason{{Key: "guard.reason.readonly"}}
	if err := (diskConfirm{lang: i18n.FR}).confirm(p, imaging.ConfirmOptions{Yes: true}); err == nil || !strings.Contains(err.Error(), "refusée") {
		t.Fatalf("protected disk: %v", err)
	}

	// Two disks share stdin: the first answer must not eat the second.
	in := strings.NewReader("B12C\nAAAA\n")
	c := diskConfirm{lang: i18n.EN, in: in, out: &out}
	e := imaging.BlockDevice{Path: "/dev/fake-ssd", Name: "fake-ssd", Serial: "XAAAA"}
	if err := c.confirm(d, ask); err != nil {
		t.Fatal(err)
	}
	if err := c.confirm(e, ask); err != nil {
		t.Fatal(err)
	}
	// no answer at all
	if err := (diskConfirm{lang: i18n.EN, in: strings.NewReader(""), out: &out}).confirm(d, ask); err == nil || !strings.Contains(err.Error(), "no answer") {
		t.Fatalf("no answer: %v", err)
	}
}
