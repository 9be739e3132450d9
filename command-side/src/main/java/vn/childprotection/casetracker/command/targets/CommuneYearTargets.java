package vn.childprotection.casetracker.command.targets;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.childprotection.casetracker.events.CommuneTargetsRecorded;
import vn.childprotection.casetracker.platform.problem.FieldProblem;

/**
 * One commune's figures for the plan's targets of one year (<i>chỉ tiêu kế hoạch</i>, domain.md section 1): the
 * items the case records cannot know (children under 6 and their health-insurance cards, congenital heart disease
 * under Decision 55a/2013/QĐ-TTg, the child-friendly commune standard, the Action Month, Mid-Autumn festival and
 * Children's Forum). Its identifier is {@code targets:<communeCode>:<year>}.
 * <p>
 * The first recording creates it; each later one is a revision, and the latest wins. Recording the same figures
 * again records nothing (a repeated request changes nothing). Each recording answers the new version: the number of
 * recordings; a recording made on an expected version (from {@code If-Match}) is refused when the figures have moved
 * on.
 */
@Aggregate
public class CommuneYearTargets {

    @AggregateIdentifier
    private String targetsId;
    private Figures figures;

    protected CommuneYearTargets() {
        // for event sourcing, and created by the first recording
    }

    /**
     * The identifier of the figures of a commune and year.
     */
    public static String targetsId(String communeCode, int year) {
        return "targets:" + communeCode + ":" + year;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordCommuneTargets command) {
        TargetsPermissions.requireMayRecord(command.communeCode());
        requireVersion(command.targetsId(), command.expectedVersion());
        List<FieldProblem> problems = TargetFigureRules.problems(command);
        if (!problems.isEmpty()) {
            throw new InvalidCommuneTargets(problems);
        }
        CommuneTargetsRecorded recorded = new CommuneTargetsRecorded(command.communeCode(), command.year(),
                command.occurredAt(), command.childrenUnder6(), command.childrenUnder6WithHealthInsuranceCard(),
                command.congenitalHeartDiseaseEligible(), command.congenitalHeartDiseaseReceived(),
                command.childFriendlyCommune(), command.actionMonthHeld(), command.midAutumnFestivalHeld(),
                command.childrenForumHeld());
        if (targetsId != null && Objects.equals(figures, Figures.of(recorded))) {
            return AggregateLifecycle.getVersion() + 1;
        }
        apply(recorded);
        return AggregateLifecycle.getVersion() + 1;
    }

    private void requireVersion(String id, Long expected) {
        Long actual = targetsId == null ? null : AggregateLifecycle.getVersion();
        if (expected != null && !expected.equals(actual)) {
            throw new ConflictingAggregateVersionException(id, expected, actual == null ? -1 : actual);
        }
    }

    @EventSourcingHandler
    void on(CommuneTargetsRecorded e) {
        targetsId = targetsId(e.communeCode(), e.year());
        figures = Figures.of(e);
    }

    /**
     * The values of a recording, without when or by whom.
     */
    private record Figures(Integer childrenUnder6, Integer childrenUnder6WithHealthInsuranceCard,
                           Integer congenitalHeartDiseaseEligible, Integer congenitalHeartDiseaseReceived,
                           Boolean childFriendlyCommune, Boolean actionMonthHeld, Boolean midAutumnFestivalHeld,
                           Boolean childrenForumHeld) {

        static Figures of(CommuneTargetsRecorded e) {
            return new Figures(e.childrenUnder6(), e.childrenUnder6WithHealthInsuranceCard(),
                    e.congenitalHeartDiseaseEligible(), e.congenitalHeartDiseaseReceived(), e.childFriendlyCommune(),
                    e.actionMonthHeld(), e.midAutumnFestivalHeld(), e.childrenForumHeld());
        }
    }
}
