package vn.childprotection.casetracker.command.succession;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
 * today (Vietnam day). A commune that went whole into one successor hands its cases over; a case of a split commune
 * waits for a person to choose ({@code POST /api/v1/cases/{id}/successor-commune}). Repeating it changes nothing.
 * Run by the recurring task {@code org-unit-carry-over} and by {@code POST /api/v1/admin/org-units/carry-over}.
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
     * Sends a carry-over to every open case of a commune ceased before today.
     *
     * @return how many cases were carried over, how many wait for a person's choice, how many failed (a failure is
     *         logged with the case id and tried again on the next run)
     */
    public Result runNow() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(VIETNAM).toLocalDate();
        List<String> ceased = orgUnits.all().stream()
                .filter(u -> u.type() == OrgUnitType.COMMUNE && u.endedBefore(today)).map(OrgUnit::code).toList();
        List<String> cases = caseCommunes.openCasesOf(ceased);
        int carried = 0;
        int waiting = 0;
        int failed = 0;
        for (String caseId : cases) {
            try {
                CarryOverOutcome outcome = commands.sendAndWait(GenericCommandMessage
                        .asCommandMessage(new CarryOverCase(caseId, now))
                        .withMetaData(MetaData.with(ActorMetaData.USER, "system").and(ActorMetaData.ROLE, "SYSTEM")
                                .and(ActorMetaData.ORG_UNIT, "system")));
                if (outcome == CarryOverOutcome.CARRIED_OVER) {
                    carried++;
                } else if (outcome == CarryOverOutcome.WAITING_FOR_CHOICE) {
                    waiting++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("Carry-over of case {} failed: {}", caseId, e.toString());
            }
        }
        Result result = new Result(carried, waiting, failed);
        if (!cases.isEmpty()) {
            log.info("Carry-over of open cases of {} ceased communes: {} cases looked at, {} carried over, {} waiting "
                    + "for a person's choice, {} failed", ceased.size(), cases.size(), carried, waiting, failed);
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
