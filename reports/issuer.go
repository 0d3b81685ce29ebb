package reports

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/pcsolidaire/atelier/inventory"
)

// A certificate's PDF is a pure view of its signed JSON: `verify ID.pdf`
// renders it again and compares the bytes. The association's identity on
// top is not in the JSON, so the PDF carries it in its XMP metadata: what
// renders the same bytes again, even far from the bench's ledger. The
// identity is the issuing association's word, not part of what the bench
// key signs; the check proves the certificate's content is shown as
// signed.

// issuerRE finds the identity in a PDF's XMP metadata.
var issuerRE = regexp.MustCompile(`<atelier:issuer>([A-Za-z0-9+/=]*)</atelier:issuer>`)

// issuer is the identity as the XMP metadata carries it.
type issuer struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	SIRET   string `json:"siret,omitempty"`
	Logo    []byte `json:"logo,omitempty"`
}

// issuerXMP is the XMP packet naming org.
func issuerXMP(org inventory.Org) []byte {
	b, _ := json.Marshal(issuer{Name: org.Name, Address: org.Address, SIRET: org.SIRET, Logo: org.Logo})
	return []byte(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:atelier="https://atelier.pcsolidaire.org/ns/1.0/"><atelier:issuer>` +
		base64.StdEncoding.EncodeToString(b) + `</atelier:issuer></rdf:Description>
</rdf:RDF></x:xmpmeta>
<?xpacket end="r"?>`)
}

// pdfIssuer reads the identity a certificate PDF was rendered with; ok is
// false for a PDF without one.
func pdfIssuer(pdf []byte) (inventory.Org, bool) {
	if !bytes.Contains(pdf, []byte("<atelier:issuer>")) {
		return inventory.Org{}, false
	}
	m := issuerRE.FindSubmatch(pdf)
	if m == nil {
		return inventory.Org{}, false
	}
	b, err := base64.StdEncoding.DecodeString(string(m[1]))
	if err != nil {
		return inventory.Org{}, false
	}
	var is issuer
	if json.Unmarshal(b, &is) != nil || is.Name == "" {
		return inventory.Org{}, false
	}
	return inventory.Org{Name: is.Name, Address: is.Address, SIRET: is.SIRET, Logo: is.Logo}, true
}

// WithDoc renders s's PDF with the document options: its language
// (French unless English is asked for) and the association's identity.
// The JSON and signature stay the same bytes: only the PDF has a language.
func (s Signed) WithDoc(o DocOptions) (Signed, error) {
	o.Lang = docLang(o.Lang)
	pdf, err := RenderCertificatePDF(s.cert, s.SHA256, o)
	if err != nil {
		return s, fmt.Errorf("issue certificate %s: %w", s.ID, err)
	}
	s.PDF = pdf
	return s, nil
}
