-- Boards an approved signer may submit for. Approving a signer on import approves them for the
-- boards of the files they sent; a later file for another board waits for approval again.
-- A CA vouches for whoever it issued a certificate to; its entry has no boards.
CREATE TABLE trust_boards (
	trust_id INTEGER NOT NULL REFERENCES trust(id) ON DELETE CASCADE,
	board    TEXT NOT NULL CHECK (length(trim(board)) > 0),
	PRIMARY KEY (trust_id, board)
) WITHOUT ROWID;

-- Signers approved before this version keep the boards they have already submitted for.
INSERT OR IGNORE INTO trust_boards(trust_id, board)
	SELECT DISTINCT t.id, s.board_name FROM trust t JOIN submissions s ON s.trusted_via = t.fingerprint
	WHERE t.kind = 'signer' AND s.signer_fingerprint = t.fingerprint AND length(trim(s.board_name)) > 0;

-- A certificate approved as a signer on import is a signer, whatever it says about itself.
-- Earlier versions stored an approved CA certificate as a CA, which then vouched for every
-- certificate it issued: what it vouched for that way is no longer trusted (recorded in the
-- audit log like a removal), what it signed itself keeps its boards.
CREATE TEMP TABLE approved_ca AS
	SELECT id, fingerprint FROM trust
	WHERE kind = 'ca' AND id IN (SELECT entity_id FROM audit_log WHERE entity = 'trust' AND field = 'approved');
INSERT INTO audit_log(at, who, entity, entity_id, field, old_value, new_value)
	SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'migration 4', 'submission', s.id, 'trusted', 'true', 'false'
	FROM submissions s JOIN approved_ca a ON s.trusted_via = a.fingerprint
	WHERE s.signer_fingerprint <> a.fingerprint AND s.trusted = 1;
UPDATE submissions SET trusted = 0, trusted_via = ''
	WHERE trusted_via IN (SELECT fingerprint FROM approved_ca)
	AND signer_fingerprint <> trusted_via;
INSERT OR IGNORE INTO trust_boards(trust_id, board)
	SELECT DISTINCT a.id, s.board_name FROM approved_ca a JOIN submissions s ON s.signer_fingerprint = a.fingerprint
	WHERE s.trusted_via = a.fingerprint AND length(trim(s.board_name)) > 0;
INSERT INTO audit_log(at, who, entity, entity_id, field, old_value, new_value)
	SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'migration 4', 'trust', id, 'kind', 'ca', 'signer' FROM approved_ca;
UPDATE trust SET kind = 'signer' WHERE id IN (SELECT id FROM approved_ca);
DROP TABLE approved_ca;
