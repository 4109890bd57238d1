// Package payments holds the detectors of payment and commerce
// credentials: Stripe's publishable keys and webhook signing secrets
// (its secret and restricted keys are secrets.StripeKey), Square,
// Braintree, Shopify, Adyen and Plaid.
package payments
