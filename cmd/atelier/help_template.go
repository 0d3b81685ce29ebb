package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// helpHeadings are the words of cobra's usage template that a reader sees
// on every --help; they are translated when the template is rendered, so
// --lang, parsed by then, is taken into account.
var helpHeadings = []string{
	"Usage:", "Aliases:", "Examples:", "Available Commands:", "Additional Commands:",
	"Flags:", "Global Flags:", "Additional help topics:",
}

// localizeUsage installs, on root, cobra's own usage template with each
// heading passed through the "tr" template function.
func localizeUsage(g *globals, root *cobra.Command) {
	cobra.AddTemplateFunc("tr", func(s string) string { return g.T("help." + strings.TrimSuffix(s, ":")) })
	tmpl := root.UsageTemplate()
	for _, h := range helpHeadings {
		tmpl = strings.Replace(tmpl, "\n"+h, "\n{{tr \""+h+"\"}}", 1)
		if strings.HasPrefix(tmpl, h) {
			tmpl = "{{tr \"" + h + "\"}}" + strings.TrimPrefix(tmpl, h)
		}
	}
	tmpl = strings.Replace(tmpl, `Use "{{.CommandPath}} [command] --help" for more information about a command.`,
		`{{tr "more"}} "{{.CommandPath}} [command] --help"`, 1)
	root.SetUsageTemplate(tmpl)
}

// localizeGlobalFlags makes the descriptions of the flags every command
// shares follow the user's language in --help.
func localizeGlobalFlags(g *globals, root *cobra.Command) {
	next := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		for _, name := range []string{"json", "lang", "ledger", "operator"} {
			if f := root.PersistentFlags().Lookup(name); f != nil {
				f.Usage = g.T("flag." + name)
			}
		}
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = g.T("flag.help", c.Name())
		}
		next(c, args)
	})
}
