package vn.childprotection.casetracker.platform.orgunits;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * An org unit: province (<i>tỉnh, thành phố</i>), district (<i>huyện</i>, none since 1/7/2025), commune-level unit
 * (<i>xã, phường, thị trấn</i>) or agency that can be assigned interventions.
 * <p>
 * A unit is dated: it exists from {@code validFrom} to {@code validTo}, both Vietnam days, inclusive. Its
 * {@code code} is the project's own key, used in events and the API, and is never reused. The statistics office's
 * code ({@code statisticsCode}) is not a key: the 2025 reform gave old codes new meanings (11629 was Thị trấn An
 * Lão until 30/6/2025 and is Xã An Lão from 1/7/2025), so a statistics code names a unit only together with a day.
 *
 * @param code           the project's key, e.g. {@code 31-xa-an-lao}; unique over all time
 * @param type           the kind of unit
 * @param statisticsCode the statistics office's code (5 digits for a commune, 3 for a district, 2 for a province)
 *                       during this unit's validity, or null for an agency
 * @param nameVi         the Vietnamese name, shown to users
 * @param nameEn         the English name
 * @param parentCode     the unit above it, or null for the top
 * @param validFrom      first day it existed (Vietnam day)
 * @param validTo        last day it existed (Vietnam day), or null while it exists
 * @param successors     the units that took it over when it ceased, empty when none or not known
 * @param basis          the legal source of this entry (resolution, decree, article and clause), or the plan it
 *                       comes from
 * @param confirmed      false when the entry is an inference: configuration a district can correct
 */
public record OrgUnit(
        @Schema(requiredMode = REQUIRED, example = "31-xa-an-lao", maxLength = 64) String code,
        @Schema(requiredMode = REQUIRED, example = "COMMUNE") OrgUnitType type,
        @Schema(example = "11629", maxLength = 5) String statisticsCode,
        @Schema(requiredMode = REQUIRED, example = "Xã An Lão", maxLength = 200) String nameVi,
        @Schema(requiredMode = REQUIRED, example = "An Lao commune", maxLength = 200) String nameEn,
        @Schema(example = "31", maxLength = 64) String parentCode,
        @Schema(requiredMode = REQUIRED, example = "2025-07-01") LocalDate validFrom,
        @Schema(example = "2030-12-31", description = "Last day, or null while it exists") LocalDate validTo,
        @Schema(description = "Units that took it over when it ceased") List<Successor> successors,
        @Schema(example = "Nghị quyết 1669/NQ-UBTVQH15 (16/6/2025), Điều 1 khoản 46", maxLength = 1000) String basis,
        @Schema(example = "true") boolean confirmed) {

    public OrgUnit {
        successors = successors == null ? List.of() : List.copyOf(successors);
    }

    /** Whether the unit existed on this Vietnam day. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether the unit had ceased before this Vietnam day. */
    public boolean endedBefore(LocalDate day) {
        return validTo != null && validTo.isBefore(day);
    }

    /**
     * The one successor that took over this unit's people and cases, when there is exactly one and it took the
     * whole unit: only then do open cases follow it by themselves (a carry-over); otherwise a person chooses.
     */
    public java.util.Optional<Successor> wholeSuccessor() {
        List<Successor> people = successors.stream().filter(Successor::takesPeople).toList();
        return people.size() == 1 && successors.size() == 1 && people.get(0).how() == Succession.WHOLE
                ? java.util.Optional.of(people.get(0)) : java.util.Optional.empty();
    }

    /** The successors a person may choose from for a case of this unit: those that took some of its people. */
    public List<Successor> caseSuccessors() {
        return successors.stream().filter(Successor::takesPeople).toList();
    }

    /**
     * A unit that took over (all or part of) an ended unit.
     *
     * @param code        the successor's {@link OrgUnit#code()}
     * @param how         {@link Succession#WHOLE} when the whole unit went to it, {@link Succession#PART} when split
     * @param takesPeople whether residents (and so cases) went to it; false when only land went (Trường Sơn's land
     *                    to Phường Phù Liễn)
     * @param basis       the legal source (resolution, article, clause)
     * @param confirmed   false when an inference: configuration a district can correct
     */
    public record Successor(
            @Schema(requiredMode = REQUIRED, example = "31-xa-an-lao", maxLength = 64) String code,
            @Schema(requiredMode = REQUIRED, example = "WHOLE") Succession how,
            @Schema(requiredMode = REQUIRED, example = "true") boolean takesPeople,
            @Schema(example = "Nghị quyết 1669/NQ-UBTVQH15 (16/6/2025), Điều 1 khoản 46", maxLength = 1000) String basis,
            @Schema(example = "true") boolean confirmed) {
    }

    /** How a successor took over an ended unit. */
    public enum Succession {
        /** The whole unit (<i>nhập toàn bộ</i>). */
        WHOLE,
        /** A part of it (<i>một phần</i>): the unit was split. */
        PART
    }
}
