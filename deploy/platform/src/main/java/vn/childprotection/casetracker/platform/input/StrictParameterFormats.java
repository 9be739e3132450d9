package vn.childprotection.casetracker.platform.input;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Instants and dates in path variables and query parameters ({@code from}, {@code to}, {@code asOf},
 * {@code validOn}...) go through the same {@link TimeRule} as those of request bodies. Whole numbers ({@code page},
 * {@code size}, {@code minVersion}, {@code anchoredGlobalIndex}...) are plain decimal digits with an optional
 * leading {@code -} and no leading zero: Spring would also read {@code +5}, {@code 007}, {@code 0x10} or {@code #10}
 * (as 5, 7, 16, 16), so one number could be written many ways and a hexadecimal one silently read as another.
 * Registered after Spring's own formatters, so these are the ones used, with or without {@code @DateTimeFormat}.
 * A refused value raises {@link RefusedValue}, answered 400 naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
public class StrictParameterFormats implements WebMvcConfigurer {

    static final String NOT_A_WHOLE_NUMBER = "must be a whole number in decimal digits (no sign +, no leading "
            + "zero, no hexadecimal)";
    static final String OUT_OF_RANGE = "is too large a number";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("0|-?[1-9][0-9]*");

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
        registry.addFormatterForFieldType(Long.class, wholeNumbers(Long::valueOf));
        registry.addFormatterForFieldType(Integer.class, wholeNumbers(Integer::valueOf));
    }

    private static <N extends Number> Formatter<N> wholeNumbers(Function<String, N> parse) {
        return new Formatter<N>() {
            @Override
            public N parse(String text, Locale locale) {
                if (!WHOLE_NUMBER.matcher(text).matches()) {
                    throw new RefusedValue(NOT_A_WHOLE_NUMBER);
                }
                try {
                    return parse.apply(text);
                } catch (NumberFormatException e) {
                    throw new RefusedValue(OUT_OF_RANGE);
                }
            }

            @Override
            public String print(N value, Locale locale) {
                return value.toString();
            }
        };
    }
}
