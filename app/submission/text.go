package submission

import (
	"strings"

	"handlingsplan/i18n"
)

// ReasonText is the verdict of r as one plain-language sentence for the coordinator, in loc's
// language. The technical Detail is never part of it.
func ReasonText(loc *i18n.Localizer, r Result) string {
	switch r.Verdict {
	case Valid:
		return loc.Tf("submission.reason.valid", "Signer", signerName(r))
	case UnknownSigner:
		return loc.Tf("submission.reason.unknown_signer", "Signer", signerName(r), "Fingerprint", FormatFingerprint(r.Fingerprint))
	}
	key := "submission.reason." + string(r.Reason)
	if r.Reason == "" || !loc.Has(key) {
		key = "submission.reason.unreadable"
	}
	return loc.Tf(key, "MaxMB", MaxFileSize>>20, "Signer", signerName(r))
}

// VerdictText is a short label for the verdict ("Giltig", "Okänd undertecknare", "Avvisad").
func VerdictText(loc *i18n.Localizer, v Verdict) string {
	switch v {
	case Valid, UnknownSigner:
		return loc.T("submission.verdict." + string(v))
	}
	return loc.T("submission.verdict.rejected")
}

// FormatFingerprint groups a hex fingerprint in blocks of four upper-case digits, easier to
// read aloud on the phone: "3A7F 09C2 …".
func FormatFingerprint(fp string) string {
	fp = strings.ToUpper(fp)
	var b strings.Builder
	for i := 0; i < len(fp); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(fp[i:min(i+4, len(fp))])
	}
	return b.String()
}

func signerName(r Result) string {
	if r.Signer == nil {
		return ""
	}
	if n := strings.TrimSpace(r.Signer.Subject.CommonName); n != "" {
		return n
	}
	return r.Signer.Subject.String()
}
