package vn.childprotection.casetracker.query.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.childprotection.casetracker.query.audittrail.AuditTrailProjection;
import vn.childprotection.casetracker.query.casefile.CaseFileProjection;
import vn.childprotection.casetracker.query.deadlines.DeadlineProjection;
import vn.childprotection.casetracker.query.history.CaseHistoryProjection;
import vn.childprotection.casetracker.query.riskregister.RiskRegisterProjection;
import vn.childprotection.casetracker.query.workqueue.WorkQueueProjection;

/**
 * The projections of V3_1 and V3_2 and the tables each processing group writes (with the counts of V3_13). A
 * projection added elsewhere declares its own {@link ProjectionDefinition} bean the same way (a bean name ending in
 * {@code ProjectionDefinition}, since the projection components already use names like {@code caseFileProjection});
 * the admin API and the rebuild find every one.
 * Keep the table lists in step with the migrations: a table a group writes but that is missing here would not be
 * rebuilt, and would keep rows the rebuilt tokens no longer account for.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionDefinitions {

    @Bean
    public ProjectionDefinition caseFileProjectionDefinition() {
        return ProjectionDefinition.of(CaseFileProjection.PROCESSING_GROUP, "case_file");
    }

    @Bean
    public ProjectionDefinition caseHistoryProjectionDefinition() {
        return ProjectionDefinition.of(CaseHistoryProjection.PROCESSING_GROUP, "case_history");
    }

    @Bean
    public ProjectionDefinition riskRegisterProjectionDefinition() {
        return ProjectionDefinition.of(RiskRegisterProjection.PROCESSING_GROUP, "risk_register",
                "open_case_count");
    }

    @Bean
    public ProjectionDefinition deadlinesProjectionDefinition() {
        return ProjectionDefinition.of(DeadlineProjection.PROCESSING_GROUP, "case_deadline", "deadline_case",
                "late_deadline_count");
    }

    @Bean
    public ProjectionDefinition workQueueProjectionDefinition() {
        return ProjectionDefinition.of(WorkQueueProjection.PROCESSING_GROUP, "work_item", "work_plan_draft",
                "work_case");
    }

    @Bean
    public ProjectionDefinition auditTrailProjectionDefinition() {
        return ProjectionDefinition.of(AuditTrailProjection.PROCESSING_GROUP, "audit_entry", "audit_deadline");
    }
}
