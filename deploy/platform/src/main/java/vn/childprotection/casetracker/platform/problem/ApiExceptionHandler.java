package vn.childprotection.casetracker.platform.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import vn.childprotection.casetracker.platform.input.RefusedJsonValue;
import vn.childprotection.casetracker.platform.input.RefusedValue;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitNotValid;

/**
 * Every error as {@code application/problem+json} (RFC 9457). Malformed input answers 400 with a list of field
 * problems that name the field and what is wrong, never the value sent (it may be personal data) and never a
 * stack trace. Runs after the sides' own handlers, which map the procedure's refusals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), describe(e)))
                .toList();
        List<FieldProblem> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(e -> new FieldProblem(e.getObjectName(), e.getDefaultMessage()))
                .toList();
        return badRequest(concat(problems, global), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> problems = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(e -> new FieldProblem(r.getMethodParameter().getParameterName(),
                                e.getDefaultMessage())))
                .toList();
        return badRequest(problems, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return badRequest(List.of(unreadable(ex)), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        return badRequest(List.of(new FieldProblem(ex.getParameterName(), ex.isMissingAfterConversion()
                ? "must not be empty" : "is required")), request);
    }

    @ExceptionHandler(BadRequestException.class)
    public ResponseEntity<Object> badRequest(BadRequestException ex, WebRequest request) {
        return badRequest(ex.problems(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        if (ex.getMostSpecificCause() instanceof RefusedValue refused) {
            return badRequest(List.of(new FieldProblem(ex.getName(), refused.problem())), request);
        }
        String expected = ex.getRequiredType() == null ? "another type" : expectedType(ex.getRequiredType());
        return badRequest(List.of(new FieldProblem(ex.getName(), "must be " + expected)), request);
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<Object> notFound(NotFoundException ex, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), request);
    }

    @ExceptionHandler(OrgUnitNotValid.class)
    public ResponseEntity<Object> orgUnitNotValid(OrgUnitNotValid ex, WebRequest request) {
        return orgUnitNotValidProblem(ex, request);
    }

    /**
     * 409 {@code org-unit-not-valid}: a request named an org unit on a day it did not exist. The detail names the
     * unit, the day and what to use instead; {@code errors} names the field; the extension member
     * {@code successors} (the unit had ended) or {@code predecessors} (it had not begun) lists
     * {@code {code, nameVi, nameEn, validFrom}}. Public so that a side's own handler can answer the same when the
     * exception reaches it wrapped (e.g. in Axon's {@code CommandExecutionException}).
     */
    public static ResponseEntity<Object> orgUnitNotValidProblem(OrgUnitNotValid ex, WebRequest request) {
        ResponseEntity<Object> response = problem(HttpStatus.CONFLICT, "Org unit not valid on that day",
                ex.getMessage(), request);
        if (response.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("rule", OrgUnitNotValid.RULE);
            problem.setProperty("errors", List.of(new FieldProblem(ex.field(), "names "
                    + ex.unit().code() + ", which did not exist on " + ex.day())));
            problem.setProperty("orgUnit", ex.unit().code());
            problem.setProperty("day", ex.day().toString());
            problem.setProperty(ex.ended() ? "successors" : "predecessors", ex.instead().stream()
                    .map(u -> new UnitInstead(u.code(), u.nameVi(), u.nameEn(), u.validFrom())).toList());
        }
        return response;
    }

    /** A unit to name instead of one that did not exist on the day asked. */
    public record UnitInstead(String code, String nameVi, String nameEn, java.time.LocalDate validFrom) {
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        // The exception's message may quote input; log its type and where it came from, not the message.
        log.error("Unexpected {} handling {}", ex.getClass().getName(), path(request),
                new SanitizedTrace(ex));
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed; nothing was recorded.", request);
    }

    public static ResponseEntity<Object> problem(HttpStatus status, String title, String detail,
                                                 WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(path(request)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A {@code 503 application/problem+json} answer with {@code Retry-After}: the shape of every refusal that asks
     * the client to come back later (a bulkhead, a count or a rebuild in progress).
     *
     * @param retryAfterSeconds the {@code Retry-After} header, in whole seconds
     * @param details           adds what the refusal names (its {@code type}, a {@code rule}, progress) to the problem
     */
    public static ResponseEntity<Object> unavailable(String title, String detail, WebRequest request,
                                                     long retryAfterSeconds, Consumer<ProblemDetail> details) {
        ProblemDetail problem = (ProblemDetail) problem(HttpStatus.SERVICE_UNAVAILABLE, title, detail, request)
                .getBody();
        details.accept(problem);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<Object> badRequest(List<FieldProblem> problems, WebRequest request) {
        String detail = problems.stream().map(p -> p.field() + ": " + p.problem())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                detail.isEmpty() ? "The request is not valid." : detail);
        problem.setTitle("Invalid request");
        problem.setInstance(URI.create(path(request)));
        problem.setProperty("errors", problems);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof RefusedJsonValue refused) {
            return new FieldProblem(field(refused), refused.problem());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(field(unknown), "is not a known field");
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return new FieldProblem(field(invalid), "must be " + expectedType(invalid.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatched) {
            // A property a record declares required (@JsonProperty(required = true)) and the body left out.
            String message = mismatched.getOriginalMessage();
            if (message != null && message.startsWith("Missing required creator property")) {
                return new FieldProblem(field(mismatched), "is required; send null when the value is not known");
            }
            Class<?> target = mismatched.getTargetType();
            return new FieldProblem(field(mismatched),
                    target == null ? "has the wrong type" : "must be " + expectedType(target));
        }
        if (cause instanceof InputCoercionException coercion && coercion.processor() != null) {
            String pointer = coercion.processor().streamReadContext().pathAsPointer().toString();
            String path = pointer.isEmpty() ? "body" : pointer.substring(1).replace('/', '.');
            return new FieldProblem(path, "is out of range");
        }
        if (cause instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate")) {
            return new FieldProblem("body", "holds the same key twice in one object");
        }
        if (cause instanceof StreamReadException read) {
            String where = read.getLocation() == null ? ""
                    : " at line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr();
            return new FieldProblem("body", "is not well-formed JSON" + where);
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return new FieldProblem(field(jackson), "is not valid");
        }
        return new FieldProblem("body", "is missing or not readable as JSON");
    }

    private static String field(JacksonException ex) {
        String path = ex.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String expectedType(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant, e.g. 2025-03-01T08:30:00Z";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object of the documented shape";
    }

    private static String describe(FieldError error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "/";
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return b.isEmpty() ? a : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /**
     * A throwable that keeps the stack trace of another but not its message, so a log line never quotes input.
     */
    static final class SanitizedTrace extends Throwable {

        SanitizedTrace(Throwable original) {
            super(original.getClass().getName(), null, false, true);
            setStackTrace(original.getStackTrace());
        }
    }
}
