package vn.childprotection.casetracker.command.targets;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a recording of a commune's figures: the commune, the year and the new version (the number of
 * recordings), usable in {@code If-Match}.
 */
@Schema(name = "CommuneTargetsResult")
public record CommuneTargetsResult(
        @Schema(example = "31-xa-an-lao") String communeCode,
        @Schema(example = "2026") int year,
        @Schema(example = "2") long version) {
}
