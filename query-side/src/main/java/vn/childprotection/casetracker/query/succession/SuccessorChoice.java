package vn.childprotection.casetracker.query.succession;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An open case of a split commune that ceased (<i>đơn vị bị chia tách</i>) waiting for a person to choose its
 * successor commune: the law did not say which successor took the child, so nothing moves it by itself.
 *
 * @param caseId        the case
 * @param communeCode   the ceased commune that still holds the case
 * @param communeNameVi its Vietnamese name
 * @param communeNameEn its English name
 * @param waitingSince  the first day (Vietnam) the commune no longer existed: the day after its last day
 * @param reportedAt    when the case was reported (UTC instant)
 * @param candidates    the successors that took some of its people, in the order of the reference data
 * @param overdueLimits how many of the case's time limits are missed and not yet met (quá hạn)
 */
@Schema(name = "SuccessorChoice", description = "A case of a split commune waiting for its successor to be chosen")
public record SuccessorChoice(String caseId, String communeCode, String communeNameVi, String communeNameEn,
                              LocalDate waitingSince, Instant reportedAt, List<Candidate> candidates,
                              long overdueLimits) {

    public SuccessorChoice {
        candidates = List.copyOf(candidates);
    }

    /**
     * A successor commune one may choose.
     *
     * @param confirmed false when the succession is an inference of the reference data (configuration a district
     *                  can correct), e.g. Trường Sơn's people going to Xã An Lão
     */
    @Schema(name = "SuccessorCandidate", description = "A successor commune to choose from")
    public record Candidate(String code, String nameVi, String nameEn, boolean confirmed) {
    }
}
