-- Idempotency records hold nothing personal: the key and the body are stored as HMAC-SHA256 under a server secret
-- (casetracker.idempotency.secret), kept for a retention period, and deleted with the child's erasure.
-- Rows written before hold a plain SHA-256 of the body, which a guessed name and birth date can match: they are
-- deleted (a replay of one of them is answered as a new request).
DELETE FROM idempotency_key;
ALTER TABLE idempotency_key RENAME COLUMN idem_key TO key_hmac;
ALTER TABLE idempotency_key RENAME COLUMN request_hash TO request_hmac;
ALTER TABLE idempotency_key ALTER COLUMN key_hmac TYPE VARCHAR(64);
ALTER TABLE idempotency_key ADD COLUMN child_id VARCHAR(64) NOT NULL;
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
CREATE INDEX idempotency_key_child_id ON idempotency_key (child_id);
