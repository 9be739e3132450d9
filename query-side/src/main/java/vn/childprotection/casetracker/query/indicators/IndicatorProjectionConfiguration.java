package vn.childprotection.casetracker.query.indicators;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.childprotection.casetracker.query.admin.ProjectionDefinition;

/**
 * The indicators projection as the rebuild knows it: its processing group and the tables it writes (V3_5, V3_7, V3_9).
 */
@Configuration(proxyBeanMethods = false)
class IndicatorProjectionConfiguration {

    @Bean
    ProjectionDefinition indicatorsProjectionDefinition() {
        return ProjectionDefinition.of(IndicatorProjection.PROCESSING_GROUP, "indicator_case", "indicator_step",
                "indicator_commune", "indicator_fact");
    }
}
