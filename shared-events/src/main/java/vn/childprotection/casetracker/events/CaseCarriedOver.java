package vn.childprotection.casetracker.events;

import java.time.Instant;

/**
 * The commune running an open case ceased in a reorganisation of units and the case now belongs to its successor
 * (<i>chuyển tiếp hồ sơ sang đơn vị hành chính mới</i>): since 1/7/2025 An Lão's communes merged into five new
 * communes (Nghị quyết 1669/NQ-UBTVQH15). As with an accepted transfer, the running time limits of the old commune
 * are the successor's from now on; unlike a transfer, nobody asked for it: the law moved the case. A case is never
 * moved without this event.
 *
 * @param occurredAt      the first instant of the successor's first day (00:00 Vietnam time), when the law moved it
 * @param fromCommuneCode the commune that ceased
 * @param toCommuneCode   its successor that now runs the case
 * @param legalBasis      the legal source of the succession (resolution, article, clause)
 * @param chosenByPerson  false when the ceased commune went whole into one successor (the case followed by
 *                        itself); true when it was split and a person (the user in the metadata) chose among its
 *                        successors
 */
public record CaseCarriedOver(String caseId, Instant occurredAt, String fromCommuneCode, String toCommuneCode,
                             String legalBasis, boolean chosenByPerson) implements CaseEvent {
}
