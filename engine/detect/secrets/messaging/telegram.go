package messaging

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Telegram bot token limits: the bot's numeric id, then ':' and the
// secret.
const (
	tgMinID, tgMaxID = 6, 12
	tgSecret         = 35
	// tgConf is the shape alone; tgCtxConf with a context word; tgURLConf
	// in a Bot API URL path.
	tgConf, tgCtxConf, tgURLConf = 0.4, 0.8, 0.95
)

// TelegramBotToken finds Telegram Bot API tokens (Telegram Bot API docs,
// "Authorizing your bot", https://core.telegram.org/bots/api#authorizing-your-bot:
// the token BotFather issues is the bot's numeric id, ':' and a
// base64url secret, "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"), with a
// 6 to 12 digit id and a 35-character secret. The format has no literal
// prefix, so the shape alone scores below the default minimum: a context
// word (Telegram, bot token) or the Bot API URL path
// ("api.telegram.org/bot<token>/…") confirms it. The trigger is the ':'
// after a digit.
var TelegramBotToken = &detect.Detector{
	Name: "telegram_bot_token",
	Types: []detect.Type{{
		Name: "telegram_bot_token", Family: detect.Secret, Confidence: tgConf, NeedsContext: true,
		Confirm: "6-12 digit bot id + ':' + 35 base64url characters, with a context word or in a Bot API URL",
	}},
	Source:      "Telegram Bot API documentation, Authorizing your bot",
	Context:     []detect.Word{{Text: "telegram", Conf: tgCtxConf}, {Text: "bot token", Conf: tgCtxConf}, {Text: "bot_token", Conf: tgCtxConf}, {Text: "botfather", Conf: tgCtxConf}},
	Placeholder: detect.SecretPlaceholder,
	Bytes:       []detect.OnByte{{Byte: ':', Before: detect.Digit, Find: findTelegram}},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "TELEGRAM_BOT_TOKEN=7310492658:TF_n_pGz3cW0uABBrDSxOOyBymrEqlHXm31", Span: "7310492658:TF_n_pGz3cW0uABBrDSxOOyBymrEqlHXm31", Valid: true},
		{Text: "GET https://api.telegram.org/bot581937264:qzZcmzTUoRyj9nde9syxoAwuKmhr7jmPY72/getMe",
			Span: "581937264:qzZcmzTUoRyj9nde9syxoAwuKmhr7jmPY72", Valid: true},
		{Text: "7310492658:TF_n_pGz3cW0uABBrDSxOOyBymrEqlHXm3"},
		{Text: "12:30:TF_n_pGz3cW0uABBrDSxOOyBymrEqlHXm31"},
		// The shape alone scores 0.4, below the default minimum.
		{Text: "id 7310492658:TF_n_pGz3cW0uABBrDSxOOyBymrEqlHXm31 at 0.4"},
		{Text: "id x7310492658:TF_n_pGz3cW0uABBrDSxOOyBymrEqlHXm31"},
		// A lookalike under a name or prefix that says what it is: vetoed, so
		// not the generic api_key either.
		{Text: `"Telegram bot token": "382464144:AAEqW1yHTA1XzEoWaBf3FQn_NV1laYFT"`, Type: "api_key"},
	},
}

// findTelegram handles ':' at t[p] after a digit.
func findTelegram(s *detect.Scan, p int) {
	t := s.T
	b := p - 1
	for b > 0 && p-b <= tgMaxID && detect.IsDigit(t[b-1]) {
		b--
	}
	if n := p - b; n < tgMinID || n > tgMaxID || t[b] == '0' {
		return
	}
	if b > 0 && !(detect.HasPrefix(t, b-3, "bot") && shape.Left(t, b-3, shape.Alnum) || shape.Left(t, b, shape.URL) && t[b-1] != ':') {
		return
	}
	v := p + 1
	if !shape.Fixed(t, v, tgSecret, shape.URL) || !shape.Mixed(t[v:v+tgSecret]) {
		if s.Context(b) > 0 {
			shape.VetoValue(s, b) // a bot id and a bad secret where Telegram is named
		}
		return
	}
	conf := tgConf
	if detect.HasPrefix(t, b-16, "telegram.org/bot") {
		conf = tgURLConf
	} else if c := s.Context(b); c > conf {
		conf = c
	}
	s.Add(0, b, v+tgSecret, conf, true)
}
