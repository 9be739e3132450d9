package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.platform.orgunits.OrgUnit;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;

/**
 * Which commune runs a case on a given day when the commune it was left with has ceased (the 2025 reform, Nghị
 * quyết 1669/NQ-UBTVQH15: An Lão's communes ended on 30/6/2025). A commune that went whole into one successor
 * ({@link OrgUnit#wholeSuccessor()}) hands its open cases over by law: the case is carried over
 * ({@link CaseCarriedOver}, dated 00:00 Vietnam time of the successor's first day), following a chain of whole
 * successors when there is one. A commune that was split leaves the choice to a person.
 */
final class CommuneSuccession {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private CommuneSuccession() {
    }

    /**
     * Where a case stands on a day.
     *
     * @param communes   the communes within reach for the step: the one that will run the case after the carry-overs
     *                   (or, while a successor is to be chosen, the ceased commune and its candidates)
     * @param carryOvers the carry-overs to record first, in order (empty when the case stays)
     * @param toChoose   the refusal to raise when a person must first choose the successor, else null
     */
    record Outcome(List<String> communes, List<CaseCarriedOver> carryOvers, SuccessorCommuneToChoose toChoose) {

        /** What a {@link CarryOverCase} of an open case does with this outcome. */
        CarryOverOutcome carryOverOutcome() {
            if (toChoose != null) {
                return CarryOverOutcome.WAITING_FOR_CHOICE;
            }
            return carryOvers.isEmpty() ? CarryOverOutcome.STAYS : CarryOverOutcome.CARRIED_OVER;
        }
    }

    /** The case stays with {@code communeCode}. */
    static Outcome stays(String communeCode) {
        return new Outcome(List.of(communeCode), List.of(), null);
    }

    /**
     * @param registry    the org units
     * @param caseId      the case
     * @param communeCode the commune running the case now
     * @param at          the step's instant (UTC); its Vietnam day decides
     * @return the outcome; a commune unknown to the registry, or existing that day, stays
     */
    static Outcome on(OrgUnitRegistry registry, String caseId, String communeCode, Instant at) {
        LocalDate day = at.atZone(VIETNAM).toLocalDate();
        List<CaseCarriedOver> carryOvers = new ArrayList<>();
        Optional<OrgUnit> current = registry.find(communeCode);
        // A chain of whole successors is short; the bound only guards against a cycle in hand-edited data.
        for (int hop = 0; hop < 10 && current.isPresent() && current.get().endedBefore(day); hop++) {
            OrgUnit ceased = current.get();
            Optional<OrgUnit.Successor> whole = ceased.wholeSuccessor();
            if (whole.isEmpty()) {
                List<OrgUnit> candidates = candidates(registry, ceased);
                if (candidates.isEmpty()) {
                    break;
                }
                List<String> communes = new ArrayList<>(List.of(ceased.code()));
                candidates.forEach(c -> communes.add(c.code()));
                return new Outcome(communes, carryOvers, new SuccessorCommuneToChoose(ceased, candidates));
            }
            Optional<OrgUnit> next = registry.find(whole.get().code());
            if (next.isEmpty()) {
                break;
            }
            carryOvers.add(carryOver(caseId, ceased, next.get(), whole.get(), false));
            current = next;
        }
        String runs = carryOvers.isEmpty() ? communeCode : carryOvers.get(carryOvers.size() - 1).toCommuneCode();
        return new Outcome(List.of(runs), carryOvers, null);
    }

    /** The communes a person may choose for a case of the split commune {@code ceased}. */
    static List<OrgUnit> candidates(OrgUnitRegistry registry, OrgUnit ceased) {
        return ceased.caseSuccessors().stream().map(s -> registry.find(s.code())).flatMap(Optional::stream)
                .toList();
    }

    /** The carry-over of a case from {@code ceased} to {@code successor}, dated its first instant. */
    static CaseCarriedOver carryOver(String caseId, OrgUnit ceased, OrgUnit successor, OrgUnit.Successor link,
                                     boolean chosenByPerson) {
        return new CaseCarriedOver(caseId, successor.validFrom().atStartOfDay(VIETNAM).toInstant(), ceased.code(),
                successor.code(), link.basis() != null ? link.basis() : successor.basis(), chosenByPerson);
    }
}
