package main

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/pcsolidaire/atelier/internal/i18n"
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
	cobra.AddTemplateFunc("useLine", func(c *cobra.Command) string {
		return strings.Replace(c.UseLine(), "[flags]", "["+g.T("help.flags")+"]", 1)
	})
	// A group (atelier unit) runs only to show its help or refuse an
	// unknown command: its usage is "atelier unit [command]" alone.
	cobra.AddTemplateFunc("ownRun", func(c *cobra.Command) bool { return c.Runnable() && c.Annotations[groupAnnotation] == "" })
	cobra.AddTemplateFunc("flagUsages", func(fs *pflag.FlagSet) string { return flagUsages(g.lang(), fs) })
	for old, repl := range map[string]string{
		`Use "{{.CommandPath}} [command] --help" for more information about a command.`: `{{tr "more"}} {{tr "lquote"}}{{.CommandPath}} [{{tr "command"}}] --help{{tr "rquote"}}`,
		"{{.CommandPath}} [command]": `{{.CommandPath}} [{{tr "command"}}]`,
		"{{.UseLine}}":               "{{useLine .}}",
		"{{if .Runnable}}":           "{{if ownRun .}}",
		"{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}":     "{{flagUsages .LocalFlags}}",
		"{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}": "{{flagUsages .InheritedFlags}}",
	} {
		tmpl = strings.Replace(tmpl, old, repl, 1)
	}
	root.SetUsageTemplate(tmpl)
}

// localizeHelp makes every --help follow the user's language: when help is
// shown (after --lang is parsed), every command's texts and flag
// descriptions are taken from the catalogue (helpKey), in the reader's
// language, so the shown command and the subcommands it lists agree. A
// text the catalogue lacks stays the command's own (English).
func localizeHelp(g *globals, root *cobra.Command) {
	next := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		translateTree(g.lang(), root)
		next(c, args)
	})
}

// translateTree sets the help texts of root and all its commands in l.
func translateTree(l i18n.Lang, root *cobra.Command) {
	for _, name := range []string{"json", "lang", "ledger", "operator"} {
		if f := root.PersistentFlags().Lookup(name); f != nil {
			f.Usage = l.T("flag." + name)
		}
	}
	if f := root.Flags().Lookup("version"); f != nil {
		f.Usage = l.T("flag.version")
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		p := helpKey(c)
		for _, t := range []struct {
			field *string
			key   string
		}{{&c.Short, p + ".short"}, {&c.Long, p + ".long"}, {&c.Example, p + ".example"}, {&c.Use, p + ".use"}} {
			translateText(l, t.field, t.key)
		}
		c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
			translateText(l, &f.Usage, p+".flag."+f.Name)
		})
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = l.T("flag.help", c.CommandPath())
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
}

// translateText replaces *text with the catalogue's key in l, when the
// catalogue has it.
func translateText(l i18n.Lang, text *string, key string) {
	if _, ok := i18n.Lookup(key); ok {
		*text = l.T(key)
	}
}

// helpKey is the catalogue prefix of cmd's help: its annotation (set by
// localHelp for the commands whose texts were keyed first), else
// "cmd." and its path ("cmd.unit.list"; "cmd.root" for atelier itself).
func helpKey(cmd *cobra.Command) string {
	if p := cmd.Annotations[helpAnnotation]; p != "" {
		return p
	}
	if !cmd.HasParent() {
		return "cmd.root"
	}
	path := strings.Fields(cmd.CommandPath())[1:]
	return "cmd." + strings.Join(path, ".")
}

const helpAnnotation = "atelier.help"

// flagUsages lists fs's options as pflag does (one-letter and long name,
// value type, description, default), with the value type and the default
// in the reader's language: "--verify texte ... (par défaut : « full »)".
func flagUsages(l i18n.Lang, fs *pflag.FlagSet) string {
	type row struct{ left, right string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		if t := flagType(l, f); t != "" {
			left += " " + t
		}
		right := f.Usage
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "[]" {
			right += " " + l.T("help.default", d)
		}
		rows = append(rows, row{left, right})
		width = max(width, len([]rune(left)))
	})
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(r.left)
		b.WriteString(strings.Repeat(" ", width-len([]rune(r.left))+3))
		b.WriteString(r.right)
	}
	return b.String()
}

// flagType names the kind of value an option takes; none for a switch.
func flagType(l i18n.Lang, f *pflag.Flag) string {
	switch t := f.Value.Type(); t {
	case "bool":
		return ""
	case "string", "stringArray", "stringSlice", "int", "int64", "uint", "float64", "duration":
		return l.T("help.type." + t)
	default:
		return t
	}
}
