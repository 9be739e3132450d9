package vn.childprotection.casetracker.command.web;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;
import vn.childprotection.casetracker.command.casefile.AccessRefused;
import vn.childprotection.casetracker.command.casefile.ProcedureRule;
import vn.childprotection.casetracker.command.casefile.ProcedureViolation;
import vn.childprotection.casetracker.command.casefile.SuccessorCommuneToChoose;
import vn.childprotection.casetracker.command.casefile.UnknownInterventionException;
import vn.childprotection.casetracker.command.deadlines.WorkingCalendarMissing;
import vn.childprotection.casetracker.command.intake.IdempotencyKeyReused;
import vn.childprotection.casetracker.platform.orgunits.OrgUnit;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitNotValid;
import vn.childprotection.casetracker.platform.problem.ApiExceptionHandler;

/**
 * Maps the procedure's refusals: 409 naming the rule (also for a working-day limit without calendar data, and with
 * the candidate {@code successors} for {@code successor-commune-to-choose}), 409 {@code org-unit-not-valid} for a
 * unit named on a day it did not exist (thrown by a controller or by the case file), 404 for an unknown case or
 * intervention, 409 for a version conflict or a reused idempotency key.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandExceptionHandler {

    @ExceptionHandler(ProcedureViolation.class)
    ResponseEntity<Object> violation(ProcedureViolation ex, WebRequest request) {
        ResponseEntity<Object> response = withProperties(ApiExceptionHandler.problem(HttpStatus.CONFLICT,
                "Not allowed by the procedure", ex.getMessage(), request), Map.of("rule", ex.rule().code()));
        if (ex instanceof SuccessorCommuneToChoose choose) {
            return withProperties(response, Map.of("successors", units(choose.successors())));
        }
        return response;
    }

    /**
     * A unit named on a day it did not exist, found by a controller or by the case file: 409
     * {@code org-unit-not-valid} with {@code successors} (it had ceased) or {@code predecessors} (it had not begun),
     * each {@code {code, nameVi, nameEn, validFrom}}, as {@link ApiExceptionHandler#orgUnitNotValidProblem} answers it.
     */
    @ExceptionHandler(OrgUnitNotValid.class)
    ResponseEntity<Object> orgUnitNotValid(OrgUnitNotValid ex, WebRequest request) {
        return ApiExceptionHandler.orgUnitNotValidProblem(ex, request);
    }

    private static List<ApiExceptionHandler.UnitInstead> units(List<OrgUnit> units) {
        return units.stream().map(u -> new ApiExceptionHandler.UnitInstead(u.code(), u.nameVi(), u.nameEn(),
                u.validFrom())).toList();
    }

    /**
     * A step whose working-day limit would run into a year without calendar data: 409 with the rule
     * {@code working-calendar-missing}, the year and the file to update in the detail.
     */
    @ExceptionHandler(WorkingCalendarMissing.class)
    ResponseEntity<Object> calendarMissing(WorkingCalendarMissing ex, WebRequest request) {
        return withProperties(violation(new ProcedureViolation(ProcedureRule.WORKING_CALENDAR_MISSING,
                ex.getMessage()), request), Map.of("year", ex.year()));
    }

    @ExceptionHandler(AccessRefused.class)
    ResponseEntity<Object> refused(AccessRefused ex, WebRequest request) {
        ResponseEntity<Object> response = withProperties(ApiExceptionHandler.problem(HttpStatus.FORBIDDEN,
                "Not allowed for your role", ex.getMessage(), request), Map.of("rule", "role-not-allowed"));
        // A refusal names the endpoint, not the case.
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        if (pattern != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setInstance(UriComponentsBuilder.fromPath(pattern.toString()).build().encode().toUri());
        }
        return response;
    }

    @ExceptionHandler(UnknownInterventionException.class)
    ResponseEntity<Object> unknownIntervention(UnknownInterventionException ex, WebRequest request) {
        return ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> unknownCase(AggregateNotFoundException ex, WebRequest request) {
        return ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "Not found", "There is no case with this id.",
                request);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> versionConflict(ConflictingAggregateVersionException ex, WebRequest request) {
        return withProperties(ApiExceptionHandler.problem(HttpStatus.CONFLICT, "Version conflict",
                "The case has changed since version " + (ex.getExpectedVersion() + 1) + "; it is now at version "
                        + (ex.getActualVersion() + 1) + ". Read it again and retry.", request),
                Map.of("rule", "version-conflict", "currentVersion", ex.getActualVersion() + 1));
    }

    /**
     * Another write to the same case was stored first (possible when several command-side instances run): nothing
     * of this one was stored, and repeating it is safe.
     */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentWrite(ConcurrencyException ex, WebRequest request) {
        return withProperties(ApiExceptionHandler.problem(HttpStatus.CONFLICT, "Concurrent change",
                "The case was changed by another request at the same moment; nothing was recorded. Retry.",
                request), Map.of("rule", "concurrent-change"));
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<Object> keyReused(IdempotencyKeyReused ex, WebRequest request) {
        return withProperties(ApiExceptionHandler.problem(HttpStatus.CONFLICT, "Idempotency key reused",
                ex.getMessage(), request), Map.of("rule", "idempotency-key-reused"));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> execution(CommandExecutionException ex, WebRequest request) throws Exception {
        Throwable cause = ex.getCause();
        if (cause instanceof ProcedureViolation v) {
            return violation(v, request);
        }
        if (cause instanceof OrgUnitNotValid o) {
            return orgUnitNotValid(o, request);
        }
        if (cause instanceof WorkingCalendarMissing w) {
            return calendarMissing(w, request);
        }
        if (cause instanceof AccessRefused a) {
            return refused(a, request);
        }
        if (cause instanceof UnknownInterventionException u) {
            return unknownIntervention(u, request);
        }
        if (cause instanceof AggregateNotFoundException a) {
            return unknownCase(a, request);
        }
        if (cause instanceof ConflictingAggregateVersionException c) {
            return versionConflict(c, request);
        }
        throw ex;
    }

    private static ResponseEntity<Object> withProperties(ResponseEntity<Object> response, Map<String, Object> props) {
        if (response.getBody() instanceof ProblemDetail problem) {
            props.forEach(problem::setProperty);
        }
        return response;
    }
}
