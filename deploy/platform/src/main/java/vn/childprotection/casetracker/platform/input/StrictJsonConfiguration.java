package vn.childprotection.casetracker.platform.input;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON converter of the HTTP API reads request bodies strictly: no scalar coercion ({@code "9"}, {@code 9.5} or
 * {@code true} for a number, {@code 0} for an enum, {@code "true"} or {@code 1} for a boolean, an empty string for
 * anything but a string), no fraction for an integer, duplicate keys refused, unknown properties refused (as the
 * application's mapper already does), and strings, instants and dates through {@link StrictJsonModule}.
 *
 * <p>Only the HTTP converter gets this mapper: the application's {@link JsonMapper} bean (projections' documents,
 * org unit and indicator files) and Axon's event serializer, which builds its own mapper, are left as they are, so
 * events stored before these rules still read back.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

    /**
     * Runs after Spring Boot's own customizer (order 0) and replaces the JSON converter it registered.
     */
    @Bean
    @Order(10)
    public ServerHttpMessageConvertersCustomizer strictJsonConverter(JsonMapper applicationMapper,
                                                                     TimeRule times) {
        JsonMapper strict = strict(applicationMapper, times);
        return builder -> builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
    }

    /**
     * @return a copy of {@code base} that reads input by the rules above
     */
    public static JsonMapper strict(JsonMapper base, TimeRule times) {
        return base.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert))
                .withCoercionConfig(LogicalType.Enum, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
                .addModule(new StrictJsonModule(times))
                .build();
    }
}
