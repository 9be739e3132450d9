package vn.childprotection.casetracker.platform.problem;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.AbstractProtocol;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on an error no servlet answered: a request refused while Tomcat itself parsed it (an encoded
 * slash or backslash, {@code %00} in the path, an invalid header) never reaches the application, and Tomcat's own
 * valve would answer it with an HTML page. This one answers {@code application/problem+json} with the same status
 * and no detail of the server (no version, no stack trace). Installed on the host by
 * {@link ProblemErrorPagesConfiguration}.
 * <p>
 * A 400 while the request's connector is paused (the service stopping) is answered 503 with {@code Retry-After}, as
 * {@link ProblemErrorController} does: Tomcat turns its own 503 for a request on a paused connector into 400 when it
 * finds the headers it did not read lack {@code Host}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        if (status == HttpStatus.BAD_REQUEST.value() && paused(request.getConnector())) {
            status = HttpStatus.SERVICE_UNAVAILABLE.value();
            response.setStatus(status);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ProblemErrorController.RETRY_AFTER_SECONDS));
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus shown = known == null ? (status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST)
                : known;
        String body = "{\"type\":\"about:blank\",\"title\":\"" + shown.getReasonPhrase() + "\",\"status\":" + status
                + ",\"detail\":\"" + ProblemErrorController.detail(shown).replace("\"", "'") + "\"}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response was already committed: nothing more can be said.
        }
    }

    private static boolean paused(Connector connector) {
        return connector != null && connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol
                && protocol.isPaused();
    }
}
