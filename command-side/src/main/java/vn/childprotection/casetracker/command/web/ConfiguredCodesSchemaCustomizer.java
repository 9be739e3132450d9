package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.command.casefile.ProcedureSettings;

/**
 * Publishes the closed sets of codes that are configured at run time as enums of the request fields that take
 * them, so the document lists exactly the codes this service accepts:
 * {@code ClosureRequest.reasonCode} from {@code casetracker.procedure.closing-reasons} (only {@code NO_FURTHER_RISK}
 * is a confirmed legal ground, Decree 56/2017/NĐ-CP Art 30.1.b; the others are configuration) and
 * {@code ErasureRequest.legalBasis} from the configured legal grounds of an erasure.
 */
@Component
class ConfiguredCodesSchemaCustomizer implements OpenApiCustomizer {

    private final ProcedureSettings settings;

    ConfiguredCodesSchemaCustomizer(ProcedureSettings settings) {
        this.settings = settings;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        publish(openApi, "ClosureRequest", "reasonCode", settings.closingReasons());
        publish(openApi, "ErasureRequest", "legalBasis", settings.erasureLegalBases());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void publish(OpenAPI openApi, String schemaName, String property, List<String> codes) {
        Schema<?> schema = openApi.getComponents().getSchemas().get(schemaName);
        if (schema == null || schema.getProperties() == null || codes.isEmpty()) {
            return;
        }
        Schema field = schema.getProperties().get(property);
        if (field != null) {
            field.setEnum(new ArrayList<>(codes));
            if (field.getExample() == null || !codes.contains(String.valueOf(field.getExample()))) {
                field.setExample(codes.get(0));
            }
        }
    }
}
