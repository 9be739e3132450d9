package vn.childprotection.casetracker.query.projection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one projection collects from one batch of events (one unit of work, one transaction of a streaming
 * processor), written once, just before the transaction commits: rows as JDBC batch statements (per statement text,
 * plain inserts and {@code ON CONFLICT DO NOTHING} ones merged into multi-row statements, {@link MultiRowInserts};
 * others one {@link JdbcTemplate#batchUpdate(String, List)}), and documents folded in memory (each loaded at most once
 * and written once per batch, by the projection's own writer).
 * <p>
 * Use it from the event handlers of a {@link WritesPerBatch} projection: {@link #of} gives the batch of the current
 * unit of work (created on first use, its writing registered with {@link UnitOfWork#onPrepareCommit}). What a
 * handler adds ({@link #add}, {@link #fold}) is held apart until the handler returns, then joins the batch
 * ({@link EventBoundaries}); when the handler throws it is dropped, so an event the dead-letter queue parks
 * leaves no trace in the batch. Outside a processor's batch ({@link BatchingUnitOfWork}: a retry of parked events,
 * or no unit of work at all) each event's writes go out when its handler returns, as before batching.
 * <p>
 * Statements with different texts are written in the order their text first appeared in the batch, not in the order
 * of the events: a projection uses several texts only when their rows are independent of each other.
 */
public final class ProjectionBatch {

    private final JdbcTemplate jdbc;
    private final Consumer<ProjectionBatch> writer;
    private final boolean immediate;
    private final Map<String, List<Object[]>> statements = new LinkedHashMap<>();
    private final Map<String, List<Object[]>> stagedStatements = new LinkedHashMap<>();
    private final Map<String, Object> documents = new HashMap<>();
    private final Map<String, Object> stagedDocuments = new LinkedHashMap<>();
    private final Map<String, Object> asLoaded = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final UnitOfWork<?> unitOfWork;
    private List<Object> payloads;

    private boolean writing;

    private ProjectionBatch(JdbcTemplate jdbc, Consumer<ProjectionBatch> writer, boolean immediate,
                            UnitOfWork<?> unitOfWork) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.immediate = immediate;
        this.unitOfWork = unitOfWork;
    }

    /**
     * The batch of {@code projection} in the current unit of work, created on first use.
     *
     * @param projection the projection object (one batch per projection class and unit of work)
     * @param jdbc       where the rows go
     * @param writer     called once before the statements are written, to turn the folded documents into rows
     *                   ({@link #changedDocuments}, {@link #add}); may do nothing
     */
    public static ProjectionBatch of(Object projection, JdbcTemplate jdbc, Consumer<ProjectionBatch> writer) {
        String key = resourceKey(projection);
        if (!CurrentUnitOfWork.isStarted()) {
            return STANDALONE.get().computeIfAbsent(key, k -> new ProjectionBatch(jdbc, writer, true, null));
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        ProjectionBatch existing = unitOfWork.getResource(key);
        if (existing != null) {
            return existing;
        }
        if (!(unitOfWork instanceof BatchingUnitOfWork<?>)) {
            return unitOfWork.getOrComputeResource(key, k -> new ProjectionBatch(jdbc, writer, true, null));
        }
        // Looked up before the batch is added: it keeps the first event among the same resources, and a resource
        // must not be added while another is being computed (the map refuses it).
        String handedAgain = failedBatchKey(projection, unitOfWork);
        return unitOfWork.getOrComputeResource(key, k -> {
            if (EACH_EVENT.contains(handedAgain)) {
                unitOfWork.afterCommit(u -> EACH_EVENT.remove(handedAgain));
                return new ProjectionBatch(jdbc, writer, true, null);
            }
            ProjectionBatch batch = new ProjectionBatch(jdbc, writer, false, unitOfWork);
            unitOfWork.onPrepareCommit(u -> {
                try {
                    batch.write();
                } catch (RuntimeException failure) {
                    EACH_EVENT.add(handedAgain);
                    throw failure;
                }
            });
            return batch;
        });
    }

    /**
     * The payloads of every event of the batch (handled by this projection or not), for loading in one query what
     * the batch will need. Reading them deserialises every event of the batch, also those the projection does not
     * handle: when the aggregate identifiers suffice, {@link #aggregateIdentifiers} costs nothing.
     */
    public List<Object> payloads() {
        if (payloads == null) {
            payloads = unitOfWork == null ? List.of() : payloadsOf(unitOfWork);
        }
        return payloads;
    }

    /**
     * The aggregate identifiers of the events of the batch (a case's events carry its case id), read from the stored
     * columns without deserialising any payload; empty outside a processor's batch.
     */
    public Set<String> aggregateIdentifiers() {
        Set<String> identifiers = new LinkedHashSet<>();
        if (unitOfWork != null && unitOfWork.root() instanceof BatchingUnitOfWork<?> batch) {
            batch.getMessages().forEach(message -> {
                if (message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
                    identifiers.add(event.getAggregateIdentifier());
                }
            });
        }
        return identifiers;
    }

    /** Adds a row to write with {@code sql} (a fixed statement of the projection, never input). */
    public void add(String sql, Object... arguments) {
        (writing ? statements : stagedStatements).computeIfAbsent(sql, s -> new ArrayList<>()).add(arguments);
    }

    /**
     * The folded document under {@code key}: as the handlers of this batch left it, or as loaded ({@link #loaded}),
     * or null when neither.
     */
    @SuppressWarnings("unchecked")
    public <T> T document(String key) {
        Object staged = stagedDocuments.get(key);
        return (T) (staged != null ? staged : documents.get(key));
    }

    /** Whether a document under {@code key} was folded or loaded in this batch (loaded as absent counts). */
    public boolean knows(String key) {
        return stagedDocuments.containsKey(key) || documents.containsKey(key);
    }

    /**
     * Remembers a document as it is stored ({@code null}: there is none); it is not written again unless folded. A
     * document folded in this batch already keeps its folded state (and its state as loaded,
     * {@link #loadedDocument}).
     */
    public void loaded(String key, Object document) {
        if (!changed.contains(key) && !stagedDocuments.containsKey(key)) {
            asLoaded.putIfAbsent(key, document);
        }
        documents.putIfAbsent(key, document);
    }

    /**
     * The document under {@code key} as it was loaded in this batch ({@link #loaded}), before any handler folded it:
     * what the batch's transaction read of it, which is what is stored until the batch writes. Null when it was
     * loaded as absent or not loaded at all.
     */
    @SuppressWarnings("unchecked")
    public <T> T loadedDocument(String key) {
        return (T) asLoaded.get(key);
    }

    /** Replaces the document under {@code key} with its new state, written when the batch commits. */
    public void fold(String key, Object document) {
        stagedDocuments.put(key, document);
    }

    /** The documents folded in this batch, by key, in the order they were first changed. */
    public Map<String, Object> changedDocuments() {
        Map<String, Object> result = new LinkedHashMap<>();
        changed.forEach(key -> result.put(key, documents.get(key)));
        return Collections.unmodifiableMap(result);
    }

    private void accept() {
        stagedStatements.forEach((sql, rows) -> statements.computeIfAbsent(sql, s -> new ArrayList<>()).addAll(rows));
        stagedStatements.clear();
        documents.putAll(stagedDocuments);
        changed.addAll(stagedDocuments.keySet());
        stagedDocuments.clear();
        if (immediate) {
            write();
        }
    }

    private void discard() {
        stagedStatements.clear();
        stagedDocuments.clear();
    }

    private void write() {
        writing = true;
        try {
            writer.accept(this);
            if (immediate) {
                statements.forEach((sql, rows) -> rows.forEach(row -> jdbc.update(sql, row)));
            } else {
                statements.forEach((sql, rows) -> MultiRowInserts.write(jdbc, sql, rows));
            }
        } finally {
            statements.clear();
            changed.clear();
            writing = !immediate;
            if (immediate) {
                documents.clear();
                asLoaded.clear();
            }
        }
    }

    /**
     * Whether the current batch of {@code projection} writes each event's rows when its handler returns (and the
     * handler must then run in a savepoint): outside a processor's batch (no unit of work, or a single event's, as
     * when the dead-letter queue retries a parked event), and for the batch that follows a batch whose writing
     * failed.
     */
    static boolean writesEachEvent(Object projection) {
        ProjectionBatch batch = current(projection);
        if (batch != null) {
            return batch.immediate;
        }
        return !CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?>)
                || EACH_EVENT.contains(failedBatchKey(projection, CurrentUnitOfWork.get()));
    }

    static void eventHandled(Object projection) {
        ProjectionBatch batch = current(projection);
        if (batch != null) {
            batch.accept();
        }
        if (!CurrentUnitOfWork.isStarted()) {
            STANDALONE.get().remove(resourceKey(projection));
        }
    }

    static void eventFailed(Object projection) {
        ProjectionBatch batch = current(projection);
        if (batch != null) {
            batch.discard();
        }
        if (!CurrentUnitOfWork.isStarted()) {
            STANDALONE.get().remove(resourceKey(projection));
        }
    }

    private static ProjectionBatch current(Object projection) {
        String key = resourceKey(projection);
        if (!CurrentUnitOfWork.isStarted()) {
            return STANDALONE.get().get(key);
        }
        return CurrentUnitOfWork.get().getResource(key);
    }

    /**
     * The batches whose writing failed, each named by its projection and its first event
     * ({@link #failedBatchKey}). A batch's rows are written together, so a row PostgreSQL refuses (a value it cannot
     * hold, a constraint) fails the whole batch, and no single event can be blamed. The processor rolls the batch back
     * and hands the same events again, from the same first event; this time that projection writes each event's rows
     * as its handler returns, in the handler's savepoint, so the one event that fails is parked like any failing
     * event and the others commit. After that batch commits, batches are written whole again. Keyed by the first
     * event, not by the projection alone, so that the batch of another segment committing in between neither clears
     * the mark of the failed one nor is written event by event itself.
     */
    private static final Set<String> EACH_EVENT = ConcurrentHashMap.newKeySet();

    /**
     * The projection and the identifier of the first event of the unit of work (the batch handed again). Asked for
     * every event a projection handles; Axon's {@link BatchingUnitOfWork#getMessages()} copies the whole batch into a
     * new list, so the identifier is looked up once per batch and kept among the batch's resources (asking Axon each
     * time made a batch of n events cost n² steps: half of a rebuild's time with batches of 250).
     */
    private static String failedBatchKey(Object projection, UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        String first = root.getOrComputeResource(FIRST_EVENT, k -> root instanceof BatchingUnitOfWork<?> batch
                && !batch.getMessages().isEmpty() ? batch.getMessages().get(0).getIdentifier() : "");
        return resourceKey(projection) + "@" + first;
    }

    private static final String FIRST_EVENT = ProjectionBatch.class.getName() + "/firstEvent";

    private static final ThreadLocal<Map<String, ProjectionBatch>> STANDALONE = ThreadLocal.withInitial(HashMap::new);

    /** The key of a projection's batch among the unit of work's resources, one string per projection class. */
    private static final ClassValue<String> RESOURCE_KEYS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return ProjectionBatch.class.getName() + "/" + type.getName();
        }
    };

    private static String resourceKey(Object projection) {
        return RESOURCE_KEYS.get(projection.getClass());
    }

    private static List<Object> payloadsOf(UnitOfWork<?> unitOfWork) {
        if (unitOfWork.root() instanceof BatchingUnitOfWork<?> batch) {
            List<Object> payloads = new ArrayList<>(batch.getMessages().size());
            batch.getMessages().forEach(message -> addPayload(message, payloads));
            return payloads;
        }
        List<Object> payloads = new ArrayList<>(1);
        addPayload(unitOfWork.getMessage(), payloads);
        return payloads;
    }

    /**
     * An event that cannot be read is left out here: its own handler meets the failure and the dead-letter queue
     * parks that event alone.
     */
    private static void addPayload(Message<?> message, List<Object> payloads) {
        try {
            payloads.add(message.getPayload());
        } catch (RuntimeException unreadable) {
            // see above
        }
    }
}
