package vocab

import (
	"errors"
	"testing"

	"github.com/spf13/pflag"
)

// The flags parse into the vocabulary: a word no one defined is refused by
// the flag itself, naming the choices.
func TestFlagsRefuseUnknownWords(t *testing.T) {
	var m Method
	var v Verification
	fs := pflag.NewFlagSet("wipe", pflag.ContinueOnError)
	fs.Var(&m, "method", "")
	fs.Var(&v, "verify", "")
	if err := fs.Parse([]string{"--method", "nvme-format", "--verify", "sample"}); err != nil {
		t.Fatal(err)
	}
	if m != MethodNVMeFormat || !m.Firmware() || v != VerifySample {
		t.Errorf("parsed %q %q", m, v)
	}
	for _, args := range [][]string{{"--method", "shred"}, {"--verify", "half"}} {
		err := fs.Parse(args)
		var u *UnknownWordError
		if !errors.As(err, &u) || u.Value != args[1] || u.Choices == "" {
			t.Errorf("%v: %v, want an UnknownWordError with the choices", args, err)
		}
	}
	if MethodZero.Firmware() || MethodAuto.Firmware() {
		t.Error("an overwrite counted as a firmware erase")
	}
}
