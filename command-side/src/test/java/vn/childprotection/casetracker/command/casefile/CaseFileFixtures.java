package vn.childprotection.casetracker.command.casefile;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import vn.childprotection.casetracker.events.DeadlineScheduled;

/**
 * The case-file fixture the time-limit, step-order and calendar tests share: personal text sealed to nothing, the
 * usual actor, the shipped working-day calendar ({@link CaseFileTest#POLICY}), no known children, and the
 * scheduler's own schedule ids left out of event comparisons.
 */
final class CaseFileFixtures {

    private CaseFileFixtures() {
    }

    static FixtureConfiguration<CaseFile> timeLimits() {
        FixtureConfiguration<CaseFile> fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource((PersonalDataProtector) (childId, text) -> null);
        fixture.registerInjectableResource(new ProcedureSettings(15, List.of("NO_FURTHER_RISK", "MOVED_AWAY"),
                "NO_FURTHER_RISK", List.of("PURPOSE_FULFILLED")));
        fixture.registerCommandDispatchInterceptor(TestActors.usual());
        fixture.registerInjectableResource(CaseFileTest.POLICY);
        fixture.registerInjectableResource(FakeKnownChildren.none());
        fixture.registerInjectableResource(ShippedOrgUnits.get());
        fixture.registerIgnoredField(DeadlineScheduled.class, "scheduleId");
        return fixture;
    }
}
