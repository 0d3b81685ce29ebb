package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
)

// newAccountCmd manages the logins of the hub's web pages (issue 12).
func newAccountCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "account",
		Short:   "Web accounts of the hub: MDH staff, volunteers, admins",
		Example: "  printf '%s\\n' \"$PW\" | atelier account add mdh-village2 --site \"MDH Village 2\" --password-stdin\n  atelier account list",
	}
	cmd.AddCommand(newAccountAddCmd(g), newAccountListCmd(g), newAccountDisableCmd(g),
		newAccountEnableCmd(g), newAccountPasswdCmd(g))
	return cmd
}

func newAccountAddCmd(g *globals) *cobra.Command {
	var site, role string
	var stdin bool
	add := &cobra.Command{
		Use:   "add LOGIN --site SITE [--role mdh|volunteer|admin] --password-stdin",
		Short: "Add a web account (the password is read from standard input)",
		Long: `add creates a web login. The login is kept forever in the ledger: 2 to 40
letters a-z, digits, '.', '_' or '-', no e-mail address nor any personal data.
The password (at least 10 characters) is read from the first line of standard
input and stored only as an argon2id hash; it is never printed nor logged.`,
		Example: "  printf '%s\\n' \"$PW\" | atelier account add mdh-village2 --site \"MDH Village 2\" --password-stdin",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := g.actor()
			if err != nil {
				return err
			}
			if !stdin {
				return usageErr(cmd, "account.nopassword")
			}
			pw, err := g.readPassword()
			if err != nil {
				return err
			}
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				acc, err := l.AddAccount(cmd.Context(), a, args[0], site, role, pw)
				if err != nil {
					return err
				}
				return g.jsonOr(acc, g.T("account.added", acc.Login, acc.Role, acc.Site))
			})
		},
	}
	add.Flags().StringVar(&site, "site", "", "site (MDH) of the account; required for role mdh")
	add.Flags().StringVar(&role, "role", inventory.RoleMDH, "mdh (one site), volunteer (all units) or admin (accounts)")
	add.Flags().BoolVar(&stdin, "password-stdin", false, "read the password from standard input")
	return add
}

func newAccountListCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "list",
		Short:   "List the web accounts",
		Example: "  atelier account list --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				accs, err := l.Accounts(cmd.Context())
				if err != nil {
					return err
				}
				if g.json {
					return g.printJSON(accs)
				}
				rows := [][]string{}
				for _, a := range accs {
					state := g.T("web.account.active")
					if a.Disabled {
						state = g.T("web.account.disabled")
					}
					rows = append(rows, []string{a.Login, a.Role, a.Site, state, a.CreatedBy, g.lang().Date(a.CreatedAt)})
				}
				return termui.Table(g.stdout, []string{g.T("web.login"), g.T("web.col.role"), g.T("web.col.site"), g.T("web.col.status"), g.T("col.account.by"), g.T("col.added")}, rows)
			})
		},
	}
}

func newAccountDisableCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "disable LOGIN",
		Short:   "Disable a web account and close its sessions",
		Example: "  atelier account disable mdh-village2",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.recordAs(cmd.Context(), func(l *inventory.Ledger, a inventory.Actor) error {
				if err := l.DisableAccount(cmd.Context(), a, args[0]); err != nil {
					return err
				}
				fmt.Fprintln(g.stdout, g.T("account.disabled", strings.ToLower(args[0])))
				return nil
			})
		},
	}
}

// readPassword is the first line of standard input.
func (g *globals) readPassword() (string, error) {
	line, err := bufio.NewReader(g.stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", g.lang().Errorf("account.nopassword")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func newAccountEnableCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "enable LOGIN",
		Short:   "Let a disabled web account log in again",
		Long:    "enable undoes account disable. The sessions closed by the disabling stay closed:\nthe account's holder logs in again.",
		Example: "  atelier account enable mdh-village2",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.recordAs(cmd.Context(), func(l *inventory.Ledger, a inventory.Actor) error {
				if err := l.EnableAccount(cmd.Context(), a, args[0]); err != nil {
					return err
				}
				fmt.Fprintln(g.stdout, g.T("account.enabled", strings.ToLower(args[0])))
				return nil
			})
		},
	}
}

func newAccountPasswdCmd(g *globals) *cobra.Command {
	var stdin bool
	cmd := &cobra.Command{
		Use:   "passwd LOGIN --password-stdin",
		Short: "Set a web account's new password (read from standard input)",
		Long: `passwd replaces the account's password with the first line of standard input
(at least 10 characters), stored only as an argon2id hash. The account's open
sessions are closed and its failed attempts forgotten: the new password works
at once, the old one nowhere. The ledger records who changed it and when,
never the password.`,
		Example: "  printf '%s\\n' \"$PW\" | atelier account passwd mdh-village2 --password-stdin",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := g.actor()
			if err != nil {
				return err
			}
			if !stdin {
				return g.lang().Errorf("account.nopassword")
			}
			pw, err := g.readPassword()
			if err != nil {
				return err
			}
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				if err := l.SetPassword(cmd.Context(), a, args[0], pw); err != nil {
					return err
				}
				fmt.Fprintln(g.stdout, g.T("account.passwd", strings.ToLower(args[0])))
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&stdin, "password-stdin", false, "read the password from standard input")
	return cmd
}
