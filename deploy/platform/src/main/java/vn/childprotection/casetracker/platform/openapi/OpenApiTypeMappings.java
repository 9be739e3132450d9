package vn.childprotection.casetracker.platform.openapi;

import io.swagger.v3.oas.models.media.ObjectSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * How types the document generator does not know are described. A Jackson 3 {@link JsonNode} in an answer (a
 * history entry's {@code details}) is a JSON object with members that depend on the event: a free-form
 * {@code object}, never the {@code string} it would otherwise be declared as.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiTypeMappings {

    static {
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class,
                new ObjectSchema().additionalProperties(Boolean.TRUE));
    }
}
