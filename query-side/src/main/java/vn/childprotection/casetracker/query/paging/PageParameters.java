package vn.childprotection.casetracker.query.paging;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How every paged list documents its two query parameters in the API document, once: put {@link Limit} on the
 * {@code limit} parameter and {@link Cursor} on the {@code cursor} parameter of a controller method, next to their
 * {@code @RequestParam(required = false)}. springdoc reads them as merged annotations, so the document says exactly
 * what {@link PageLimit} and {@link PageCursor} check ({@link PageRequest#of} refuses anything else with a 400).
 */
public final class PageParameters {

    private PageParameters() {
    }

    /** {@code limit}: rows per page, {@value PageLimit#DEFAULT} when not given, 1 to {@value PageLimit#MAX}. */
    @Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Parameter(description = PageLimit.DESCRIPTION, example = "" + PageLimit.DEFAULT, schema = @Schema(type = "integer",
            minimum = "1", maximum = "" + PageLimit.MAX, defaultValue = "" + PageLimit.DEFAULT))
    public @interface Limit {
    }

    /** {@code cursor}: where the page starts, as the previous page's {@code next} link gives it. */
    @Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Parameter(description = PageCursor.DESCRIPTION, example = PageCursor.EXAMPLE)
    public @interface Cursor {
    }
}
