package vn.childprotection.casetracker.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The container's refusals keep their status, except a 400 once the service has begun to stop: that one is the
 * stop's (Tomcat's 503 for a request on a paused connector, turned into 400), answered 503 with Retry-After.
 */
class ProblemErrorControllerTest {

    @Test
    void a_container_refusal_keeps_its_status_while_the_service_runs() {
        ProblemErrorController controller = new ProblemErrorController();

        ResponseEntity<ProblemDetail> answer = controller.error(refused(400));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(answer.getBody().getDetail()).contains("Nothing was recorded");
    }

    @Test
    void once_the_context_closes_a_400_from_the_container_is_a_503_to_retry_and_other_statuses_stay() {
        ProblemErrorController controller;
        try (AnnotationConfigApplicationContext context =
                     new AnnotationConfigApplicationContext(ProblemErrorController.class)) {
            controller = context.getBean(ProblemErrorController.class);
            assertThat(controller.error(refused(400)).getStatusCode().value()).as("running").isEqualTo(400);
        }

        ResponseEntity<ProblemDetail> stopping = controller.error(refused(400));
        assertThat(stopping.getStatusCode().value()).isEqualTo(503);
        assertThat(stopping.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(stopping.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stopping.getBody().getStatus()).isEqualTo(503);
        assertThat(stopping.getBody().getDetail()).contains("stopping").contains("Nothing was recorded");
        assertThat(controller.error(refused(404)).getStatusCode().value()).isEqualTo(404);
        assertThat(controller.error(refused(405)).getStatusCode().value()).isEqualTo(405);
    }

    private static MockHttpServletRequest refused(int status) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/cases");
        return request;
    }
}
