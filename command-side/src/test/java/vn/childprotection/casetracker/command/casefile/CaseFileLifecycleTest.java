package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.TransferDeclined;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.events.TransferWithdrawn;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.TransferWithdrawalReason;

/**
 * How a case's transfer requests end (closing, withdrawal by the requesting commune) and how a report names a child
 * already known, and a duplicate report the case it repeats; given-when-then.
 */
class CaseFileLifecycleTest {

    private static final String CASE = "case-1";
    private static final String EARLIER_CASE = "case-0";
    private static final String CHILD = "child-1";
    private static final String COMMUNE = TestActors.COMMUNE;
    private static final String AN_THAI = "313-an-thai";
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant T1 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-02T10:00:00Z");

    private static FixtureConfiguration<CaseFile> fixture(KnownChildren children) {
        FixtureConfiguration<CaseFile> fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource((PersonalDataProtector) (childId, text) ->
                text == null ? null : sealed(text.value()));
        fixture.registerInjectableResource(new ProcedureSettings(15, List.of("NO_FURTHER_RISK", "MOVED_AWAY",
                DuplicateReport.REASON), "NO_FURTHER_RISK", List.of("PURPOSE_FULFILLED")));
        fixture.registerInjectableResource(CaseFileTest.POLICY);
        fixture.registerInjectableResource(children);
        fixture.registerInjectableResource(ShippedOrgUnits.get());
        fixture.registerCommandDispatchInterceptor(TestActors.usual());
        return fixture;
    }

    private static EncryptedText sealed(String text) {
        return new EncryptedText(CHILD, "sealed:" + text);
    }

    private static CaseReported reported() {
        return new CaseReported(CASE, CHILD, T0, COMMUNE, COMMUNE, CaseCategory.ABUSED, ReportChannel.HOTLINE_111,
                Set.of(AbuseForm.VIOLENCE), AbuseSetting.FAMILY, Set.of(), Sex.FEMALE, 9, true, "Kinh",
                sealed("Nguyễn Thị Thử"), null, sealed("Thôn 1"), false, null, sealed("bị đánh"));
    }

    private static TransferRequested requested() {
        return new TransferRequested(CASE, T1, COMMUNE, AN_THAI, sealed("chuyển nhà"));
    }

    private static TransferWithdrawn withdrawnByClosing(Instant at) {
        return new TransferWithdrawn(CASE, at, COMMUNE, AN_THAI, TransferWithdrawalReason.CASE_CLOSED, null);
    }

    @Nested
    class TransfersEnd {

        @Test
        void closing_a_case_withdraws_its_pending_transfer_before_the_closing() {
            fixture(FakeKnownChildren.none()).given(reported(), requested())
                    .when(new CloseCase(CASE, null, T2, "MOVED_AWAY", null))
                    .expectEvents(withdrawnByClosing(T2), new CaseClosed(CASE, T2, "MOVED_AWAY", null));
        }

        @Test
        void closing_without_a_pending_transfer_withdraws_nothing() {
            fixture(FakeKnownChildren.none()).given(reported(), requested(),
                            new TransferDeclined(CASE, T1, COMMUNE, AN_THAI, null))
                    .when(new CloseCase(CASE, null, T2, "MOVED_AWAY", null))
                    .expectEvents(new CaseClosed(CASE, T2, "MOVED_AWAY", null));
        }

        @Test
        void the_requesting_commune_withdraws_its_request_with_its_reason_sealed() {
            fixture(FakeKnownChildren.none()).given(reported(), requested())
                    .when(new WithdrawTransfer(CASE, null, T2, PersonalText.of("gia đình ở lại")))
                    .expectEvents(new TransferWithdrawn(CASE, T2, COMMUNE, AN_THAI,
                            TransferWithdrawalReason.WITHDRAWN_BY_SENDER, sealed("gia đình ở lại")));
        }

        @Test
        void a_request_left_pending_on_a_closed_case_can_still_be_withdrawn() {
            fixture(FakeKnownChildren.none()).given(reported(), requested(),
                            new CaseClosed(CASE, T2, "MOVED_AWAY", null))
                    .when(new WithdrawTransfer(CASE, null, T2, null))
                    .expectEvents(new TransferWithdrawn(CASE, T2, COMMUNE, AN_THAI,
                            TransferWithdrawalReason.WITHDRAWN_BY_SENDER, null));
        }

        @Test
        void reopening_a_case_closed_with_a_request_left_pending_withdraws_that_request_first() {
            fixture(FakeKnownChildren.none()).given(reported(), requested(),
                            new CaseClosed(CASE, T2, "MOVED_AWAY", null))
                    .when(new ReopenCase(CASE, null, T2, PersonalText.of("báo lại")))
                    .expectEvents(withdrawnByClosing(T2), new CaseReopened(CASE, T2, sealed("báo lại")));
        }

        @Test
        void withdrawing_without_a_pending_request_is_refused() {
            fixture(FakeKnownChildren.none()).given(reported())
                    .when(new WithdrawTransfer(CASE, null, T2, null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.NO_PENDING_TRANSFER.explanation())
                    .expectNoEvents();
        }

        @Test
        void only_the_commune_running_the_case_withdraws_not_the_receiving_one() {
            fixture(FakeKnownChildren.none()).given(reported(), requested())
                    .when(new WithdrawTransfer(CASE, null, T2, null),
                            TestActors.actor("worker.anthai", AN_THAI, "COMMUNE_WORKER"))
                    .expectException(AccessRefused.class)
                    .expectNoEvents();
        }

        @Test
        void a_withdrawn_request_cannot_be_accepted() {
            fixture(FakeKnownChildren.none()).given(reported(), requested(), withdrawnByClosing(T2))
                    .when(new AcceptTransfer(CASE, null, T2, AN_THAI))
                    .expectException(AccessRefused.class)
                    .expectNoEvents();
        }

        @Test
        void a_withdrawn_request_cannot_be_declined_by_the_commune_running_the_case_either() {
            fixture(FakeKnownChildren.none()).given(reported(), requested(),
                            new TransferWithdrawn(CASE, T2, COMMUNE, AN_THAI,
                                    TransferWithdrawalReason.WITHDRAWN_BY_SENDER, null))
                    .when(new DeclineTransfer(CASE, null, T2, COMMUNE, null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.NO_PENDING_TRANSFER.explanation())
                    .expectNoEvents();
        }

        @Test
        void after_closing_and_reopening_a_new_request_is_accepted() {
            fixture(FakeKnownChildren.none()).given(reported(), requested(), withdrawnByClosing(T2),
                            new CaseClosed(CASE, T2, "MOVED_AWAY", null), new CaseReopened(CASE, T2, null))
                    .when(new RequestTransfer(CASE, null, T2, "313-an-tho", null))
                    .expectEvents(new TransferRequested(CASE, T2, COMMUNE, "313-an-tho", null));
        }
    }

    @Nested
    class KnownChild {

        private ReportCase report(String childId, boolean known) {
            return new ReportCase(CASE, childId, T0, COMMUNE, COMMUNE, CaseCategory.ABUSED,
                    ReportChannel.HOTLINE_111, Set.of(AbuseForm.VIOLENCE), AbuseSetting.FAMILY, Set.of(),
                    Sex.FEMALE, 9, true, "Kinh", PersonalText.of("Nguyễn Thị Thử"), null,
                    PersonalText.of("Thôn 1"), false, null, PersonalText.of("bị đánh"), known);
        }

        @Test
        void a_report_names_a_child_known_to_its_commune_and_the_case_is_of_that_child() {
            fixture(FakeKnownChildren.none().caseOf(EARLIER_CASE, CHILD, COMMUNE)).givenNoPriorActivity()
                    .when(report(CHILD, true))
                    .expectEvents(reported());
        }

        @Test
        void a_child_known_only_to_another_commune_is_refused_as_not_known() {
            fixture(FakeKnownChildren.none().caseOf(EARLIER_CASE, CHILD, AN_THAI)).givenNoPriorActivity()
                    .when(report(CHILD, true))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.CHILD_NOT_KNOWN.explanation())
                    .expectNoEvents();
        }

        @Test
        void an_unknown_child_id_is_refused_the_same_way() {
            fixture(FakeKnownChildren.none()).givenNoPriorActivity()
                    .when(report("child-never-seen", true))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.CHILD_NOT_KNOWN.explanation())
                    .expectNoEvents();
        }

        @Test
        void an_erased_child_cannot_be_named_again() {
            fixture(FakeKnownChildren.none().caseOf(EARLIER_CASE, CHILD, COMMUNE).erased(CHILD))
                    .givenNoPriorActivity()
                    .when(report(CHILD, true))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.CHILD_IDENTITY_ERASED.explanation())
                    .expectNoEvents();
        }
    }

    @Nested
    class Duplicate {

        @Test
        void a_duplicate_report_names_the_earlier_case_of_the_same_child() {
            fixture(FakeKnownChildren.none().caseOf(EARLIER_CASE, CHILD, COMMUNE).caseOf(CASE, CHILD, COMMUNE))
                    .given(reported())
                    .when(new CloseCase(CASE, null, T2, DuplicateReport.REASON, null, EARLIER_CASE))
                    .expectEvents(new CaseClosed(CASE, T2, DuplicateReport.REASON, null, EARLIER_CASE));
        }

        @Test
        void a_case_of_another_child_is_not_a_duplicate() {
            fixture(FakeKnownChildren.none().caseOf(EARLIER_CASE, "child-2", COMMUNE))
                    .given(reported())
                    .when(new CloseCase(CASE, null, T2, DuplicateReport.REASON, null, EARLIER_CASE))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.DUPLICATE_OF_SAME_CHILD.explanation())
                    .expectNoEvents();
        }

        @Test
        void an_unknown_case_is_not_a_duplicate() {
            fixture(FakeKnownChildren.none())
                    .given(reported())
                    .when(new CloseCase(CASE, null, T2, DuplicateReport.REASON, null, "case-none"))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.DUPLICATE_OF_SAME_CHILD.explanation())
                    .expectNoEvents();
        }

        @Test
        void a_case_is_not_a_duplicate_of_itself() {
            fixture(FakeKnownChildren.none().caseOf(CASE, CHILD, COMMUNE))
                    .given(reported())
                    .when(new CloseCase(CASE, null, T2, DuplicateReport.REASON, null, CASE))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.DUPLICATE_OF_SAME_CHILD.explanation())
                    .expectNoEvents();
        }

        @Test
        void a_duplicate_must_name_a_case_and_another_reason_must_not() {
            fixture(FakeKnownChildren.none())
                    .given(reported())
                    .when(new CloseCase(CASE, null, T2, DuplicateReport.REASON, null, null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.DUPLICATE_NAMES_ORIGINAL.explanation())
                    .expectNoEvents();
            fixture(FakeKnownChildren.none().caseOf(EARLIER_CASE, CHILD, COMMUNE))
                    .given(reported())
                    .when(new CloseCase(CASE, null, T2, "MOVED_AWAY", null, EARLIER_CASE))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.DUPLICATE_NAMES_ORIGINAL.explanation())
                    .expectNoEvents();
        }
    }
}
