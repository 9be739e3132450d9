package vn.childprotection.casetracker.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.Role;

/**
 * The access matrix, rule by rule, without a server: what each role may read and why it is refused otherwise.
 */
class ReadPolicyTest {

    private static final Actor WORKER = new Actor("worker.anlao", "313-tt-an-lao", Role.COMMUNE_WORKER);
    private static final Actor CHAIR = new Actor("chair.anlao", "313-tt-an-lao", Role.COMMUNE_CHAIR);
    private static final Actor OTHER_WORKER = new Actor("worker.anthai", "313-an-thai", Role.COMMUNE_WORKER);
    private static final Actor HEALTH = new Actor("health", "313-health-centre", Role.AGENCY_STAFF);
    private static final Actor POLICE = new Actor("police", "313-police", Role.AGENCY_STAFF);
    private static final Actor COORDINATOR = new Actor("coordinator", "313-labour-office", Role.COORDINATOR);
    private static final Actor AUDITOR = new Actor("auditor", "313", Role.AUDITOR);
    private static final Actor DASHBOARD = new Actor("dashboard", "313", Role.DASHBOARD);

    /** Run by An Lão town, the health centre carrying out an intervention. */
    private static final CaseReach CASE = new CaseReach("case-1", "313-tt-an-lao", null, true,
            Set.of("313-health-centre"), "child-1", false);
    private static final Supplier<Optional<ActiveGrant>> NO_GRANT = Optional::empty;
    private static final Supplier<Optional<ActiveGrant>> GRANT = () -> Optional.of(
            new ActiveGrant("grant-1", Instant.parse("2025-09-01T01:00:00Z")));
    /** A grant look-up that must not be made: the reader's role and org unit decide alone. */
    private static final Supplier<Optional<ActiveGrant>> NOT_LOOKED_UP = () -> {
        throw new AssertionError("the grant was looked up");
    };

    private final ReadPolicy policy = new ReadPolicy();

    @Test
    void no_grant_is_looked_up_when_the_role_and_org_unit_decide_alone() {
        assertThat(policy.caseFile(COORDINATOR, CASE, NOT_LOOKED_UP).view()).isEqualTo(CaseView.FULL);
        assertThat(policy.caseFile(WORKER, CASE, NOT_LOOKED_UP).purpose()).isEqualTo(Purpose.CASE_WORK);
        assertThat(policy.history(AUDITOR, CASE, NOT_LOOKED_UP).purpose()).isEqualTo(Purpose.CASE_WORK);
        assertThat(policy.disclosure(WORKER, CASE, NOT_LOOKED_UP).purpose()).isEqualTo(Purpose.DISCLOSURE);
        refused(() -> policy.caseFile(DASHBOARD, CASE, NOT_LOOKED_UP), Refusal.AGGREGATES_ONLY);
    }

    @Test
    void the_commune_running_the_case_and_coordinators_read_the_case_file_in_full_for_case_work() {
        for (Actor reader : new Actor[] {WORKER, CHAIR, COORDINATOR}) {
            assertThat(policy.caseFile(reader, CASE, NO_GRANT)).as(reader.username())
                    .isEqualTo(new CaseAccess(CaseView.FULL, Purpose.CASE_WORK, null));
        }
    }

    @Test
    void the_commune_a_transfer_waits_for_reads_the_case_so_it_can_decide() {
        CaseReach pending = new CaseReach("case-1", "313-tt-an-lao", "313-an-thai", true, Set.of(), "child-1", false);
        assertThat(policy.caseFile(OTHER_WORKER, pending, NO_GRANT).view()).isEqualTo(CaseView.FULL);
        assertThat(policy.history(OTHER_WORKER, pending, NO_GRANT).purpose()).isEqualTo(Purpose.CASE_WORK);
        refused(() -> policy.caseFile(OTHER_WORKER, CASE, NO_GRANT), Refusal.OUTSIDE_YOUR_COMMUNE);
    }

    @Test
    void an_assigned_agency_gets_the_limited_view_of_an_open_case_only() {
        assertThat(policy.caseFile(HEALTH, CASE, NO_GRANT).view()).isEqualTo(CaseView.AGENCY);
        refused(() -> policy.caseFile(POLICE, CASE, NO_GRANT), Refusal.NOT_ASSIGNED_TO_YOUR_ORG_UNIT);
        CaseReach closed = new CaseReach("case-1", "313-tt-an-lao", null, false, Set.of("313-health-centre"),
                "child-1", false);
        refused(() -> policy.caseFile(HEALTH, closed, NO_GRANT), Refusal.NOT_ASSIGNED_TO_YOUR_ORG_UNIT);
    }

    @Test
    void a_commune_given_an_intervention_in_another_communes_case_gets_the_limited_view() {
        CaseReach withCommune = new CaseReach("case-1", "313-tt-an-lao", null, true, Set.of("313-an-thai"),
                "child-1", false);
        assertThat(policy.caseFile(OTHER_WORKER, withCommune, NO_GRANT).view()).isEqualTo(CaseView.AGENCY);
        refused(() -> policy.history(OTHER_WORKER, withCommune, NO_GRANT), Refusal.OUTSIDE_YOUR_COMMUNE);
    }

    @Test
    void an_auditor_reads_personal_data_only_through_break_the_glass() {
        CaseAccess redacted = policy.caseFile(AUDITOR, CASE, NO_GRANT);
        assertThat(redacted.view()).isEqualTo(CaseView.REDACTED);
        assertThat(redacted.view().opensPersonalData()).isFalse();
        assertThat(policy.caseFile(AUDITOR, CASE, GRANT))
                .isEqualTo(new CaseAccess(CaseView.FULL, Purpose.BREAK_THE_GLASS, "grant-1"));
    }

    @Test
    void an_active_grant_opens_the_case_to_whoever_holds_it() {
        assertThat(policy.caseFile(OTHER_WORKER, CASE, GRANT).purpose()).isEqualTo(Purpose.BREAK_THE_GLASS);
        assertThat(policy.caseFile(POLICE, CASE, GRANT).view()).isEqualTo(CaseView.FULL);
        assertThat(policy.history(POLICE, CASE, GRANT).grantId()).isEqualTo("grant-1");
        // Within the reader's own scope the grant is not what lets them in.
        assertThat(policy.caseFile(WORKER, CASE, GRANT).purpose()).isEqualTo(Purpose.CASE_WORK);
    }

    @Test
    void dashboards_read_aggregates_only() {
        refused(() -> policy.caseFile(DASHBOARD, CASE, NO_GRANT), Refusal.AGGREGATES_ONLY);
        refused(() -> policy.caseFile(DASHBOARD, CASE, GRANT), Refusal.AGGREGATES_ONLY);
        refused(() -> policy.history(DASHBOARD, CASE, NO_GRANT), Refusal.AGGREGATES_ONLY);
        refused(() -> policy.disclosure(DASHBOARD, CASE, NO_GRANT), Refusal.AGGREGATES_ONLY);
        refused(() -> policy.breakTheGlass(DASHBOARD, CASE), Refusal.AGGREGATES_ONLY);
        refused(() -> policy.riskRegister(DASHBOARD, null), Refusal.AGGREGATES_ONLY);
        refused(() -> policy.overdue(DASHBOARD, null, null), Refusal.AGGREGATES_ONLY);
        refused(() -> policy.workQueue(DASHBOARD, "313-police"), Refusal.AGGREGATES_ONLY);
        refused(() -> policy.declinedInterventions(DASHBOARD), Refusal.AGGREGATES_ONLY);
        refused(() -> policy.auditTrail(DASHBOARD), Refusal.AGGREGATES_ONLY);
        refused(() -> policy.accessLog(DASHBOARD), Refusal.AGGREGATES_ONLY);
        policy.statistics(DASHBOARD);
    }

    @Test
    void histories_are_read_by_the_commune_coordinators_and_auditors() {
        for (Actor reader : new Actor[] {WORKER, CHAIR, COORDINATOR, AUDITOR}) {
            assertThat(policy.history(reader, CASE, NO_GRANT).purpose()).as(reader.username())
                    .isEqualTo(Purpose.CASE_WORK);
        }
        refused(() -> policy.history(HEALTH, CASE, NO_GRANT), Refusal.HISTORY_NOT_FOR_ROLE);
        refused(() -> policy.history(OTHER_WORKER, CASE, NO_GRANT), Refusal.OUTSIDE_YOUR_COMMUNE);
    }

    @Test
    void a_disclosure_is_prepared_only_by_readers_of_the_full_case_file() {
        assertThat(policy.disclosure(WORKER, CASE, NO_GRANT))
                .isEqualTo(new CaseAccess(CaseView.FULL, Purpose.DISCLOSURE, null));
        assertThat(policy.disclosure(COORDINATOR, CASE, NO_GRANT).purpose()).isEqualTo(Purpose.DISCLOSURE);
        assertThat(policy.disclosure(AUDITOR, CASE, GRANT))
                .isEqualTo(new CaseAccess(CaseView.FULL, Purpose.DISCLOSURE, "grant-1"));
        refused(() -> policy.disclosure(AUDITOR, CASE, NO_GRANT), Refusal.FULL_VIEW_REQUIRED);
        refused(() -> policy.disclosure(HEALTH, CASE, NO_GRANT), Refusal.FULL_VIEW_REQUIRED);
        refused(() -> policy.disclosure(OTHER_WORKER, CASE, NO_GRANT), Refusal.OUTSIDE_YOUR_COMMUNE);
    }

    @Test
    void the_glass_is_broken_only_for_a_case_outside_ones_scope_and_never_by_a_dashboard() {
        policy.breakTheGlass(AUDITOR, CASE);
        policy.breakTheGlass(COORDINATOR, CASE);
        policy.breakTheGlass(OTHER_WORKER, CASE);
        policy.breakTheGlass(POLICE, CASE);
        refused(() -> policy.breakTheGlass(WORKER, CASE), Refusal.BREAK_THE_GLASS_NOT_NEEDED);
        refused(() -> policy.breakTheGlass(HEALTH, CASE), Refusal.BREAK_THE_GLASS_NOT_NEEDED);
    }

    @Test
    void commune_staff_read_their_own_communes_registers_by_default_and_only_those() {
        assertThat(policy.riskRegister(WORKER, null)).isEqualTo("313-tt-an-lao");
        assertThat(policy.riskRegister(CHAIR, "313-tt-an-lao")).isEqualTo("313-tt-an-lao");
        refused(() -> policy.riskRegister(WORKER, "313-an-thai"), Refusal.NOT_YOUR_COMMUNE);
        assertThat(policy.overdue(WORKER, null, "313-police"))
                .isEqualTo(new ReadPolicy.OverdueScope("313-tt-an-lao", "313-police"));
        refused(() -> policy.overdue(CHAIR, "313-an-thai", null), Refusal.NOT_YOUR_COMMUNE);
        policy.workQueue(WORKER, "313-tt-an-lao");
        refused(() -> policy.workQueue(WORKER, "313-police"), Refusal.NOT_YOUR_ORG_UNIT);
    }

    @Test
    void agencies_read_their_own_work_queue_and_overdue_items_only() {
        assertThat(policy.overdue(POLICE, null, null)).isEqualTo(new ReadPolicy.OverdueScope(null, "313-police"));
        assertThat(policy.overdue(POLICE, "313-an-thai", "313-police"))
                .isEqualTo(new ReadPolicy.OverdueScope("313-an-thai", "313-police"));
        refused(() -> policy.overdue(POLICE, null, "313-health-centre"), Refusal.NOT_YOUR_ORG_UNIT);
        policy.workQueue(POLICE, "313-police");
        refused(() -> policy.workQueue(POLICE, "313-health-centre"), Refusal.NOT_YOUR_ORG_UNIT);
        refused(() -> policy.riskRegister(POLICE, null), Refusal.REGISTER_NOT_FOR_ROLE);
        refused(() -> policy.declinedInterventions(POLICE), Refusal.DECLINED_LIST_NOT_FOR_ROLE);
        refused(() -> policy.auditTrail(POLICE), Refusal.AUDIT_TRAIL_NOT_FOR_ROLE);
        refused(() -> policy.statistics(POLICE), Refusal.STATISTICS_NOT_FOR_ROLE);
    }

    @Test
    void coordinators_and_auditors_read_the_district() {
        for (Actor reader : new Actor[] {COORDINATOR, AUDITOR}) {
            assertThat(policy.riskRegister(reader, null)).isNull();
            assertThat(policy.riskRegister(reader, "313-an-thai")).isEqualTo("313-an-thai");
            assertThat(policy.overdue(reader, null, "313-police"))
                    .isEqualTo(new ReadPolicy.OverdueScope(null, "313-police"));
            policy.workQueue(reader, "313-police");
            policy.auditTrail(reader);
            policy.statistics(reader);
        }
        policy.declinedInterventions(COORDINATOR);
        refused(() -> policy.declinedInterventions(AUDITOR), Refusal.DECLINED_LIST_NOT_FOR_ROLE);
    }

    @Test
    void the_access_log_and_grant_reviews_are_for_auditors_and_a_grant_is_reviewed_by_another_one() {
        policy.accessLog(AUDITOR);
        refused(() -> policy.accessLog(COORDINATOR), Refusal.ACCESS_LOG_NOT_FOR_ROLE);
        refused(() -> policy.accessLog(WORKER), Refusal.ACCESS_LOG_NOT_FOR_ROLE);
        policy.reviewGrant(AUDITOR, "worker.anthai");
        refused(() -> policy.reviewGrant(AUDITOR, "auditor"), Refusal.OWN_GRANT);
        refused(() -> policy.reviewGrant(COORDINATOR, "worker.anthai"), Refusal.ACCESS_LOG_NOT_FOR_ROLE);
    }

    @Test
    void integrity_is_verified_by_coordinators_and_auditors() {
        policy.integrityVerification(COORDINATOR);
        policy.integrityVerification(AUDITOR);
        refused(() -> policy.integrityVerification(WORKER), Refusal.INTEGRITY_NOT_FOR_ROLE);
        refused(() -> policy.integrityVerification(HEALTH), Refusal.INTEGRITY_NOT_FOR_ROLE);
        refused(() -> policy.integrityVerification(DASHBOARD), Refusal.AGGREGATES_ONLY);
    }

    @Test
    void commune_staff_read_no_audit_trail_declined_list_access_log_or_statistics() {
        for (Actor reader : new Actor[] {WORKER, CHAIR}) {
            refused(() -> policy.auditTrail(reader), Refusal.AUDIT_TRAIL_NOT_FOR_ROLE);
            refused(() -> policy.declinedInterventions(reader), Refusal.DECLINED_LIST_NOT_FOR_ROLE);
            refused(() -> policy.statistics(reader), Refusal.STATISTICS_NOT_FOR_ROLE);
        }
    }

    private static void refused(ThrowingCallable read, Refusal refusal) {
        assertThatThrownBy(read).isInstanceOfSatisfying(AccessRefusedException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }
}
