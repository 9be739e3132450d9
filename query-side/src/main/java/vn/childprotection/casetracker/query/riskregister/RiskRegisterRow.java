package vn.childprotection.casetracker.query.riskregister;

import java.time.OffsetDateTime;

/**
 * One row of {@code risk_register} as the projection folds it over a batch of events: immutable, each change gives a
 * new row.
 *
 * @param riskLevel null until the first assessment
 * @param version   the version (sequence number + 1) of the case's last event applied
 */
record RiskRegisterRow(String communeCode, String category, String riskLevel, boolean emergency, String status,
                       OffsetDateTime reportedAt, OffsetDateTime updatedAt, long version) {

    RiskRegisterRow withRiskLevel(String level) {
        return new RiskRegisterRow(communeCode, category, level, emergency, status, reportedAt, updatedAt, version);
    }

    RiskRegisterRow withEmergency(boolean flag) {
        return new RiskRegisterRow(communeCode, category, riskLevel, flag, status, reportedAt, updatedAt, version);
    }

    RiskRegisterRow withStatus(String newStatus) {
        return new RiskRegisterRow(communeCode, category, riskLevel, emergency, newStatus, reportedAt, updatedAt,
                version);
    }

    RiskRegisterRow runBy(String commune) {
        return new RiskRegisterRow(commune, category, riskLevel, emergency, status, reportedAt, updatedAt, version);
    }

    RiskRegisterRow appliedAt(OffsetDateTime recordedAt, long newVersion) {
        return new RiskRegisterRow(communeCode, category, riskLevel, emergency, status, reportedAt, recordedAt,
                newVersion);
    }
}
