package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// BitbucketAccessToken finds Bitbucket Cloud repository, project and
// workspace access tokens: "ATCTT3xFfGN0" (Atlassian's prefix for these
// tokens), 100 to 300 URL-safe characters, '=' and the CRC-32 of
// everything before it, '=' included, in 8 upper-case hexadecimal digits
// (validate.CRC32HexUpper). A token of the right shape whose checksum
// fails is not reported and is vetoed.
var BitbucketAccessToken = &detect.Detector{
	Name: "bitbucket_access_token",
	Types: []detect.Type{{
		Name: "bitbucket_access_token", Family: detect.Secret, Confidence: 0.99,
		Confirm: "ATCTT3xFfGN0 + URL-safe body + '=' + CRC-32 of the preceding text (8 upper-case hex digits)",
	}},
	Source:      "Atlassian, Bitbucket Cloud documentation, Repository/Project/Workspace access tokens (ATCT prefix); trailing CRC-32 as issued",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"ATCTT3xFfGN0"}, Find: findBitbucketAccessToken},
	Examples: []detect.Example{
		{Text: "Authorization: Bearer ATCTT3xFfGN0FdNDOlC87Q_sexwkcVNVAc_hva9FrLhJ-r59ehi_w8BYy87dvani2xjLE_7RaGVoo_ALvpZHtZrjmTJAMJTT1-NXa0IrleG6woopoDzp7O8QuKEh6D0JCk39QmJWikyFE-xzzdAIDhXzK2QkI3cBXkLjSgSOUpTP_j33ZyXOivi=7DC8935F", Span: "ATCTT3xFfGN0FdNDOlC87Q_sexwkcVNVAc_hva9FrLhJ-r59ehi_w8BYy87dvani2xjLE_7RaGVoo_ALvpZHtZrjmTJAMJTT1-NXa0IrleG6woopoDzp7O8QuKEh6D0JCk39QmJWikyFE-xzzdAIDhXzK2QkI3cBXkLjSgSOUpTP_j33ZyXOivi=7DC8935F", Valid: true},
		{Text: `ACCESS_TOKEN = "ATCTT3xFfGN0kASDTyPhQz0ziAFnPzMtgBoxpAKLG3JxIyiJG21DHtOR3WRbUfXrG7jwrGJ2uN0JMIyF7fzD7VOZ5Cv38ufPZvzVXPvHrFoue9Us9RcFJkIWHxSCo-KSKtphrPjeBk2hwu2ngb8ETDAXY5NYGsXpJ_fBZ7Ns9Y2BXAS8XFw1hrY=F6FB4692"`, Span: "ATCTT3xFfGN0kASDTyPhQz0ziAFnPzMtgBoxpAKLG3JxIyiJG21DHtOR3WRbUfXrG7jwrGJ2uN0JMIyF7fzD7VOZ5Cv38ufPZvzVXPvHrFoue9Us9RcFJkIWHxSCo-KSKtphrPjeBk2hwu2ngb8ETDAXY5NYGsXpJ_fBZ7Ns9Y2BXAS8XFw1hrY=F6FB4692", Valid: true},
		{Text: "Authorization: Bearer ATCTT3xFfGN0FdNDOlC87Q_sexwkcVNVAc_hva9FrLhJ-r59ehi_w8BYy87dvani2xjLE_7RaGVoo_ALvpZHtZrjmTJAMJTT1-NXa0IrleG6woopoDzp7O8QuKEh6D0JCk39QmJWikyFE-xzzdAIDhXzK2QkI3cBXkLjSgSOUpTP_j33ZyXOivi=7DC8935E"},
		{Text: "Authorization: Bearer ATCTT3xFfGN0FdNDOlC87Q_sexwkcVNVAc=7DC8935F"},
	},
}

// findBitbucketAccessToken handles the prefix t[b:p].
func findBitbucketAccessToken(s *detect.Scan, b, p int) {
	t := s.T
	if !detect.FreeLeft(t, b) {
		return
	}
	eq := detect.Span(t, p, 301, detect.B64URL)
	e := eq + 9
	if n := eq - p; n < 100 || n > 300 || e > len(t) || t[eq] != '=' || !detect.FreeRight(t, e) {
		return
	}
	for _, c := range t[eq+1 : e] {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'F') {
			return
		}
	}
	if !validate.CRC32HexUpper(t[b:eq+1], t[eq+1:e]) {
		s.Veto(b, e, 0.99)
		return
	}
	s.Add(0, b, e, 0.99, true)
}
