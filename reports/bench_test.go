package reports_test

import (
	"testing"

	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/reports/reportstest"
)

// BenchmarkIssue measures one certificate (JSON, signature, PDF with the
// embedded fonts, three atomic writes): a bench wiping many disks issues
// one per disk at the end of each wipe.
func BenchmarkIssue(b *testing.B) {
	dir := b.TempDir()
	if _, _, err := reports.EnsureBenchKey(dir, "bench"); err != nil {
		b.Fatal(err)
	}
	priv, err := reports.LoadBenchKey(dir)
	if err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	c := reportstest.Sample()
	for b.Loop() {
		if _, err := reports.Issue(c, priv, out, "fr"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify measures checking one certificate.
func BenchmarkVerify(b *testing.B) {
	dir := b.TempDir()
	pub, _, err := reports.EnsureBenchKey(dir, "bench")
	if err != nil {
		b.Fatal(err)
	}
	priv, _ := reports.LoadBenchKey(dir)
	is, err := reports.Issue(reportstest.Sample(), priv, b.TempDir(), "fr")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := reports.Verify(is.JSONPath, pub); err != nil {
			b.Fatal(err)
		}
	}
}
