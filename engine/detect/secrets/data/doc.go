// Package data holds the detectors of observability and data platform
// credentials: Datadog, New Relic, Sentry, Grafana, PagerDuty,
// Databricks, Confluent and Elastic, and the passwords embedded in
// database and message broker connection URIs (MongoDB, PostgreSQL,
// MySQL, Redis, AMQP, Snowflake).
package data
