-- Coordinator import, second step.
-- trusted_via is the fingerprint of the trust-list entry (CA or approved signer) that vouched for
-- a submission when it was imported, so removing that entry finds exactly the submissions it
-- affects. '' when the signer is (no longer) trusted.
ALTER TABLE submissions ADD COLUMN trusted_via TEXT NOT NULL DEFAULT '';
CREATE INDEX submissions_trusted_via ON submissions(trusted_via);

-- The importer looks up earlier verdicts of the same file and the files waiting for a signer.
CREATE INDEX import_log_sha ON import_log(sha256);
CREATE INDEX import_log_pending ON import_log(fingerprint) WHERE pending_pdf IS NOT NULL;

-- The technical detail of a verdict (which check failed and how), for support; the UI shows a
-- plain sentence made from verdict and reason instead.
ALTER TABLE import_log ADD COLUMN detail TEXT NOT NULL DEFAULT '';
