// Package messaging holds the detectors of messaging and email
// credentials: Twilio, SendGrid, Mailgun, Mailchimp, Postmark, Telegram
// bot tokens, Discord bot tokens and webhooks, and Microsoft Teams
// incoming webhooks. (Slack's are secrets.SlackToken and its webhook
// detector.)
package messaging
