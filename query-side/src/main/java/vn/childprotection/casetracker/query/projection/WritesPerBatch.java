package vn.childprotection.casetracker.query.projection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection whose event handlers write nothing while they run: they collect their rows and documents in
 * the {@link ProjectionBatch} of the processor's batch, which writes them once, with batched statements, just before
 * the batch's transaction commits.
 * <p>
 * The handlers of such a class run between staged boundaries ({@link EventBoundaries.Strategy#STAGE_THEN_COMMIT}:
 * what a handler collected counts only once it returns) instead of in a savepoint per event.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WritesPerBatch {
}
