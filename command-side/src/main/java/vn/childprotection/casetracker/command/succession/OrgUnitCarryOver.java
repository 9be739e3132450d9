package vn.childprotection.casetracker.command.succession;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.command.casefile.CarryOverCase;
import vn.childprotection.casetracker.command.casefile.CarryOverOutcome;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.platform.orgunits.OrgUnit;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;

/**
 * Carries the open cases of every ceased commune over to its successor, so that cases nobody touches move too (the
 * 2025 reform, Nghị quyết 1669/NQ-UBTVQH15): one {@link CarryOverCase} per open case of a commune that ceased before
 * today (Vietnam day) into one whole successor. A case of a split commune waits for a person to choose
 * ({@code POST /api/v1/cases/{id}/successor-commune}): it is counted, not loaded, since what the command would do
 * depends on the commune and the day alone ({@link CarryOverCase#outcomeForOpenCase}); so a run costs one command
 * per case it moves, not one per open case of every ceased commune, however many of those wait. Repeating it
 * changes nothing. Run by the recurring task {@code org-unit-carry-over} and by
 * {@code POST /api/v1/admin/org-units/carry-over}.
 */
@Component
public class OrgUnitCarryOver {

    private static final Logger log = LoggerFactory.getLogger(OrgUnitCarryOver.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final OrgUnitRegistry orgUnits;
    private final CaseCommunes caseCommunes;
    private final CommandGateway commands;
    private final Clock clock;

    public OrgUnitCarryOver(OrgUnitRegistry orgUnits, CaseCommunes caseCommunes, CommandGateway commands,
                            Clock clock) {
        this.orgUnits = orgUnits;
        this.caseCommunes = caseCommunes;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * Sends a carry-over to every open case of a commune ceased before today into one whole successor, and counts
     * the open cases of split ceased communes.
     *
     * @return how many cases were carried over, how many wait for a person's choice, how many failed (a failure is
     *         logged with the case id and tried again on the next run)
     */
    public Result runNow() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(VIETNAM).toLocalDate();
        Map<CarryOverOutcome, List<String>> ceased = orgUnits.all().stream()
                .filter(u -> u.type() == OrgUnitType.COMMUNE && u.endedBefore(today)).map(OrgUnit::code)
                .collect(Collectors.groupingBy(code -> CarryOverCase.outcomeForOpenCase(orgUnits, code, now)));
        List<String> toMove = caseCommunes.openCasesOf(ceased.getOrDefault(CarryOverOutcome.CARRIED_OVER, List.of()));
        int waiting = caseCommunes.countOpenCasesOf(
                ceased.getOrDefault(CarryOverOutcome.WAITING_FOR_CHOICE, List.of()));
        int carried = 0;
        int failed = 0;
        for (String caseId : toMove) {
            try {
                CarryOverOutcome outcome = commands.sendAndWait(GenericCommandMessage
                        .asCommandMessage(new CarryOverCase(caseId, now))
                        .withMetaData(MetaData.with(ActorMetaData.USER, "system").and(ActorMetaData.ROLE, "SYSTEM")
                                .and(ActorMetaData.ORG_UNIT, "system")));
                if (outcome == CarryOverOutcome.CARRIED_OVER) {
                    carried++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("Carry-over of case {} failed: {}", caseId, e.toString());
            }
        }
        Result result = new Result(carried, waiting, failed);
        if (!toMove.isEmpty()) {
            log.info("Carry-over of open cases of {} ceased communes with one successor: {} cases looked at, {} "
                    + "carried over, {} failed; {} open cases of split communes wait for a person's choice",
                    ceased.getOrDefault(CarryOverOutcome.CARRIED_OVER, List.of()).size(), toMove.size(), carried,
                    failed, waiting);
        }
        return result;
    }

    /**
     * What a run did.
     *
     * @param carriedOver      cases carried over to a successor commune
     * @param waitingForChoice open cases of split communes, waiting for a person to choose the successor
     * @param failed           cases whose carry-over failed (logged; tried again on the next run)
     */
    public record Result(int carriedOver, int waitingForChoice, int failed) {
    }
}
