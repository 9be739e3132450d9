package vn.childprotection.casetracker.platform.input;

import jakarta.validation.constraints.Size;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes every {@code @Size} on a {@code String} count characters (code points), see {@link CodePointSizeValidator}.
 * Hibernate Validator picks the validator of the most specific type, so {@code String} values use this one and
 * collections the built-in ones.
 */
@Configuration(proxyBeanMethods = false)
public class CodePointSizeConfiguration {

    @Bean
    public ValidationConfigurationCustomizer codePointSize() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                ConstraintMapping mapping = hibernate.createConstraintMapping();
                mapping.constraintDefinition(Size.class).includeExistingValidators(true)
                        .validatedBy(CodePointSizeValidator.class);
                hibernate.addMapping(mapping);
            }
        };
    }
}
