package vn.childprotection.casetracker.query.targets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.childprotection.casetracker.query.admin.ProjectionDefinition;

/**
 * The communes' entered figures for the plan's targets as the rebuild knows them: the processing group and the table
 * it writes (V3_4).
 */
@Configuration(proxyBeanMethods = false)
class CommuneTargetsProjectionConfiguration {

    @Bean
    ProjectionDefinition communeTargetsProjectionDefinition() {
        return ProjectionDefinition.of(CommuneTargetsProjection.PROCESSING_GROUP, "commune_target_record");
    }
}
