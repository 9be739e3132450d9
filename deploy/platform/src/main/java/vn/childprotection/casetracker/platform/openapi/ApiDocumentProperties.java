package vn.childprotection.casetracker.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the OpenAPI document ({@code /v3/api-docs}) says about the service itself.
 *
 * @param version           the API's version: the build's ({@code casetracker.api.version}, filled in by Maven from
 *                          the project version in {@code casetracker-api.properties})
 * @param serverUrl         the base URL the document names under {@code servers}
 *                          ({@code casetracker.api.server-url}, default {@code http://localhost:8080}, the local
 *                          all-in-one)
 * @param serverDescription what that server is
 * @param contactName       who answers questions about the API
 * @param contactEmail      their address, or unset
 * @param licenseName       the licence the API and its document are published under (an SPDX identifier)
 * @param licenseUrl        the licence's text
 */
@ConfigurationProperties("casetracker.api")
public record ApiDocumentProperties(
        @DefaultValue("unknown") String version,
        @DefaultValue("http://localhost:8080") String serverUrl,
        @DefaultValue("Local all-in-one (máy chủ cục bộ)") String serverDescription,
        @DefaultValue("Case tracker maintainers (nhóm phát triển)") String contactName,
        String contactEmail,
        @DefaultValue("Apache-2.0") String licenseName,
        @DefaultValue("https://www.apache.org/licenses/LICENSE-2.0") String licenseUrl) {
}
