package vn.childprotection.casetracker.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The head of the OpenAPI document: title, the build's version, what the API is for, its licence and contact, and
 * the server it is served from ({@link ApiDocumentProperties}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiInfoCustomizer implements OpenApiCustomizer {

    static final String DESCRIPTION = """
            The event-sourced backend child-protection workers use to follow each case (vụ việc) from the first \
            report to its closing, as Decree 56/2017/NĐ-CP Chapter III sets out (Nghị định 56/2017/NĐ-CP, \
            Chương III: thông báo, tiếp nhận; đánh giá nguy cơ; can thiệp khẩn cấp; kế hoạch hỗ trợ, can thiệp; \
            rà soát; kết thúc).

            * Instants are ISO-8601 UTC; dates are `YYYY-MM-DD`; days and periods are counted in Vietnam time \
            (Asia/Ho_Chi_Minh).
            * Every command answers the case id and its new `version` (also the `ETag`); send it back as \
            `If-Match: "<version>"` to make the next write conditional (409 `version-conflict` when the case has \
            changed), and as `?minVersion=` on a read of that case to read your own write.
            * `POST /api/v1/cases` takes an `Idempotency-Key`: a retry with the same key and body answers the \
            same case (200, `Idempotent-Replayed: true`).
            * Every error is `application/problem+json` (RFC 9457, schema `Problem`): 400 lists each field and \
            its problem in `errors`; 403 and 409 name the `rule` that refused the request; nothing is recorded.
            * Who may do and read what (cần biết) depends on the signed-in user's role and org unit.""";

    private final ApiDocumentProperties properties;

    public ApiInfoCustomizer(ApiDocumentProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Contact contact = new Contact().name(properties.contactName());
        if (properties.contactEmail() != null && !properties.contactEmail().isBlank()) {
            contact.email(properties.contactEmail());
        }
        openApi.info(new Info()
                .title("Case tracker API — Hệ thống theo dõi vụ việc bảo vệ trẻ em")
                .version(properties.version())
                .description(DESCRIPTION)
                .contact(contact)
                .license(new License().name(properties.licenseName()).url(properties.licenseUrl())));
        openApi.servers(List.of(new Server().url(properties.serverUrl())
                .description(properties.serverDescription())));
    }
}
