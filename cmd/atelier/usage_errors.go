package main

import (
	"regexp"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// cobra and pflag report usage mistakes in English only. usageErrors
// recognises their messages and says the same in the user's language, with
// a pointer to the command's --help: a volunteer who typed one argument too
// few should learn which, in French if that is what they read.
var usageErrors = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "usage.exact"},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), "usage.min"},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), "usage.max"},
	{regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`), "usage.range"},
	{regexp.MustCompile(`^unknown command "([^"]*)" for "([^"]*)"`), "usage.command"},
	{regexp.MustCompile(`^unknown flag: (\S+)$`), "usage.flag"},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)$`), "usage.flag"},
	{regexp.MustCompile(`^flag needs an argument: (\S+)$`), "usage.flagarg"},
	{regexp.MustCompile(`^required flag\(s\) (.+) not set$`), "usage.required"},
	{regexp.MustCompile(`^invalid argument "([^"]*)" for "([^"]*)" flag`), "usage.invalid"},
}

// translateUsage returns the translated message and true when msg is one of
// cobra's usage errors; cmdPath ("atelier unit note") names the help to read.
func translateUsage(lang i18n.Lang, msg, cmdPath string) (string, bool) {
	for _, u := range usageErrors {
		m := u.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := make([]any, 0, len(m))
		for _, s := range m[1:] {
			args = append(args, s)
		}
		if u.key == "usage.flag" {
			args = args[len(args)-1:]
			if len(m) == 2 {
				args = []any{m[1]}
			}
		}
		return lang.T(u.key, args...) + " " + lang.T("usage.help", cmdPath), true
	}
	return "", false
}
