package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// RubyGemsAPIKey finds RubyGems.org API keys (RubyGems guides, "API key
// scopes"; keys issued since 2021 begin with "rubygems_"): "rubygems_"
// and 48 lower-case hexadecimal digits.
var RubyGemsAPIKey = &detect.Detector{
	Name: "rubygems_api_key",
	Types: []detect.Type{{
		Name: "rubygems_api_key", Family: detect.Secret, Confidence: 0.97,
		Confirm: "rubygems_ + 48 lower-case hex digits",
	}},
	Source:      "RubyGems guides, API key scopes (rubygems_ prefix)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"rubygems_"}, Find: rubygemsKey.Find},
	Examples: []detect.Example{
		{Text: ":rubygems_api_key: rubygems_2aabfe228f219e9cb0eb53f16947ccf25ec84d8dbc742547", Span: "rubygems_2aabfe228f219e9cb0eb53f16947ccf25ec84d8dbc742547", Valid: true},
		{Text: "GEM_HOST_API_KEY=rubygems_70f58904dba41ecccc3fc1626e53a13043b026c48bbf33fe", Span: "rubygems_70f58904dba41ecccc3fc1626e53a13043b026c48bbf33fe", Valid: true},
		{Text: "GEM_HOST_API_KEY=rubygems_70f58904dba41ecccc3fc1626e53a13043b026c48bbf33f"},
		{Text: "GEM_HOST_API_KEY=rubygems_70F58904DBA41ECCCC3FC1626E53A13043B026C48BBF33FE"},
	},
}

// rubygemsKey is the rubygems_ body.
var rubygemsKey = &tokenshape.Prefixed{Min: 48, Max: 48, Class: detect.Alnum, Conf: 0.97, Check: tokenshape.LowerHex}
