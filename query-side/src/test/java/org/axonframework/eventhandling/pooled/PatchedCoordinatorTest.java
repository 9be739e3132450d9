package org.axonframework.eventhandling.pooled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the patched {@link Coordinator} and {@link WorkPackage} change in a running pooled streaming processor (one
 * segment, batch size 1,000, events already stored when it starts, an in-memory store):
 * <ul>
 *   <li>the worker starts once the coordinator has handed over what it read, so the first batch is full; Axon's
 *       copies started it on the first event handed over;</li>
 *   <li>a coordinator waiting for room in a full work package is woken by the worker taking a batch: with its 100 ms
 *       retries never run, every event is still handled; Axon's copies stop at the first full queue.</li>
 * </ul>
 */
class PatchedCoordinatorTest {

    private static final int BATCH_SIZE = 1000;

    private final List<Integer> handled = new CopyOnWriteArrayList<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final List<ScheduledExecutorService> executors = new ArrayList<>();
    private PooledStreamingEventProcessor processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        executors.forEach(ScheduledExecutorService::shutdownNow);
    }

    @Test
    void the_first_batch_holds_what_the_coordinator_read_not_the_first_event_of_it() {
        int events = 3 * BATCH_SIZE;
        start(events, executor("Coordinator"));

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == events);
        assertThat(batchSizes.get(0)).as("the first batch").isEqualTo(BATCH_SIZE);
        assertThat(handled).containsExactlyElementsOf(IntStream.range(0, events).boxed().toList());
    }

    @Test
    void a_worker_taking_a_batch_wakes_the_coordinator_without_its_100_ms_retry() {
        int events = 10 * WorkPackage.BUFFER_SIZE;
        NoCapacityRetries coordinator = new NoCapacityRetries();
        executors.add(coordinator);
        start(events, coordinator);

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == events);
        assertThat(coordinator.dropped.get()).as("100 ms retries scheduled and never run").isPositive();
        assertThat(handled).containsExactlyElementsOf(IntStream.range(0, events).boxed().toList());
    }

    private void start(int events, ScheduledExecutorService coordinator) {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .optimizeEventConsumption(false)
                .build();
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            messages.add(GenericEventMessage.asEventMessage(i));
        }
        store.publish(messages);
        processor = PooledStreamingEventProcessor.builder()
                .name("patched-coordinator-test")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Handler()).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(executor("WorkPackage"))
                .initialSegmentCount(1)
                .batchSize(BATCH_SIZE)
                .build();
        processor.start();
    }

    private ScheduledExecutorService executor(String name) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, name));
        executors.add(executor);
        return executor;
    }

    /** Records each event and, on the first event of a batch, the batch's size. */
    class Handler {

        @EventHandler
        void on(Integer event) {
            BatchingUnitOfWork<?> batch = (BatchingUnitOfWork<?>) CurrentUnitOfWork.get();
            if (batch.isFirstMessage()) {
                batchSizes.add(batch.getMessages().size());
            }
            handled.add(event);
        }
    }

    /** The coordinator's executor, except that a task delayed by exactly 100 ms is never run (only counted). */
    static class NoCapacityRetries extends ScheduledThreadPoolExecutor {

        final AtomicInteger dropped = new AtomicInteger();

        NoCapacityRetries() {
            super(1, r -> new Thread(r, "Coordinator"));
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (unit.toMillis(delay) == 100) {
                dropped.incrementAndGet();
                return super.schedule(() -> { }, 1, TimeUnit.DAYS);
            }
            return super.schedule(command, delay, unit);
        }
    }
}
