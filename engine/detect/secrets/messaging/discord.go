package messaging

import (
	"encoding/base64"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// discordValue reads a Discord bot token, after an optional "Bot "
// authorization scheme: three base64url segments joined by '.', the
// first of which decodes to the bot's user id (a snowflake: 17 to 20
// decimal digits), the second 6 or 7 characters (a timestamp) and the
// third 27 to 38 (an HMAC).
func discordValue(t []byte, v int) (int, int, bool) {
	v = shape.Scheme(t, v)
	d1 := detect.Span(t, v, 29, shape.URL)
	if n := d1 - v; n < 23 || n > 28 || d1 >= len(t) || t[d1] != '.' || !snowflake(t[v:d1]) {
		return 0, 0, false
	}
	d2 := detect.Span(t, d1+1, 8, shape.URL)
	if n := d2 - d1 - 1; n < 6 || n > 7 || d2 >= len(t) || t[d2] != '.' {
		return 0, 0, false
	}
	e, ok := shape.Body(t, d2+1, 27, 38, shape.URL)
	return v, e, ok && (e == len(t) || t[e] != '.')
}

// snowflake reports whether seg is unpadded base64url for 17 to 20
// decimal digits, the first not 0.
func snowflake(seg []byte) bool {
	var buf [24]byte
	if base64.RawURLEncoding.DecodedLen(len(seg)) > len(buf) {
		return false
	}
	n, err := base64.RawURLEncoding.Decode(buf[:], seg)
	if err != nil || n < 17 || n > 20 || buf[0] == '0' {
		return false
	}
	for _, c := range buf[:n] {
		if !detect.IsDigit(c) {
			return false
		}
	}
	return true
}

// discordBot is the shared reading of a bot token by its name.
var discordBot = &shape.Named{Value: discordValue, Conf: 0.9, Provider: []string{"discord"}}

// DiscordBotToken finds Discord bot tokens (Discord developer docs,
// "Reference: Authentication",
// https://discord.com/developers/docs/reference#authentication, the
// "Authorization: Bot <token>" header): three base64url segments whose
// first decodes to the bot's snowflake user id. They are found after
// Discord's variable names (DISCORD_TOKEN, DISCORD_BOT_TOKEN), in an
// Authorization header with the Bot scheme, or as the value of a token
// key whose name holds "discord".
var DiscordBotToken = &detect.Detector{
	Name: "discord_bot_token",
	Types: []detect.Type{{
		Name: "discord_bot_token", Family: detect.Secret, Confidence: 0.9, NeedsContext: true,
		Confirm: "three base64url segments, the first decoding to a 17-20 digit snowflake id; after a Discord name or the Bot scheme",
	}},
	Source:      "Discord developer documentation, Reference: Authentication (Bot tokens)",
	Context:     []detect.Word{{Text: "discord", Conf: 0.9}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"DISCORD_TOKEN", "DISCORD_BOT_TOKEN", "Authorization: Bot "},
		Find:     findDiscordName,
	},
	Keys: &detect.OnKey{Words: []string{"discord"}, MinValue: 24, Find: discordBot.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "DISCORD_BOT_TOKEN=MTE1MzcxODMyMDQ1NzI2OTI4MQ.wBUVKO.k8w95uxwPzokm2eJJQnVKN6BHtnp_EQsmXv5eh",
			Span: "MTE1MzcxODMyMDQ1NzI2OTI4MQ.wBUVKO.k8w95uxwPzokm2eJJQnVKN6BHtnp_EQsmXv5eh", Valid: true},
		{Text: "Authorization: Bot MTE1MzcxODMyMDQ1NzI2OTI4MQ.wBUVKO.k8w95uxwPzokm2eJJQnVKN6BHtnp_EQsmXv5eh",
			Span: "MTE1MzcxODMyMDQ1NzI2OTI4MQ.wBUVKO.k8w95uxwPzokm2eJJQnVKN6BHtnp_EQsmXv5eh", Valid: true},
		{Text: "DISCORD_BOT_TOKEN=QWxhZGRpbjpvcGVuIHNlc2FtZQx.wBUVKO.k8w95uxwPzokm2eJJQnVKN6BHtnp_EQsmXv5eh"},
		{Text: "DISCORD_BOT_TOKEN=MTE1MzcxODMyMDQ1NzI2OTI4MQ.wBUVKO.k8w95uxwPzokm2eJJQ"},
		{Text: "token MTE1MzcxODMyMDQ1NzI2OTI4MQ.wBUVKO.k8w95uxwPzokm2eJJQnVKN6BHtnp_EQsmXv5eh"},
	},
}

// findDiscordName handles a variable name or an Authorization header with
// the Bot scheme, t[b:p].
func findDiscordName(s *detect.Scan, b, p int) {
	if t := s.T; t[p-1] != ' ' {
		discordBot.FindName(s, b, p)
	} else if vs, e, ok := discordValue(t, p); ok {
		s.Add(0, vs, e, 0.9, true)
	}
}
