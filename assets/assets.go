// Package assets holds what the binary embeds: the default policy profile, icons and fonts.
// Nothing is read from disk at run time.
package assets

import _ "embed"

// DefaultProfile is the policy profile seeded on first start (JSON of domain.Profile): the eight
// strategy goals of the policy, the KLASSA scale 0–4, 1 700 hours per full-time equivalent and
// the risk-management areas of the cybersäkerhetslag (2025:1506), NIS 2 article 21.2 a–j.
//
//go:embed policy/default-profile.json
var DefaultProfile []byte

// Icon is the app icon (also named in FyneApp.toml for `fyne package`).
//
//go:embed icon.png
var Icon []byte
