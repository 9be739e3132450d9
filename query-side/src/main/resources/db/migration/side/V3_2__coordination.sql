-- Query side, coordination: the procedure's time limits (thời hạn), the agencies' work queues (danh sách công việc)
-- and the inter-agency audit trail (nhật ký liên ngành). As in V3_1, every table belongs to one processing group,
-- is written only by it, is emptied by its reset and rebuilt from the event store. Each group keeps the little it
-- needs of a case (its commune, ...) in a table of its own rather than reading another group's table.

-- Group 'deadlines'. Thời hạn: one row per time limit of a case. state is OPEN, MET, MISSED, FULFILLED_LATE or
-- WITHDRAWN; commune_code is the commune that runs the case now (moved on an accepted transfer).
CREATE TABLE case_deadline (
    case_id              VARCHAR(255) NOT NULL,
    deadline_id          VARCHAR(255) NOT NULL,
    rule                 VARCHAR(32)  NOT NULL,
    due_at               TIMESTAMPTZ  NOT NULL,
    responsible_org_unit VARCHAR(64)  NOT NULL,
    intervention_id      VARCHAR(255),
    commune_code         VARCHAR(64)  NOT NULL,
    state                VARCHAR(16)  NOT NULL,
    scheduled_at         TIMESTAMPTZ,
    missed_at            TIMESTAMPTZ,
    fulfilled_at         TIMESTAMPTZ,
    withdrawn_at         TIMESTAMPTZ,
    withdrawn_reason     VARCHAR(32),
    PRIMARY KEY (case_id, deadline_id)
);
-- The risk register's next deadline per case, and the overdue register (quá hạn).
CREATE INDEX case_deadline_open_idx ON case_deadline (case_id, due_at) WHERE state = 'OPEN';
CREATE INDEX case_deadline_missed_idx ON case_deadline (due_at) WHERE state = 'MISSED';

-- The case as the deadlines group knows it: its commune now, and the version (sequence number + 1) of the last
-- event of the case the group applied, so an event delivered again is ignored.
CREATE TABLE deadline_case (
    case_id      VARCHAR(255) NOT NULL PRIMARY KEY,
    commune_code VARCHAR(64)  NOT NULL,
    version      BIGINT       NOT NULL
);

-- Group 'work-queue'. Danh sách công việc của cơ quan: every intervention under the case's approved plan, with the
-- agency it is assigned to now and the state of its INTERVENTION_DUE deadline.
CREATE TABLE work_item (
    case_id           VARCHAR(255) NOT NULL,
    intervention_id   VARCHAR(255) NOT NULL,
    commune_code      VARCHAR(64)  NOT NULL,
    agency_code       VARCHAR(64)  NOT NULL,
    measure           VARCHAR(64)  NOT NULL,
    due_date          DATE         NOT NULL,
    plan_version      INTEGER      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    assigned_at       TIMESTAMPTZ  NOT NULL,
    status_changed_at TIMESTAMPTZ  NOT NULL,
    deadline_id       VARCHAR(255),
    deadline_state    VARCHAR(16),
    PRIMARY KEY (case_id, intervention_id)
);
CREATE INDEX work_item_agency_idx ON work_item (agency_code, due_date);
CREATE INDEX work_item_declined_idx ON work_item (status_changed_at) WHERE status = 'DECLINED';

-- The latest drafted plan version of each case, until its approval turns it into work items.
CREATE TABLE work_plan_draft (
    case_id         VARCHAR(255) NOT NULL,
    intervention_id VARCHAR(255) NOT NULL,
    plan_version    INTEGER      NOT NULL,
    measure         VARCHAR(64)  NOT NULL,
    agency_code     VARCHAR(64)  NOT NULL,
    due_date        DATE         NOT NULL,
    PRIMARY KEY (case_id, intervention_id)
);

-- The case as the work-queue group knows it (see deadline_case).
CREATE TABLE work_case (
    case_id      VARCHAR(255) NOT NULL PRIMARY KEY,
    commune_code VARCHAR(64)  NOT NULL,
    version      BIGINT       NOT NULL
);

-- Group 'audit-trail'. Nhật ký liên ngành: one row per event, keyed by the event's identifier, with who did it and
-- a short summary that never holds personal data.
CREATE TABLE audit_entry (
    event_id        VARCHAR(255)  NOT NULL PRIMARY KEY,
    global_index    BIGINT,
    case_id         VARCHAR(255)  NOT NULL,
    sequence_number BIGINT        NOT NULL,
    action          VARCHAR(128)  NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    occurred_at     TIMESTAMPTZ,
    user_id         VARCHAR(128),
    org_unit        VARCHAR(64),
    role            VARCHAR(64),
    agency_code     VARCHAR(64),
    intervention_id VARCHAR(255),
    deadline_rule   VARCHAR(32),
    summary         VARCHAR(1000)
);
CREATE INDEX audit_entry_order_idx ON audit_entry (recorded_at, global_index);
CREATE INDEX audit_entry_case_idx ON audit_entry (case_id, recorded_at);
CREATE INDEX audit_entry_agency_idx ON audit_entry (agency_code, recorded_at);
CREATE INDEX audit_entry_org_unit_idx ON audit_entry (org_unit, recorded_at);
CREATE INDEX audit_entry_user_idx ON audit_entry (user_id, recorded_at);
CREATE INDEX audit_entry_action_idx ON audit_entry (action, recorded_at);

-- Who must meet each deadline, for the fulfilled and withdrawn events that do not say it themselves.
CREATE TABLE audit_deadline (
    case_id              VARCHAR(255) NOT NULL,
    deadline_id          VARCHAR(255) NOT NULL,
    responsible_org_unit VARCHAR(64)  NOT NULL,
    PRIMARY KEY (case_id, deadline_id)
);
