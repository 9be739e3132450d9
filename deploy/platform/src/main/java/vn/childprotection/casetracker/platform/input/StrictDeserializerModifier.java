package vn.childprotection.casetracker.platform.input;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.type.CollectionType;

/**
 * Two leniencies of Jackson closed for request bodies, for every enum and every set whatever its element type:
 * <ul>
 *   <li>an enum value must be sent exactly as listed: Jackson would accept {@code " HIGH"} by trimming it;</li>
 *   <li>a set ({@code abuseForms}, {@code specialCircumstanceGroups}, {@code measures}...) must not repeat an item:
 *       Jackson would merge {@code ["VIOLENCE", "VIOLENCE"]} into one, so what was sent and what was stored would
 *       differ without the caller knowing.</li>
 * </ul>
 * Both are refused with {@link RefusedJsonValue}, answered 400 naming the field.
 */
class StrictDeserializerModifier extends ValueDeserializerModifier {

    @Override
    public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                       BeanDescription.Supplier description,
                                                       ValueDeserializer<?> deserializer) {
        return new ExactEnum(deserializer);
    }

    @Override
    public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                             BeanDescription.Supplier description,
                                                             ValueDeserializer<?> deserializer) {
        return Set.class.isAssignableFrom(type.getRawClass()) ? new DistinctItems(deserializer) : deserializer;
    }

    private static final class ExactEnum extends DelegatingDeserializer {

        ExactEnum(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new ExactEnum(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String value = p.getString();
                if (!value.equals(value.strip())) {
                    throw new RefusedJsonValue(p, handledType(),
                            "has spaces around the value; send one of the allowed values exactly");
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    private static final class DistinctItems extends DelegatingDeserializer {

        DistinctItems(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new DistinctItems(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.START_ARRAY)) {
                return super.deserialize(p, ctxt);
            }
            JsonNode items = ctxt.readTree(p);
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode item : items) {
                if (!seen.add(item)) {
                    throw new RefusedJsonValue(p, handledType(), "lists the same item more than once");
                }
            }
            JsonParser again = items.traverse(ctxt);
            again.nextToken();
            return super.deserialize(again, ctxt);
        }
    }
}
