// Package ci holds the detectors of code-hosting, CI and package-registry
// credentials: GitLab's gl* tokens, Bitbucket, CircleCI, Travis CI,
// Buildkite, npm, PyPI, RubyGems, NuGet, Docker Hub, JFrog, HashiCorp
// Vault and Terraform Cloud. Each file declares one detector; the
// engine's registry lists them.
package ci
