package corpus

import (
	"math/rand/v2"
	"strings"
)

// Type-corpus generators for the types the lead engineer added to the
// contract's families while making detectors units (issue 13).

func init() {
	RegisterType(TypeGen{
		Type: "slack_webhook_url",
		Valid: func(r *rand.Rand) string {
			return "https://hooks.slack.com/services/T" + gen{r}.alnum(8, upperAlnum) + "/B" + gen{r}.alnum(10, upperAlnum) + "/" + gen{r}.alnum(24, base62)
		},
		Invalid: func(r *rand.Rand) string {
			// The path cut short, and without a scheme, so that it is no
			// URL either.
			return "hooks.slack.com/services/T" + gen{r}.alnum(8, upperAlnum) + "/B" + gen{r}.alnum(10, upperAlnum)
		},
		Check: func(v string) bool {
			return strings.HasPrefix(v, "https://hooks.slack.com/services/T") && strings.Count(v, "/") == 6
		},
	})
}

// upperAlnum is the alphabet of Slack's team and bot ids.
const upperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
