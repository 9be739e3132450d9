package vn.childprotection.casetracker.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import vn.childprotection.casetracker.platform.PlatformConfiguration;
import vn.childprotection.casetracker.query.access.PrivacyProperties;
import vn.childprotection.casetracker.query.reports.ReportPeriodProperties;

/**
 * Everything the query side contributes: its projections, their processors and the query API. Imported by
 * {@link QuerySideApplication} and by the local all-in-one, next to the command side's configuration. Its defaults
 * live in {@code casetracker-query.properties}, never in an {@code application.properties} that would shadow the
 * other side's.
 * <p>
 * The clock is the platform's. Only reads use it (how late an overdue item is now, whether a break-the-glass grant
 * is still active, when a read was logged); projections take every time from the events, so a rebuild gives the
 * same rows.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = "vn.childprotection.casetracker.query",
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
@Import(PlatformConfiguration.class)
@PropertySource(value = "classpath:casetracker-query.properties", encoding = "UTF-8")
@EnableConfigurationProperties({PrivacyProperties.class, ReportPeriodProperties.class})
public class QuerySideConfiguration {
}
