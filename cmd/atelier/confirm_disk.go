package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
)

// diskConfirm is the typed confirmation before a disk is written, said in
// the operator's language: imaging decides what must be confirmed (and
// refuses protected disks), this asks the person at the terminal.
type diskConfirm struct {
	lang i18n.Lang
	in   io.Reader
	out  io.Writer
}

// diskConfirm asks on this terminal (stdin, stderr).
func (g *globals) diskConfirm() diskConfirm {
	return diskConfirm{lang: g.lang(), in: g.stdin, out: termui.NewSafeWriter(g.stderr)}
}

// confirm returns nil when d may be written now; a refusal or a wrong
// answer comes back in the operator's language, its key kept.
func (c diskConfirm) confirm(d imaging.BlockDevice, o imaging.ConfirmOptions) error {
	if c.in == nil || c.out == nil {
		o.Interactive = false // nobody to ask
	}
	ask, err := imaging.Consent(d, o)
	if err == nil && ask != nil {
		err = c.ask(*ask)
	}
	return c.say(err)
}

func (c diskConfirm) ask(a imaging.Confirmation) error {
	d := a.Device
	fmt.Fprintln(c.out, c.lang.T("guard.show", d.Path, firstText(strings.TrimSpace(d.Vendor+" "+d.Model), "?"),
		firstText(d.Serial, "?"), i18n.Size(d.SizeBytes)))
	if a.BySerial {
		fmt.Fprint(c.out, c.lang.T("guard.ask.serial"))
	} else {
		fmt.Fprint(c.out, c.lang.T("guard.ask.name", a.Code))
	}
	got, err := readAnswer(c.in)
	return a.Check(got, err == nil || got != "")
}

// say turns imaging's keyed error into the operator's language.
func (c diskConfirm) say(err error) error {
	var ie *i18n.Error
	if err == nil || !errors.As(err, &ie) {
		return err
	}
	return c.lang.Errorf(ie.Key, ie.Args...)
}

func firstText(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// readAnswer reads up to a newline one byte at a time so that several
// confirmations can share one stdin without a buffer eating the next answer.
func readAnswer(r io.Reader) (string, error) {
	var b strings.Builder
	one := make([]byte, 1)
	for {
		n, err := r.Read(one)
		if n == 1 {
			if one[0] == '\n' {
				return b.String(), nil
			}
			b.WriteByte(one[0])
		}
		if err != nil {
			return b.String(), err
		}
	}
}
