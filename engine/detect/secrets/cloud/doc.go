// Package cloud holds the detectors of cloud-provider credentials: AWS
// secret access keys and Bedrock API keys, Azure storage account keys and
// Entra ID client secrets, GCP service-account key files, DigitalOcean,
// Heroku, Alibaba Cloud and IBM Cloud. Each file declares one detector;
// the engine's registry lists them.
package cloud
