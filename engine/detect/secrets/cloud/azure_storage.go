package cloud

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
	"github.com/datafog/datafog-api/engine/validate"
)

// AzureStorageAccountKey finds Azure storage account access keys: 512-bit
// keys written as 88 standard base64 characters ending in "==" (Azure
// Storage documentation, "Manage storage account access keys"; "Configure
// Azure Storage connection strings":
// DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…). The key is
// reported, not the whole connection string. It has no mark of its own,
// so it needs its name: the AccountKey field of a connection string or
// an assignment to a storage key name (AccountKey, AZURE_STORAGE_KEY,
// AZURE_STORAGE_ACCOUNT_KEY, storage_account_key), at 0.8, or 0.95 when
// the connection string's AccountName or DefaultEndpointsProtocol stands
// before it.
var AzureStorageAccountKey = &detect.Detector{
	Name: "azure_storage_account_key",
	Types: []detect.Type{{
		Name: "azure_storage_account_key", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "88 base64 characters ending in == (a 512-bit key) after AccountKey= or a storage key name",
	}},
	Source:      "Azure Storage documentation, Manage storage account access keys; Configure Azure Storage connection strings",
	Placeholder: detect.SecretPlaceholder,
	Context: []detect.Word{
		{Text: "AccountName", Conf: 0.95},
		{Text: "DefaultEndpointsProtocol", Conf: 0.95},
	},
	Prefixes: &detect.OnPrefix{
		Literals: []string{"AZURE_STORAGE_KEY", "AZURE_STORAGE_ACCOUNT_KEY"},
		Find: func(s *detect.Scan, _, p int) {
			if v, op, ok := tokenshape.ValueAfterName(s.T, p); ok && !op {
				if !findAzureKey(s, v) {
					shape.VetoValue(s, v) // Azure's own variable name
				}
			}
		},
	},
	Keys: &detect.OnKey{
		Words:    []string{"accountkey", "account_key", "storagekey", "storage_key", "storage-key", "account-key"},
		MinValue: 88,
		Find: func(s *detect.Scan, a *detect.Assignment) {
			if !findAzureKey(s, a.Value) && shape.HasWord(s.T[a.KeyStart:a.KeyEnd], "storage") {
				shape.VetoValue(s, a.Value) // a storage key name
			}
		},
	},
	Examples: []detect.Example{
		{Text: "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=Zp8r8giU6ifmicZrayYuSIa4Q485unb++MkMUQH75s+aSNWwwKE9qQCmrcs9ZAaUgb4hyccnuNuMGI80GpJMfw==;EndpointSuffix=core.windows.net", Span: "Zp8r8giU6ifmicZrayYuSIa4Q485unb++MkMUQH75s+aSNWwwKE9qQCmrcs9ZAaUgb4hyccnuNuMGI80GpJMfw==", Valid: true},
		{Text: "AZURE_STORAGE_KEY=iN+hYb/bDsxoKRnS5kaS+BlBV/HUr5CYgoXPepr3yT1VUiZq/nDnqubaR2J8LlmvLqN6vIRnCtPE02vAiq0f/w==", Span: "iN+hYb/bDsxoKRnS5kaS+BlBV/HUr5CYgoXPepr3yT1VUiZq/nDnqubaR2J8LlmvLqN6vIRnCtPE02vAiq0f/w==", Valid: true},
		{Text: "AZURE_STORAGE_ACCOUNT_KEY iN+hYb/bDsxoKRnS5kaS+BlBV/HUr5CYgoXPepr3yT1VUiZq/nDnqubaR2J8LlmvLqN6vIRnCtPE02vAiq0f/w==", Span: "iN+hYb/bDsxoKRnS5kaS+BlBV/HUr5CYgoXPepr3yT1VUiZq/nDnqubaR2J8LlmvLqN6vIRnCtPE02vAiq0f/w==", Valid: true},
		// No name; one character short; no padding.
		{Text: "blob Zp8r8giU6ifmicZrayYuSIa4Q485unb++MkMUQH75s+aSNWwwKE9qQCmrcs9ZAaUgb4hyccnuNuMGI80GpJMfw=="},
		{Text: "AccountName=acmeprod;AccountKey=p8r8giU6ifmicZrayYuSIa4Q485unb++MkMUQH75s+aSNWwwKE9qQCmrcs9ZAaUgb4hyccnuNuMGI80GpJMfw=="},
		{Text: "AccountName=acmeprod;AccountKey=Zp8r8giU6ifmicZrayYuSIa4Q485unb++MkMUQH75s+aSNWwwKE9qQCmrcs9ZAaUgb4hyccnuNuMGI80GpJMfwAA"},
		// A lookalike under a name or prefix that says what it is: vetoed, so
		// not the generic api_key either.
		{Text: `export AZURE_STORAGE_KEY=FDaKhDrRei6Ori7lnwwSm9H2zF56G3J7jktQP9B60NEamg+dBmdn9l2sQjMvQJvNIPjisrKEzaCdT2/3IDdu`, Type: "api_key"},
	},
}

// findAzureKey checks the value that starts at t[v]: 86 base64
// characters and "==".
func findAzureKey(s *detect.Scan, v int) bool {
	t := s.T
	e := detect.Span(t, v, 87, detect.B64)
	if e-v != 86 || e+2 > len(t) || t[e] != '=' || t[e+1] != '=' || !tokenshape.End(t, e+2) || e+2 < len(t) && t[e+2] == '=' {
		return false
	}
	e += 2
	if validate.Entropy(t[v:e]) < 4 {
		return false
	}
	conf := 0.8
	if c := s.Context(v); c > conf {
		conf = c
	}
	s.Add(0, v, e, conf, true)
	return true
}
