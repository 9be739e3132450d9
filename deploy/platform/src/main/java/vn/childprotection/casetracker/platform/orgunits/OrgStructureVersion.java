package vn.childprotection.casetracker.platform.orgunits;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One version of the list of org units: the shipped file (version 0) or a loading recorded as
 * {@code OrgStructureChanged}.
 *
 * @param version    0 for the shipped list, then 1, 2, … in the order of loading
 * @param sha256     hex SHA-256 of the list's document (UTF-8): of the shipped file's bytes for version 0, of the
 *                   event's {@code document} otherwise
 * @param recordedAt when the loading was recorded (UTC, the event's time stamp); null for the shipped list, which
 *                   holds from the beginning
 * @param legalBasis the decision that changed the structure as given by the administrator; for the shipped list its
 *                   {@code source}
 * @param loadedBy   the user who loaded it (from the event's metadata); null for the shipped list
 * @param structure  the units and groups of this version
 */
public record OrgStructureVersion(int version, String sha256, Instant recordedAt, String legalBasis,
                                  String loadedBy, OrgStructure structure) {

    /** Whether this version was already known at {@code instant}: always for the shipped list. */
    public boolean knownAt(Instant instant) {
        return recordedAt == null || !recordedAt.isAfter(instant);
    }

    /** The answer of {@code GET /api/v1/admin/org-units/versions}: this version without its document. */
    public Summary summary() {
        return new Summary(version, sha256, recordedAt, legalBasis, loadedBy, structure.all().size(),
                structure.groups().size());
    }

    /**
     * A version without its document.
     *
     * @param version    0 for the shipped list, then 1, 2, …
     * @param sha256     hex SHA-256 of its document
     * @param recordedAt when it was recorded (UTC); null for the shipped list
     * @param legalBasis the decision that changed the structure
     * @param loadedBy   the user who loaded it; null for the shipped list
     * @param units      how many org units the list holds (ended ones included)
     * @param groups     how many reporting groups it holds
     */
    public record Summary(
            @Schema(example = "1") int version,
            @Schema(example =
                    "9f2c4e1a0b7d3c5e8f6a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6") String sha256,
            @Schema(example = "2026-11-20T02:00:00Z") Instant recordedAt,
            @Schema(example = "Quyết định 12/2026/QĐ-UBND thành phố Hải Phòng")
            String legalBasis,
            @Schema(example = "coordinator.haiphong") String loadedBy,
            @Schema(example = "68") int units,
            @Schema(example = "1") int groups) {
    }
}
