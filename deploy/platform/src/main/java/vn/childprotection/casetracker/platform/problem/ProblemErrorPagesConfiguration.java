package vn.childprotection.casetracker.platform.problem;

import java.io.IOException;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Refusals made before a controller runs answer {@code application/problem+json} too: Tomcat's own refusals (through
 * {@link ProblemErrorReportValve}) and Spring Security's firewall ({@code RequestRejectedException}: an encoded
 * slash or period, {@code ;}, {@code //}, a backslash or a non-printable character in the path; a control character
 * in a header), which answers 400 here instead of an unhandled exception.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemErrorPagesConfiguration {

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    public RequestRejectedHandler problemRequestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> {
            if (response.isCommitted()) {
                throw new IOException("Response already committed");
            }
            problems.write(response, HttpStatus.BAD_REQUEST, "Invalid request",
                    ProblemErrorController.detail(HttpStatus.BAD_REQUEST), "/");
        };
    }
}
