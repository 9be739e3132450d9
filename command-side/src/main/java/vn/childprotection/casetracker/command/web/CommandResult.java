package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to every command: the case and its new version (the number of its events), usable in
 * {@code If-Match}.
 */
@Schema(name = "CommandResult")
public record CommandResult(
        @Schema(example = "3f0c1a9e-5b7d-4c1e-9a51-0f7e2f6f6a10") String caseId,
        @Schema(example = "2") long version) {
}
