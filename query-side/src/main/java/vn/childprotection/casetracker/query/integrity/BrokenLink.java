package vn.childprotection.casetracker.query.integrity;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The first place where a chain breaks (mắt xích bị phá vỡ đầu tiên), as precisely as it can be named.
 *
 * @param globalIndex    the event's position in the store; null when the event is gone altogether and only its
 *                       sequence number or chain position is known
 * @param caseId         the case; null when only a chain position is known (a tail cut off behind an anchor)
 * @param sequenceNumber the event's position in the case; null when not known
 * @param chainPosition  the link's position in the store chain (from 1); null for a link not sealed yet
 */
@Schema(name = "BrokenLink", description = "The first place where a hash chain breaks (mắt xích bị phá vỡ)")
public record BrokenLink(
        @Schema(description = "Position in the event store; null when the event is gone altogether")
        Long globalIndex,
        @Schema(description = "The case; null when only a chain position is known") String caseId,
        @Schema(description = "Position in the case, from 0; null when not known") Long sequenceNumber,
        @Schema(description = "Stable code of the problem") ChainProblem code,
        @Schema(description = "What is wrong", example = "payload or metadata changed") String problem,
        @Schema(description = "Position in the store chain, from 1; null for a link not sealed into it yet",
                example = "1042") Long chainPosition) {

    static BrokenLink at(Long globalIndex, String caseId, Long sequenceNumber, ChainProblem problem) {
        return new BrokenLink(globalIndex, caseId, sequenceNumber, problem, problem.label(), null);
    }

    static BrokenLink at(ChainRow row, ChainProblem problem) {
        Long position = row.link() == null ? null : row.link().chainPosition();
        return new BrokenLink(row.globalIndex(), row.caseId(), row.sequenceNumber(), problem, problem.label(),
                position);
    }

    static BrokenLink atPosition(long chainPosition, ChainProblem problem) {
        return new BrokenLink(null, null, null, problem, problem.label(), chainPosition);
    }

    BrokenLink withPosition(Long chainPosition) {
        return new BrokenLink(globalIndex, caseId, sequenceNumber, code, problem, chainPosition);
    }
}
