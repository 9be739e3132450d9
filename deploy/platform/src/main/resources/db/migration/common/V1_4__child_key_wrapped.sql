-- Envelope encryption of the per-child data keys (mã hóa phong bì): each key is stored wrapped (AES-256-GCM, the
-- child id as associated data) under a key-encryption key that the database never holds (a file in
-- ./data/secrets/kek/ beside the embedded data directory, CASETRACKER_KEK, or a key service). A dump or backup of the
-- database alone therefore opens no personal data; deleting a child's row still erases the child.
--
--   kek_id       the id of the key-encryption key that wrapped the row (rows under older ids are rewrapped in the
--                background after a rotation; every known key still unwraps meanwhile)
--   wrapped_key  nonce || ciphertext || tag of the 32-byte data key
--   key_material the raw key of a store from before this migration: NULL once the service has wrapped the row,
--                which it does at its first start after the upgrade (ChildKeyRewrapping); new rows never hold it
--
-- Every statement is idempotent: both sides may apply the shared migrations.

ALTER TABLE child_key ADD COLUMN IF NOT EXISTS kek_id VARCHAR(64);
ALTER TABLE child_key ADD COLUMN IF NOT EXISTS wrapped_key BYTEA;
ALTER TABLE child_key ALTER COLUMN key_material DROP NOT NULL;

DO
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint
                   WHERE conname = 'child_key_wrapped_or_raw' AND conrelid = 'child_key'::regclass) THEN
        ALTER TABLE child_key ADD CONSTRAINT child_key_wrapped_or_raw CHECK (
            (kek_id IS NULL) = (wrapped_key IS NULL) AND (wrapped_key IS NOT NULL OR key_material IS NOT NULL));
    END IF;
END
$$;

COMMENT ON COLUMN child_key.kek_id IS 'Id of the key-encryption key (outside the database) that wrapped this key';
COMMENT ON COLUMN child_key.wrapped_key IS 'The data key wrapped with AES-256-GCM, the child id as associated data';
COMMENT ON COLUMN child_key.key_material IS 'Raw key of a store from before V1_4; NULL once wrapped at start';
