package vn.childprotection.casetracker.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMember;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One boundary per event, with the strategy of the projection's class: a savepoint now, or staged in the batch.
 */
class EventBoundariesTest {

    private final Savepoints savepoints = new Savepoints();
    private final EventBoundaries boundaries = new EventBoundaries(savepoints);

    @BeforeEach
    void inATransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
    }

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void the_strategy_follows_the_projection_class() {
        assertThat(EventBoundaries.Strategy.of(WritingAsItGoes.class))
                .isEqualTo(EventBoundaries.Strategy.SAVEPOINT_NOW);
        assertThat(EventBoundaries.Strategy.of(Staging.class))
                .isEqualTo(EventBoundaries.Strategy.STAGE_THEN_COMMIT);
    }

    @Test
    void a_projection_writing_as_it_goes_runs_each_event_in_a_savepoint_rolled_back_alone_when_it_fails()
            throws Exception {
        WritingAsItGoes projection = new WritingAsItGoes();

        handler(WritingAsItGoes.class).handle(event("ok"), projection);
        assertThatThrownBy(() -> handler(WritingAsItGoes.class).handle(event("poison"), projection))
                .isInstanceOf(IllegalStateException.class);

        assertThat(savepoints.calls).containsExactly("savepoint", "release", "savepoint", "rollback");
    }

    @Test
    void a_staging_projection_in_a_processor_batch_takes_no_savepoint_and_drops_what_a_failed_event_collected()
            throws Exception {
        Staging projection = new Staging();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.of(event("a"), event("b")));
        unitOfWork.start();
        try {
            handler(Staging.class).handle(event("kept"), projection);
            assertThatThrownBy(() -> handler(Staging.class).handle(event("poison"), projection))
                    .isInstanceOf(IllegalStateException.class);

            ProjectionBatch batch = ProjectionBatch.of(projection, null, b -> { });
            assertThat(batch.<String>document("kept")).isEqualTo("folded");
            assertThat(batch.knows("poison")).isFalse();
            assertThat(savepoints.calls).isEmpty();
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void a_staging_projection_outside_a_processor_batch_writes_each_event_in_a_savepoint() throws Exception {
        Staging projection = new Staging();

        handler(Staging.class).handle(event("kept"), projection);
        assertThatThrownBy(() -> handler(Staging.class).handle(event("poison"), projection))
                .isInstanceOf(IllegalStateException.class);

        assertThat(savepoints.calls).containsExactly("savepoint", "release", "savepoint", "rollback");
    }

    private <T> MessageHandlingMember<T> handler(Class<T> projection) throws NoSuchMethodException {
        return boundaries.wrapHandler(new AnnotatedMessageHandlingMember<>(
                projection.getDeclaredMethod("on", String.class), EventMessage.class, String.class,
                ClasspathParameterResolverFactory.forClass(projection)));
    }

    private static EventMessage<String> event(String payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    static final class WritingAsItGoes {

        void on(String payload) {
            if (payload.equals("poison")) {
                throw new IllegalStateException("cannot apply " + payload);
            }
        }
    }

    @WritesPerBatch
    static final class Staging {

        void on(String payload) {
            ProjectionBatch.of(this, null, batch -> { }).fold(payload, "folded");
            if (payload.equals("poison")) {
                throw new IllegalStateException("cannot apply " + payload);
            }
        }
    }

    /** Records the savepoints the boundaries take, release and roll back. */
    private static final class Savepoints implements PlatformTransactionManager {

        final List<String> calls = new ArrayList<>();

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            assertThat(definition.getPropagationBehavior()).isEqualTo(TransactionDefinition.PROPAGATION_NESTED);
            calls.add("savepoint");
            return new SimpleTransactionStatus(false);
        }

        @Override
        public void commit(TransactionStatus status) {
            calls.add("release");
        }

        @Override
        public void rollback(TransactionStatus status) {
            calls.add("rollback");
        }
    }
}
