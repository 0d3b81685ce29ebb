package inventory

import "testing"

// Branches that each add a migration can pick the same number; two files
// of one version would leave one of them never applied. Numbers must be
// unique and each engine must know the same history.
func TestMigrationVersionsAreUnique(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]string{}
	for _, m := range ms {
		if other, ok := seen[m.Version]; ok {
			t.Errorf("migrations %s and %s share version %d", other, m.Name, m.Version)
		}
		seen[m.Version] = m.Name
	}
}
