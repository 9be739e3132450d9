-- Group 'commune-targets'. Chỉ tiêu kế hoạch: a commune's figures for the plan's targets that the case records cannot
-- know, entered per commune and year. Every recording is kept (version = the recording's sequence number + 1), each
-- with the time it was recorded (recorded_at, the event's timestamp) apart from the time the figures were taken
-- (occurred_at), so a report asked "as of" an instant reads the latest recording made by then. A value left NULL was
-- not reported.
CREATE TABLE commune_target_record (
    commune_code                                 VARCHAR(64)  NOT NULL,
    year                                         INTEGER      NOT NULL,
    version                                      BIGINT       NOT NULL,
    occurred_at                                  TIMESTAMPTZ  NOT NULL,
    recorded_at                                  TIMESTAMPTZ  NOT NULL,
    recorded_by                                  VARCHAR(128),
    org_unit                                     VARCHAR(64),
    role                                         VARCHAR(64),
    children_under_6                             INTEGER,
    children_under_6_with_health_insurance_card  INTEGER,
    congenital_heart_disease_eligible            INTEGER,
    congenital_heart_disease_received            INTEGER,
    child_friendly_commune                       BOOLEAN,
    action_month_held                            BOOLEAN,
    mid_autumn_festival_held                     BOOLEAN,
    children_forum_held                          BOOLEAN,
    PRIMARY KEY (commune_code, year, version)
);
CREATE INDEX commune_target_record_year_idx ON commune_target_record (year, commune_code, recorded_at);
