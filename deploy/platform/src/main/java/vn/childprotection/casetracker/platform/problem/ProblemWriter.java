package vn.childprotection.casetracker.platform.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@code application/problem+json} answer where no controller is involved (security, filters).
 */
@Component
public class ProblemWriter {

    private final JsonMapper jsonMapper;

    public ProblemWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public void write(HttpServletResponse response, HttpStatus status, String title, String detail, String path)
            throws IOException {
        write(response, status, title, detail, path, Map.of());
    }

    /**
     * As {@link #write(HttpServletResponse, HttpStatus, String, String, String)}, with extra members such as
     * {@code rule}.
     */
    public void write(HttpServletResponse response, HttpStatus status, String title, String detail, String path,
                      Map<String, Object> properties) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        if (path != null) {
            problem.setInstance(URI.create(safePath(path)));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }

    /**
     * Writes a 400 whose {@code errors} list each field and its problem, as the API's exception handler does.
     */
    public void writeBadRequest(HttpServletResponse response, List<FieldProblem> problems, String path)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, problems.stream()
                .map(p -> p.field() + ": " + p.problem()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setInstance(URI.create(safePath(path)));
        problem.setProperty("errors", problems);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }

    private static String safePath(String path) {
        return path != null && path.matches("[A-Za-z0-9/._~%!$&'()*+,;=:@-]*") ? path : "/";
    }
}
