package vn.childprotection.casetracker.platform.input;

import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The input rules for every string, instant and date of a request body: text through {@link TextRule} (refused or
 * normalised to NFC), instants and dates through {@link TimeRule}. A value of another JSON type (a number for a
 * string or an instant, for instance) is refused too: nothing is coerced. Registered only on the mapper that reads
 * HTTP requests, never on the one Axon stores events with, so events already stored always read back. Enums must
 * be sent exactly and sets must not repeat an item ({@link StrictDeserializerModifier}).
 */
public class StrictJsonModule extends SimpleModule {

    public StrictJsonModule(TimeRule times) {
        super("case-tracker-strict-input");
        addDeserializer(String.class, new Text());
        addDeserializer(Instant.class, new Temporal<>(Instant.class, times::instant));
        addDeserializer(LocalDate.class, new Temporal<>(LocalDate.class, times::date));
        setDeserializerModifier(new StrictDeserializerModifier());
    }

    private static final class Text extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = p.getString();
            String problem = TextRule.problem(value);
            if (problem != null) {
                throw new RefusedJsonValue(p, String.class, problem);
            }
            return TextRule.normalise(value);
        }
    }

    private static final class Temporal<T> extends ValueDeserializer<T> {

        private final Class<T> type;
        private final java.util.function.Function<String, T> rule;

        Temporal(Class<T> type, java.util.function.Function<String, T> rule) {
            this.type = type;
            this.rule = rule;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            try {
                return rule.apply(p.getString());
            } catch (RefusedValue refused) {
                throw new RefusedJsonValue(p, type, refused.problem());
            }
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}
