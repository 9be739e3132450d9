-- Query side, need-to-know access (cần biết): break-the-glass grants (truy cập khẩn cấp) and the access log (nhật ký
-- truy cập). Unlike the projections, these tables are not built from the event store: requests write them, no
-- processor resets them, and a rebuild of the projections leaves them as they are. Neither holds personal data in
-- plain text.

-- A break-the-glass grant: one user, one case, until expires_at. reason and review_note are free text about a case,
-- so they are sealed with the child's key ({"keyId": ..., "cipherText": ...}) like the case file's personal fields:
-- erasing the child's identity shreds them too. flagged stays true until an auditor has reviewed the grant.
CREATE TABLE break_the_glass_grant (
    grant_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_id      VARCHAR(255) NOT NULL,
    user_id      VARCHAR(128) NOT NULL,
    org_unit     VARCHAR(64)  NOT NULL,
    role         VARCHAR(32)  NOT NULL,
    reason       JSONB,
    granted_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    flagged      BOOLEAN      NOT NULL DEFAULT TRUE,
    reviewed_by  VARCHAR(128),
    reviewed_at  TIMESTAMPTZ,
    review_note  JSONB,
    CHECK (expires_at > granted_at),
    CHECK (flagged = (reviewed_at IS NULL))
);
-- Every read of a case checks for an active grant of its reader.
CREATE INDEX break_the_glass_grant_active_idx ON break_the_glass_grant (user_id, case_id, expires_at);
CREATE INDEX break_the_glass_grant_flagged_idx ON break_the_glass_grant (granted_at) WHERE flagged;

-- Nhật ký truy cập: one row per read of personal data (a case file answered with personal fields opened, a
-- disclosure package), per read of a case history and per break-the-glass grant. Who (user, org unit, role), which
-- case, when, why (purpose: CASE_WORK, BREAK_THE_GLASS, DISCLOSURE) and, under a grant, which one. Whether a row is
-- flagged for review is the state of its grant, read by joining, so a review clears every row of the grant at once.
CREATE TABLE access_log (
    entry_id    BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    accessed_at TIMESTAMPTZ  NOT NULL,
    user_id     VARCHAR(128) NOT NULL,
    org_unit    VARCHAR(64)  NOT NULL,
    role        VARCHAR(32)  NOT NULL,
    case_id     VARCHAR(255) NOT NULL,
    resource    VARCHAR(32)  NOT NULL,
    purpose     VARCHAR(32)  NOT NULL,
    grant_id    VARCHAR(64)  REFERENCES break_the_glass_grant (grant_id)
);
CREATE INDEX access_log_order_idx ON access_log (accessed_at, entry_id);
CREATE INDEX access_log_case_idx ON access_log (case_id, accessed_at);
CREATE INDEX access_log_user_idx ON access_log (user_id, accessed_at);
CREATE INDEX access_log_grant_idx ON access_log (grant_id) WHERE grant_id IS NOT NULL;

-- The log is evidence: rows are only ever added. Changing or removing one fails, whoever tries.
CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only';
END
$$;
CREATE TRIGGER access_log_no_update_or_delete BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
