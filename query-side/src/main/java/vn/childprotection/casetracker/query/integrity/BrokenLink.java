package vn.childprotection.casetracker.query.integrity;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The first place where a chain breaks (mắt xích bị phá vỡ đầu tiên), as precisely as it can be named.
 *
 * @param globalIndex    the event's position in the store; null when the event is gone altogether and only its
 *                       sequence number is known (a gap in the case)
 * @param caseId         the case
 * @param sequenceNumber the event's position in the case; null only for an anchor that names a global index
 */
@Schema(name = "BrokenLink", description = "The first place where a hash chain breaks (mắt xích bị phá vỡ)")
public record BrokenLink(
        @Schema(description = "Position in the event store; null when the event is gone altogether") Long globalIndex,
        @Schema(description = "The case") String caseId,
        @Schema(description = "Position in the case, from 0") Long sequenceNumber,
        @Schema(description = "Stable code of the problem") ChainProblem code,
        @Schema(description = "What is wrong", example = "payload or metadata changed") String problem) {

    static BrokenLink at(Long globalIndex, String caseId, Long sequenceNumber, ChainProblem problem) {
        return new BrokenLink(globalIndex, caseId, sequenceNumber, problem, problem.label());
    }

    static BrokenLink at(ChainRow row, ChainProblem problem) {
        return at(row.globalIndex(), row.caseId(), row.sequenceNumber(), problem);
    }
}
