package vn.childprotection.casetracker.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;
import vn.childprotection.casetracker.command.casefile.ProcedureSettings;
import vn.childprotection.casetracker.platform.PlatformConfiguration;

/**
 * The command side: the {@code CaseFile} aggregate and the command API. Imported by {@link CommandSideApplication}
 * and by the local all-in-one.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION,
        classes = SpringBootApplication.class))
@Import(PlatformConfiguration.class)
@PropertySource(value = "classpath:casetracker-command.properties", encoding = "UTF-8")
public class CommandSideConfiguration {

    @Bean
    public ProcedureSettings procedureSettings(Environment environment) {
        return Binder.get(environment).bind("casetracker.procedure", ProcedureSettings.class)
                .orElseThrow(() -> new IllegalStateException("casetracker.procedure.* is not configured"));
    }
}
