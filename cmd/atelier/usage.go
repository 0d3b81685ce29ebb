package main

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// usageError is a usage mistake (an unknown command or option, a missing
// argument or required option): atelier exits 2, says what is wrong in the
// user's language and names the help to read. It is built from cobra's and
// pflag's structured errors and from atelier's own argument validators,
// never by reading their English messages.
type usageError struct {
	cmdPath string // "atelier unit note", whose --help to read
	msg     i18n.Msg
}

func (e *usageError) Error() string { return e.In(i18n.EN) }

// In says the mistake in l, with the pointer to the help.
func (e *usageError) In(l i18n.Lang) string {
	return e.msg.In(l) + " " + l.T("usage.help", e.cmdPath)
}

func usageErr(cmd *cobra.Command, key string, args ...any) error {
	return &usageError{cmdPath: cmd.CommandPath(), msg: i18n.M(key, args...)}
}

// flagError is cobra's FlagErrorFunc: pflag's typed errors become usage
// errors.
func flagError(cmd *cobra.Command, err error) error {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		return usageErr(cmd, "usage.flag", flagName(notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames()))
	case errors.As(err, &noValue):
		return usageErr(cmd, "usage.flagarg", flagName(noValue.GetSpecifiedName(), noValue.GetSpecifiedShortnames()))
	case errors.As(err, &invalid):
		return usageErr(cmd, "usage.invalid", invalid.GetValue(), "--"+invalid.GetFlag().Name, invalidReason(invalid.Unwrap()))
	case errors.As(err, &syntax):
		return usageErr(cmd, "usage.syntax", syntax.GetSpecifiedFlag())
	}
	return err
}

// invalidReason is why a flag's value was refused: a keyed message when the
// value type gives one, else its text.
func invalidReason(err error) any {
	var l i18n.Localized
	if errors.As(err, &l) {
		return l
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// flagName is the option as typed: "--state", or "-z" when it came within
// a group of one-letter options.
func flagName(name, shorthands string) string {
	if shorthands != "" {
		return "-" + name
	}
	return "--" + name
}

// Argument validators, in place of cobra's (whose errors are English text).

func noArgs(cmd *cobra.Command, args []string) error { return exactArgs(0)(cmd, args) }

func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageErr(cmd, "usage.exact", n, len(args))
		}
		return nil
	}
}

func minArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usageErr(cmd, "usage.min", n, len(args))
		}
		return nil
	}
}

// subcommands is the validator of a command that only groups others: an
// argument there is a mistyped command. It is paired with groupRun, which
// makes the group runnable (cobra would otherwise print the help and exit 0
// for "atelier unit lsit").
func subcommands(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	err := &usageError{cmdPath: cmd.CommandPath(), msg: i18n.M("usage.command", args[0], cmd.CommandPath())}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		err.msg = i18n.M("usage.command.suggest", err.msg, s[0])
	}
	return err
}

const groupAnnotation = "atelier.group"

// groupRun shows a group's help when it is called without a command.
func groupRun(cmd *cobra.Command, _ []string) error { return cmd.Help() }

// checkRequired refuses a command whose required options (cobra's
// MarkFlagRequired) are missing, before cobra's own English check runs.
func checkRequired(cmd *cobra.Command) error {
	var missing []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if a := f.Annotations[cobra.BashCompOneRequiredFlag]; len(a) > 0 && a[0] == "true" && !f.Changed {
			missing = append(missing, "--"+f.Name)
		}
	})
	if len(missing) > 0 {
		return usageErr(cmd, "usage.required", len(missing), strings.Join(missing, ", "))
	}
	return nil
}

// setupUsage installs the flag-error hook and the group validators on the
// whole command tree.
func setupUsage(root *cobra.Command) {
	root.SetFlagErrorFunc(flagError)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.HasSubCommands() {
			c.Args = subcommands
			c.SuggestionsMinimumDistance = 2
			if c.Run == nil && c.RunE == nil {
				c.RunE = groupRun
			}
			if c.Annotations == nil {
				c.Annotations = map[string]string{}
			}
			c.Annotations[groupAnnotation] = "true"
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
}
