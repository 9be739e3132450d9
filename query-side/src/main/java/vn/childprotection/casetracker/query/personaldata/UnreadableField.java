package vn.childprotection.casetracker.query.personaldata;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A sealed personal field of a case that could not be opened.
 *
 * @param field  its path in the case file document, e.g. {@code child.name}
 * @param reason {@code key-missing} (the child's key is gone though no erasure was recorded) or
 *               {@code value-does-not-open} (the key does not open it: altered or damaged bytes)
 */
@Schema(name = "UnreadableField")
public record UnreadableField(
        @Schema(description = "Path of the field in the case file, e.g. child.name", example = "child.name")
        String field,
        @Schema(description = "Why it cannot be opened", allowableValues = {"key-missing", "value-does-not-open"})
        String reason) {
}
