package vn.childprotection.casetracker.platform.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}), reached when something outside Spring MVC refused a request (Spring
 * Security's firewall, a filter, the servlet container) or when {@code /error} is asked for directly. It answers
 * {@code application/problem+json} whatever the {@code Accept} header says — never Spring Boot's HTML or JSON page —
 * with the status of the refusal (a 4xx stays a 4xx), no message and no stack trace.
 * <p>
 * Except while the service stops: from the start of the stop ({@link ContextClosedEvent}, published before the web
 * server's graceful shutdown), a 400 from the container is answered 503 Service Unavailable with
 * {@code Retry-After} ({@value #RETRY_AFTER_SECONDS} s): the request was not refused for what it is but because the
 * service is going away. Tomcat (11.0) marks a request that arrives on a kept-alive connection while its connector
 * is paused 503 and stops reading it, then still checks it, finds no {@code Host} header (the headers were never
 * read) and turns the 503 into 400, which would tell a client that sent a valid request not to send it again.
 */
@RestController
@Hidden
public class ProblemErrorController implements ErrorController {

    static final int RETRY_AFTER_SECONDS = 5;

    private volatile boolean stopping;

    /** The service has begun to stop: container refusals from now on are the stop's, not the request's. */
    @EventListener(ContextClosedEvent.class)
    public void stopping() {
        stopping = true;
    }

    /**
     * @return the problem for the status the container recorded; 404 when {@code /error} is requested directly; 503
     *         with {@code Retry-After} for a container's 400 once the service has begun to stop
     */
    @RequestMapping(path = "${server.error.path:/error}",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.NOT_FOUND;
        }
        if (stopping && status == HttpStatus.BAD_REQUEST) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service is stopping; send the request again shortly. Nothing was recorded.");
            problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        problem.setTitle(status.getReasonPhrase());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && status != HttpStatus.BAD_REQUEST) {
            problem.setInstance(URI.create(encodeSafely(path)));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request was refused before it reached the service: its address, parameters or "
                    + "headers are not valid (for instance an encoded slash, '..', ';', a backslash or a control "
                    + "character in the path). Nothing was recorded.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This method is not supported at this address.";
            case UNAUTHORIZED -> "Sign in to use the service.";
            case FORBIDDEN -> "Not allowed.";
            default -> status.is5xxServerError() ? "The request could not be completed; nothing was recorded."
                    : "The request was refused; nothing was recorded.";
        };
    }

    private static String encodeSafely(String path) {
        // The path has been checked by the container; keep only what a URI may hold as it is.
        return path.matches("[A-Za-z0-9/._~%!$&'()*+,;=:@-]*") ? path : "/";
    }
}
