package vn.childprotection.casetracker.query.history;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Declares {@code CaseHistoryEntry.details} as what it is sent as: a JSON object whose members depend on the event
 * type (the document generator would otherwise describe the Jackson tree it is held in as a string).
 */
@Component
class HistoryDetailsSchemaCustomizer implements OpenApiCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Schema entry = openApi.getComponents().getSchemas().get("CaseHistoryEntry");
        if (entry != null && entry.getProperties() != null && entry.getProperties().containsKey("details")) {
            entry.getProperties().put("details", new ObjectSchema().additionalProperties(Boolean.TRUE)
                    .description("The event's fields, without personal data; its members depend on eventType"));
        }
    }
}
