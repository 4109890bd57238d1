// Package saas holds the detectors of software-as-a-service credentials:
// Atlassian, Linear, Notion, Airtable, Asana, Figma, Dropbox, Okta,
// Auth0, Twitch, Zendesk, Intercom, Contentful, Doppler, 1Password,
// Postman, Netlify, Vercel, Fly.io, Supabase and Cloudflare.
package saas
