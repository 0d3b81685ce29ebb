package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// localHelp makes cmd's --help speak the user's language: the command's
// texts and flag descriptions come from the catalogue under prefix
// ("wipe.help.short", "wipe.help.long", "wipe.help.flag.verify"...), looked
// up when help is shown, after --lang is parsed. The help layout itself is
// whatever the root command uses.
func localHelp(g *globals, cmd *cobra.Command, prefix string) {
	cmd.SetHelpFunc(func(c *cobra.Command, args []string) {
		l := g.lang()
		if _, ok := i18n.Lookup(prefix + ".short"); ok {
			c.Short = l.T(prefix + ".short")
		}
		if _, ok := i18n.Lookup(prefix + ".long"); ok {
			c.Long = l.T(prefix + ".long")
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if _, ok := i18n.Lookup(prefix + ".flag." + f.Name); ok {
				f.Usage = l.T(prefix + ".flag." + f.Name)
			}
		})
		// Hand over to the parent's help (cobra's by default).
		c.SetHelpFunc(nil)
		c.HelpFunc()(c, args)
	})
}
