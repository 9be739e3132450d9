package vn.childprotection.casetracker.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import vn.childprotection.casetracker.platform.security.SecurityConfiguration;

/**
 * Declares how to sign in, in the OpenAPI document, so that a generated client can send credentials and Swagger UI
 * shows an Authorize button: the security schemes {@value #BASIC} (HTTP Basic, a user defined in configuration,
 * or a demo user on the local default) and {@value #BEARER} (an access token, a JWT, from the identity provider;
 * accepted only where {@code casetracker.security.jwt.enabled=true}), and, on every operation that needs sign-in,
 * a requirement that either of them be sent. An operation on a path that {@link SecurityConfiguration} lets anyone
 * reach ({@link SecurityConfiguration#ALWAYS_PUBLIC}) carries none.
 * <p>
 * One customizer for every operation, also those added later: a new endpoint needs nothing to be documented as
 * needing sign-in.
 */
@Component
public class OpenApiSecuritySchemes implements GlobalOpenApiCustomizer {

    /** Name of the HTTP Basic scheme in {@code components.securitySchemes}. */
    public static final String BASIC = "basicAuth";
    /** Name of the bearer (JWT) scheme in {@code components.securitySchemes}. */
    public static final String BEARER = "bearerAuth";

    private static final List<PathPattern> PUBLIC = SecurityConfiguration.ALWAYS_PUBLIC.stream()
            .map(PathPatternParser.defaultInstance::parse).toList();

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("HTTP Basic: user name and password of a user defined in configuration "
                                + "(on the local default also the demo users, password = user name). Đăng nhập "
                                + "bằng tên người dùng và mật khẩu."))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT")
                        .description("Bearer token: an access token (JWT) from the identity provider whose claims "
                                + "name the user, org unit and role. Accepted only where the deployment sets "
                                + "casetracker.security.jwt.enabled=true; elsewhere answered 401. Mã truy cập do "
                                + "hệ thống xác thực cấp."));
        if (openApi.getPaths() == null) {
            return;
        }
        List<SecurityRequirement> either = List.of(new SecurityRequirement().addList(BASIC),
                new SecurityRequirement().addList(BEARER));
        openApi.getPaths().forEach((path, item) -> {
            if (!isPublic(path)) {
                item.readOperations().forEach(operation -> operation.setSecurity(either));
            }
        });
    }

    private static boolean isPublic(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return PUBLIC.stream().anyMatch(p -> p.matches(container));
    }
}
