package vn.childprotection.casetracker.query.paging;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.problem.FieldProblem;

/**
 * The {@code page} and {@code size} parameters of the lists that were read by page number until API 0.4.0 (the
 * audit trail, the access log, the break-the-glass grants, the cases waiting for their successor). They are refused
 * with a 400 naming each, rather than ignored: a client still sending {@code page=1} would otherwise be given the
 * first page again and again.
 */
public final class RetiredPageParameters {

    /** What a client still sending them is told. */
    public static final String PROBLEM = "is no longer accepted (API 0.4.0): read the first page with limit (1 to "
            + PageLimit.MAX + "), then follow each page's next link";

    private RetiredPageParameters() {
    }

    /**
     * Refuses a request that names {@code page} or {@code size}, whatever their values.
     *
     * @throws BadRequestException naming each of them that was sent
     */
    public static void refuse(HttpServletRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String parameter : List.of("page", "size")) {
            if (request.getParameterMap().containsKey(parameter)) {
                problems.add(new FieldProblem(parameter, PROBLEM));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems);
        }
    }
}
