package main

import (
	"github.com/spf13/cobra"
)

// localHelp names the catalogue prefix of cmd's help texts ("wipe.help":
// "wipe.help.short", "wipe.help.long", "wipe.help.flag.verify"...) for the
// commands whose texts were keyed before every command's were; the others
// use "cmd." and their path. localizeHelp shows them in the user's
// language.
func localHelp(_ *globals, cmd *cobra.Command, prefix string) {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[helpAnnotation] = prefix
}
