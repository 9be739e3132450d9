package vn.childprotection.casetracker.platform;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * What every process of the case tracker runs on. Imported by the command side, the query side and the local
 * all-in-one. Its property file holds shared defaults; each application's own configuration overrides them.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ConfigurationPropertiesScan
@PropertySource(value = "classpath:casetracker-platform.properties", encoding = "UTF-8")
@PropertySource(value = "classpath:casetracker-api.properties", encoding = "UTF-8")
public class PlatformConfiguration {

    /**
     * The one clock of the process, so that tests can fix "now" for both sides with one {@code @Primary} bean.
     */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    static {
        // Case records are confidential (Luật Trẻ em Art 6, 21): the service calls no one it was not configured
        // to. Axon's update checker would report usage to its vendor; it stays off unless set explicitly.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
