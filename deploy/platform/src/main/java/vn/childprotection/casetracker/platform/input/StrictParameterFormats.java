package vn.childprotection.casetracker.platform.input;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Instants and dates in path variables and query parameters ({@code from}, {@code to}, {@code asOf},
 * {@code validOn}...) go through the same {@link TimeRule} as those of request bodies. Registered after Spring's
 * own formatters, so these are the ones used, with or without {@code @DateTimeFormat}. A refused value raises
 * {@link RefusedValue}, answered 400 naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
public class StrictParameterFormats implements WebMvcConfigurer {

    private final TimeRule times;

    public StrictParameterFormats(TimeRule times) {
        this.times = times;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
            @Override
            public Instant parse(String text, Locale locale) {
                return times.instant(text);
            }

            @Override
            public String print(Instant value, Locale locale) {
                return value.toString();
            }
        });
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String text, Locale locale) {
                return times.date(text);
            }

            @Override
            public String print(LocalDate value, Locale locale) {
                return value.toString();
            }
        });
    }
}
