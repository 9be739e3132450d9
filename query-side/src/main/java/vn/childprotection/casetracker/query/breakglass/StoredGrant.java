package vn.childprotection.casetracker.query.breakglass;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A break-the-glass grant as stored: its reason and review note still sealed.
 */
record StoredGrant(String grantId, String caseId, String userId, String orgUnit, String role, JsonNode reason,
                   Instant grantedAt, Instant expiresAt, boolean flagged, String reviewedBy, Instant reviewedAt,
                   JsonNode reviewNote) {
}
