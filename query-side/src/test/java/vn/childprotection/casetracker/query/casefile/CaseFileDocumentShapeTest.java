package vn.childprotection.casetracker.query.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.ChildIdentityErased;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.DisclosureConsentRecorded;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionReassigned;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.events.TransferDeclined;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.events.TransferWithdrawn;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;
import vn.childprotection.casetracker.query.projection.StandaloneBatches;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.ConsentParty;
import vn.childprotection.casetracker.values.ConsentStatus;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;
import vn.childprotection.casetracker.values.TemporaryRemoval;
import vn.childprotection.casetracker.values.TransferWithdrawalReason;

/**
 * Pins the stored case file document: a fixed sequence with every kind of event the projection handles, applied
 * in memory (one standalone batch, nothing loaded or written), gives exactly the JSON text in
 * {@code case-file-every-event.json}. That file was written by the projection as it was when it built the document
 * as a JSON tree with hand-built keys, so the typed document keeps its field names, order, nulls, enum names and
 * array order.
 */
class CaseFileDocumentShapeTest {

    private static final Instant T0 = Instant.parse("2025-03-03T01:00:00.120Z");
    private static final String CASE = "case-shape-1";
    private static final String ERASED_CASE = "case-shape-2";

    private final JsonMapper json = JsonMapper.builder().build();
    private final JdbcTemplate nothingStored = new JdbcTemplate() {
        @Override
        public <T> T execute(ConnectionCallback<T> action) {
            return null;
        }
    };
    private final CaseFileProjection projection = new CaseFileProjection(nothingStored, json);

    private long sequence;

    @BeforeEach
    @AfterEach
    void leaveNoBatchBehind() {
        StandaloneBatches.forget(projection);
    }

    @Test
    void every_kind_of_event_leaves_the_stored_document_in_the_shape_the_tree_built_projection_wrote()
            throws IOException {
        applyTheWholeProcedure();
        applyAnErasure();

        String written = json.writeValueAsString(document(CASE)) + "\n"
                + json.writeValueAsString(document(ERASED_CASE)) + "\n";

        assertThat(written).isEqualTo(golden());
    }

    @Test
    void a_stored_document_reads_back_into_the_same_document() throws IOException {
        CaseFileBatch rows = new CaseFileBatch(nothingStored, json);
        for (String stored : golden().split("\n")) {
            assertThat(rows.write(rows.read(stored))).isEqualTo(stored);
        }
    }

    /**
     * What lets a failing handler leave the batch's document as it was: every change works on a copy, and no change
     * of the copy reaches the document it was made from.
     */
    @Test
    void changing_a_copy_leaves_the_document_it_was_copied_from_as_it_was() throws IOException {
        CaseFileBatch rows = new CaseFileBatch(nothingStored, json);
        String stored = golden().split("\n")[0];
        CaseFileDocument original = rows.read(stored);
        CaseFileDocument copy = original.copy();

        copy.initialAssessmentRecorded(new InitialAssessmentRecorded(CASE, at(70), RiskLevel.LOW, false, null));
        copy.detailedAssessmentRecorded(new DetailedAssessmentRecorded(CASE, at(70), RiskLevel.LOW, null));
        copy.emergencyMeasuresTaken(new EmergencyMeasuresTaken(CASE, at(70), List.of(EmergencyMeasure.SAFE_PLACE),
                new TemporaryRemoval(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-10")), null));
        copy.transferRequested(new TransferRequested(CASE, at(70), "31-an-lao-moi", "313-an-tien", null));
        copy.transferDeclined(new TransferDeclined(CASE, at(70), "31-an-lao-moi", "313-an-tien", null));
        copy.transferRequested(new TransferRequested(CASE, at(70), "31-an-lao-moi", "313-an-tien", null));
        copy.transferWithdrawn(new TransferWithdrawn(CASE, at(70), "31-an-lao-moi", "313-an-tien",
                TransferWithdrawalReason.CASE_CLOSED, null));
        copy.planDrafted(new SupportPlanDrafted(CASE, at(70), 3, List.of(
                planned("i-1", InterventionMeasure.MEDICAL_CARE, "313-tyt-an-thai", "2025-06-01")), sealed("g3")));
        copy.planApproved(new SupportPlanApproved(CASE, at(71), 3));
        copy.interventionStatusChanged(new InterventionStatusChanged(CASE, at(72), "i-1", "313-tyt-an-thai",
                InterventionStatus.ASSIGNED, InterventionStatus.COMPLETED, sealed("n9")));
        copy.interventionReassigned(new InterventionReassigned(CASE, at(72), "i-1", "313-tyt-an-thai",
                "313-tp-an-lao", LocalDate.parse("2025-07-01")));
        copy.deadlineScheduled(new DeadlineScheduled(CASE, at(72), "d-pd", DeadlineRule.PLAN_DRAFTING, at(90),
                "31-an-lao-moi", null, "s-9"));
        copy.deadlineMissed(new DeadlineMissed(CASE, at(90), "d-pd", DeadlineRule.PLAN_DRAFTING, at(90),
                "31-an-lao-moi", null));
        copy.deadlineMissCorrected(new DeadlineMissCorrected(CASE, at(91), "d-pd", DeadlineRule.PLAN_DRAFTING,
                null, at(90)), at(91));
        copy.deadlineFulfilled(new DeadlineFulfilled(CASE, at(91), "d-pd", DeadlineRule.PLAN_DRAFTING, null, false,
                at(90), true));
        copy.deadlineWithdrawn(new DeadlineWithdrawn(CASE, at(92), "d-i1", DeadlineRule.INTERVENTION_DUE, "i-1",
                "REASSIGNED"));
        copy.transferRequested(new TransferRequested(CASE, at(93), "31-an-lao-moi", "313-an-tien", sealed("t9")));
        copy.transferred(new CaseTransferred(CASE, at(94), "31-an-lao-moi", "313-an-tien", null));
        copy.carriedOver(new CaseCarriedOver(CASE, at(95), "313-an-tien", "31-an-lao-moi", "NQ", false));
        copy.consentRecorded(new DisclosureConsentRecorded(CASE, at(96), ConsentParty.CHILD,
                ConsentStatus.WITHDRAWN));
        copy.reviewed(new CaseReviewed(CASE, at(97), RiskLevel.HIGH, ReviewOutcome.REPLAN, sealed("r9")));
        copy.closed(new CaseClosed(CASE, at(98), "GOALS_MET", sealed("c9"), null));
        copy.reopened(new CaseReopened(CASE, at(99), sealed("o9")));
        copy.identityErased(new ChildIdentityErased(CASE, at(100), "child-shape-1", "LUAT_TRE_EM_ART_33", "QĐ 9"));
        copy.counted(99, at(100));

        assertThat(rows.write(copy)).isNotEqualTo(stored);
        assertThat(rows.write(original)).isEqualTo(stored);
    }

    private void applyTheWholeProcedure() {
        sequence = 0;
        projection.on(reported(CASE, "child-shape-1"), next(), at(1));
        projection.on(new InitialAssessmentRecorded(CASE, at(2), RiskLevel.HIGH, true, sealed("n1")), next(), at(2));
        projection.on(new DeadlineScheduled(CASE, at(2), "d-em", DeadlineRule.EMERGENCY_MEASURES, at(14),
                "313-an-thai", null, "s-1"), next(), at(2));
        projection.on(new EmergencyMeasuresTaken(CASE, at(3), List.of(EmergencyMeasure.TEMPORARY_REMOVAL,
                EmergencyMeasure.MEDICAL_EMERGENCY), new TemporaryRemoval(LocalDate.parse("2025-03-03"),
                LocalDate.parse("2025-03-20")), sealed("n2")), next(), at(3));
        projection.on(new DeadlineFulfilled(CASE, at(3), "d-em", DeadlineRule.EMERGENCY_MEASURES, null, false,
                at(14), true), next(), at(3));
        projection.on(new DetailedAssessmentRecorded(CASE, at(4), RiskLevel.MEDIUM, sealed("f1")), next(), at(4));
        projection.on(new DeadlineScheduled(CASE, at(4), "d-pd", DeadlineRule.PLAN_DRAFTING, at(40),
                "313-an-thai", null, "s-2"), next(), at(4));
        projection.on(new DeadlineMissed(CASE, at(40), "d-pd", DeadlineRule.PLAN_DRAFTING, at(40), "313-an-thai",
                null), next(), at(40).plusNanos(123_456_789));
        projection.on(new DeadlineMissCorrected(CASE, at(41), "d-pd", DeadlineRule.PLAN_DRAFTING, null, at(40)),
                next(), at(41).plusNanos(123_456_789));
        projection.on(new SupportPlanDrafted(CASE, at(39), 1, List.of(
                planned("i-1", InterventionMeasure.MEDICAL_CARE, "313-tyt-an-thai", "2025-04-01"),
                planned("i-2", InterventionMeasure.LEGAL_AID, "313-tp-an-lao", "2025-04-15")), sealed("g1")),
                next(), at(42));
        projection.on(new DeadlineFulfilled(CASE, at(39), "d-pd", DeadlineRule.PLAN_DRAFTING, null, false, at(40),
                true), next(), at(42));
        projection.on(new SupportPlanApproved(CASE, at(43), 1), next(), at(43));
        projection.on(new DeadlineScheduled(CASE, at(43), "d-i1", DeadlineRule.INTERVENTION_DUE, at(500),
                "313-tyt-an-thai", "i-1", "s-3"), next(), at(43));
        projection.on(new InterventionStatusChanged(CASE, at(44), "i-1", "313-tyt-an-thai",
                InterventionStatus.ASSIGNED, InterventionStatus.IN_PROGRESS, sealed("note-1")), next(), at(44));
        projection.on(new InterventionReassigned(CASE, at(45), "i-2", "313-tp-an-lao", "313-cong-an-an-lao",
                LocalDate.parse("2025-05-01")), next(), at(45));
        projection.on(new InterventionStatusChanged(CASE, at(45), "i-unknown", "313-tp-an-lao", null,
                InterventionStatus.ACCEPTED, null), next(), at(45));
        projection.on(new SupportPlanDrafted(CASE, at(46), 2, List.of(
                planned("i-1", InterventionMeasure.MEDICAL_CARE, "313-tyt-an-thai", "2025-04-10"),
                planned("i-3", InterventionMeasure.SAFE_SHELTER, "313-ubnd-an-thai", "2025-04-20")), sealed("g2")),
                next(), at(46));
        projection.on(new CaseReviewed(CASE, at(47), RiskLevel.LOW, ReviewOutcome.REPLAN, sealed("r1")), next(),
                at(47));
        projection.on(new CaseReviewed(CASE, at(48), null, ReviewOutcome.CONTINUE, null), next(), at(48));
        projection.on(new DisclosureConsentRecorded(CASE, at(49), ConsentParty.CHILD, ConsentStatus.GIVEN), next(),
                at(49));
        projection.on(new DisclosureConsentRecorded(CASE, at(50), ConsentParty.GUARDIAN, ConsentStatus.REFUSED),
                next(), at(50));
        projection.on(new DeadlineScheduled(CASE, at(50), "d-pa", DeadlineRule.PLAN_APPROVAL, at(90),
                "313-an-thai", null, "s-4"), next(), at(50));
        projection.on(new TransferRequested(CASE, at(51), "313-an-thai", "313-an-tien", sealed("t1")), next(),
                at(51));
        projection.on(new TransferDeclined(CASE, at(52), "313-an-thai", "313-an-tien", sealed("t2")), next(),
                at(52));
        projection.on(new TransferRequested(CASE, at(53), "313-an-thai", "313-an-tien", null), next(), at(53));
        projection.on(new TransferWithdrawn(CASE, at(54), "313-an-thai", "313-an-tien",
                TransferWithdrawalReason.WITHDRAWN_BY_SENDER, sealed("t3")), next(), at(54));
        projection.on(new TransferRequested(CASE, at(55), "313-an-thai", "313-an-tien", sealed("t4")), next(),
                at(55));
        projection.on(new CaseTransferred(CASE, at(56), "313-an-thai", "313-an-tien", null), next(), at(56));
        projection.on(new CaseCarriedOver(CASE, at(57), "313-an-tien", "31-an-lao-moi", "Nghị quyết 1669/NQ-UBTVQH15",
                true), next(), at(57));
        projection.on(new DeadlineWithdrawn(CASE, at(58), "d-pa", DeadlineRule.PLAN_APPROVAL, null, "CASE_CLOSED"),
                next(), at(58));
        projection.on(new CaseClosed(CASE, at(58), "GOALS_MET", sealed("c1"), null), next(), at(58));
        projection.on(new CaseReopened(CASE, at(59), sealed("o1")), next(), at(59));
        projection.on(new EventOfALaterVersion(CASE, at(60)), next(), at(60).plusNanos(5_000));
        projection.on(new CaseReviewed(CASE, at(60), RiskLevel.HIGH, ReviewOutcome.CONTINUE, null), 3L, at(60));
    }

    private void applyAnErasure() {
        sequence = 0;
        projection.on(reported(ERASED_CASE, "child-shape-2"), next(), at(1));
        projection.on(new SupportPlanDrafted(ERASED_CASE, at(2), 1, List.of(
                planned("i-9", InterventionMeasure.OTHER_SUPPORT, "313-tyt-an-thai", "2025-04-01")), sealed("g9")),
                next(), at(2));
        projection.on(new SupportPlanApproved(ERASED_CASE, at(3), 2), next(), at(3));
        projection.on(new ChildIdentityErased(ERASED_CASE, at(4), "child-shape-2", "LUAT_TRE_EM_ART_33",
                "QĐ 12/2025"), next(), at(4));
    }

    /** An event this version of the projection does not know: it still counts in the version. */
    private record EventOfALaterVersion(String caseId, Instant occurredAt) implements CaseEvent {
    }

    private Object document(String caseId) {
        return ProjectionBatch.of(projection, nothingStored, batch -> { }).document(caseId);
    }

    private String golden() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("case-file-every-event.json")) {
            assertThat(in).as("golden file").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static CaseReported reported(String caseId, String childId) {
        return new CaseReported(caseId, childId, at(0), "313-an-thai", "313-tt-an-lao", CaseCategory.ABUSED,
                ReportChannel.HOTLINE_111, Set.of(AbuseForm.NEGLECT, AbuseForm.VIOLENCE), AbuseSetting.FAMILY,
                Set.of(SpecialCircumstanceGroup.I_HARMED_BY_VIOLENCE, SpecialCircumstanceGroup.C_NO_CAREGIVER),
                Sex.FEMALE, 9, false, "Kinh", sealed("name"), sealed("birth"), sealed("address"), true,
                sealed("reporter"), sealed("narrative"));
    }

    private static PlannedIntervention planned(String id, InterventionMeasure measure, String agency, String due) {
        return new PlannedIntervention(id, measure, agency, LocalDate.parse(due), sealed("desc-" + id));
    }

    private static EncryptedText sealed(String what) {
        return new EncryptedText("key-shape", "sealed:" + what);
    }

    private long next() {
        return sequence++;
    }

    private static Instant at(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }
}
