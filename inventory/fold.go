package inventory

import (
	"database/sql/driver"
	"strings"

	"golang.org/x/text/transform"
	"modernc.org/sqlite"
)

// foldName is how list filters compare donors, sites and batches: without
// case, accents or repeated spaces, so "--donor mairie d'echirolles" finds
// "Mairie d'Échirolles".
func foldName(s string) string {
	if !intakeASCII(s) {
		if f, _, err := transform.String(intakeFolder, s); err == nil {
			s = f
		}
	}
	return strings.ToUpper(strings.Join(strings.Fields(s), " "))
}

// The same folding inside SQLite, for WHERE clauses. Registered once for
// every connection the driver opens.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("atelier_fold", 1,
		func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			switch v := args[0].(type) {
			case string:
				return foldName(v), nil
			case []byte:
				return foldName(string(v)), nil
			case nil:
				return "", nil
			}
			return args[0], nil
		})
}
