package vn.childprotection.casetracker.command.targets;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.exc.MismatchedInputException;
import vn.childprotection.casetracker.platform.problem.ApiExceptionHandler;
import vn.childprotection.casetracker.platform.problem.FieldProblem;

/**
 * Names an item left out of a {@link CommuneTargetsRequest} as such ("is required; null when not reported") rather
 * than as a value of the wrong type. Every other unreadable body is answered as everywhere else.
 */
@RestControllerAdvice(assignableTypes = CommuneTargetsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommuneTargetsRequestProblems {

    private final ApiExceptionHandler problems;

    CommuneTargetsRequestProblems(ApiExceptionHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, WebRequest request) throws Exception {
        if (ex.getMostSpecificCause() instanceof MismatchedInputException missing
                && missing.getOriginalMessage() != null
                && missing.getOriginalMessage().startsWith("Missing required creator property")
                && !missing.getPath().isEmpty() && missing.getPath().get(0).getPropertyName() != null) {
            String field = missing.getPath().get(missing.getPath().size() - 1).getPropertyName();
            return problems.badRequest(new InvalidCommuneTargets(List.of(new FieldProblem(field,
                    "is required; send null when not reported"))), request);
        }
        return problems.handleException(ex, request);
    }
}
