package vn.childprotection.casetracker.query.targets;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;
import vn.childprotection.casetracker.query.projection.WritesPerBatch;
import vn.childprotection.casetracker.events.CommuneTargetsRecorded;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;

/**
 * Keeps every recording of a commune's figures for the plan's targets (<i>chỉ tiêu kế hoạch</i>) in
 * {@code commune_target_record}, with who recorded it and when. Nothing is overwritten: a revision is a new row, so
 * {@link CommuneTargetQueries} can answer what had been entered by any instant. An event delivered again changes
 * nothing. The rows of a batch of events are written together ({@link ProjectionBatch}).
 */
@Component
@WritesPerBatch
@ProcessingGroup(CommuneTargetsProjection.PROCESSING_GROUP)
public class CommuneTargetsProjection {

    public static final String PROCESSING_GROUP = "commune-targets";

    private final JdbcTemplate jdbc;

    public CommuneTargetsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM commune_target_record");
    }

    @EventHandler
    void on(CommuneTargetsRecorded e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt,
            @MetaDataValue(ActorMetaData.USER) String userId,
            @MetaDataValue(ActorMetaData.ORG_UNIT) String orgUnit,
            @MetaDataValue(ActorMetaData.ROLE) String role) {
        ProjectionBatch.of(this, jdbc, batch -> { }).add("""
                INSERT INTO commune_target_record (commune_code, year, version, occurred_at, recorded_at,
                                                   recorded_by, org_unit, role, children_under_6,
                                                   children_under_6_with_health_insurance_card,
                                                   congenital_heart_disease_eligible,
                                                   congenital_heart_disease_received, child_friendly_commune,
                                                   action_month_held, mid_autumn_festival_held, children_forum_held)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (commune_code, year, version) DO NOTHING""",
                e.communeCode(), e.year(), sequenceNumber + 1, utc(e.occurredAt()), utc(recordedAt), userId,
                orgUnit, role, e.childrenUnder6(), e.childrenUnder6WithHealthInsuranceCard(),
                e.congenitalHeartDiseaseEligible(), e.congenitalHeartDiseaseReceived(), e.childFriendlyCommune(),
                e.actionMonthHeld(), e.midAutumnFestivalHeld(), e.childrenForumHeld());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
