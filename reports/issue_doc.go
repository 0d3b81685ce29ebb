package reports

import (
	"crypto/ed25519"
	"fmt"
)

// IssueFor is Issue with the document options of the association (its
// identity on the PDF, the language): the certificate's JSON and signature
// are the same bytes; only the PDF, a view of them, carries the identity.
func IssueFor(c Certificate, key ed25519.PrivateKey, outDir string, o DocOptions) (Issued, error) {
	lang := "fr"
	if o.Lang == "en" {
		lang = "en"
	}
	is, err := Issue(c, key, outDir, lang)
	if err != nil {
		return is, err
	}
	if o.Org.Name == "" {
		return is, nil
	}
	signed, err := Parse(is.JSON)
	if err != nil {
		return is, fmt.Errorf("certificate %s: %w", is.ID, err)
	}
	pdf, err := RenderCertificatePDF(signed, is.SHA256, o)
	if err != nil {
		return is, fmt.Errorf("certificate %s: %w", is.ID, err)
	}
	if err := writeAtomic(is.PDFPath, pdf, 0o644); err != nil {
		return is, fmt.Errorf("certificate %s: %w", is.ID, err)
	}
	return is, nil
}
