package vn.childprotection.casetracker.platform.orgunits;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The org units: the list shipped in {@code casetracker.org-units.location} (version 0) and every list an
 * administrator loaded since, recorded as {@code OrgStructureChanged} events (versions 1, 2, …). Every method below
 * reads the current structure (the latest version); {@link #asOf(Instant)} gives the one known at an instant.
 * <p>
 * At start the history is read back from the event store; afterwards the store is asked every
 * {@code casetracker.org-units.refresh-interval} (default 5 s) for the latest sequence number of the aggregate
 * {@code org-structure} — one indexed query — and newer versions recorded by another process are read in. A failed
 * check (database unreachable) keeps the versions already known and is tried again at the next interval.
 */
@Component
public class OrgUnitRegistry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrgUnitRegistry.class);

    private final AtomicReference<OrgStructureHistory> history;
    private final ObjectProvider<EventStore> eventStores;
    private final Duration refreshInterval;
    private volatile OrgStructureEvents events;
    private volatile ScheduledExecutorService refresher;
    private volatile boolean running;

    /**
     * The shipped list alone, with no event store (tests and tools).
     *
     * @param location   the shipped file, in the format of {@link OrgStructureDocument}
     * @param jsonMapper unused; kept for callers of the earlier signature
     * @throws IOException when the file cannot be read
     * @throws IllegalStateException when the file breaks a rule of {@link OrgStructureValidator}
     */
    public OrgUnitRegistry(Resource location, JsonMapper jsonMapper) throws IOException {
        this(location, null, Duration.ZERO);
    }

    /**
     * @param location        the shipped file ({@code casetracker.org-units.location})
     * @param eventStores     Axon's event store, where loadings are recorded; none means the shipped list only
     * @param refreshInterval how often to look for versions recorded by another process
     */
    @Autowired
    public OrgUnitRegistry(@Value("${casetracker.org-units.location:classpath:orgunits/org-units.json}")
                           Resource location, ObjectProvider<EventStore> eventStores,
                           @Value("${casetracker.org-units.refresh-interval:5s}") Duration refreshInterval)
            throws IOException {
        this.eventStores = eventStores;
        this.refreshInterval = refreshInterval;
        this.history = new AtomicReference<>(new OrgStructureHistory(shipped(location)));
    }

    private static OrgStructureVersion shipped(Resource location) throws IOException {
        try (InputStream in = location.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            OrgUnitFile file = OrgStructureDocument.read(bytes);
            return new OrgStructureVersion(0, OrgStructureDocument.sha256(bytes), null, file.source(), null,
                    new OrgStructure(file.orgUnits(), file.reportingGroups()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " in " + location, e);
        }
    }

    /** The structure in force now (the latest one loaded). */
    public OrgStructure current() {
        return history.get().latest().structure();
    }

    /** The structure that was known at {@code asOf} (UTC instant); the current one when null. */
    public OrgStructure asOf(Instant asOf) {
        return history.get().asOf(asOf).structure();
    }

    /** Every version known, the shipped list (version 0) first. */
    public OrgStructureHistory history() {
        return history.get();
    }

    /**
     * Reads in the versions recorded after the latest one known (by this process or another). Does nothing without
     * an event store.
     */
    public synchronized void refresh() {
        OrgStructureEvents store = events();
        if (store == null) {
            return;
        }
        int known = history.get().latest().version();
        if (store.latestVersion() > known) {
            OrgStructureHistory next = history.get();
            for (OrgStructureVersion version : store.readFrom(known + 1)) {
                next = next.with(version);
            }
            history.set(next);
            log.info("Org units: version {} in force", next.latest().version());
        }
    }

    /** Adds the version this process has just recorded (or reads in what the store holds, when it is not next). */
    synchronized void recorded(OrgStructureVersion version) {
        if (version.version() == history.get().latest().version() + 1) {
            history.set(history.get().with(version));
        } else {
            refresh();
        }
    }

    /** Where loadings are recorded, or null when this process has no event store. */
    OrgStructureEvents events() {
        if (events == null && eventStores != null) {
            EventStore store = eventStores.getIfAvailable();
            events = store == null ? null : new OrgStructureEvents(store);
        }
        return events;
    }

    @Override
    public void start() {
        refresh();
        running = true;
        if (events() != null && !refreshInterval.isZero() && !refreshInterval.isNegative()) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "org-units-refresh");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::refreshQuietly, refreshInterval.toMillis(),
                    refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
            refresher = executor;
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Org units: could not look for a newer version ({}); keeping version {}",
                    e.getClass().getName(), history.get().latest().version());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = refresher;
        refresher = null;
        running = false;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early: the history is read back before requests are served and before event processors start. */
    @Override
    public int getPhase() {
        return 0;
    }

    public Collection<OrgUnit> all() {
        return current().all();
    }

    public Optional<OrgUnit> find(String code) {
        return current().find(code);
    }

    public Collection<ReportingGroup> groups() {
        return current().groups();
    }

    public Optional<ReportingGroup> group(String code) {
        return current().group(code);
    }

    /** See {@link OrgStructure#require}. */
    public OrgUnit require(String field, String code, OrgUnitType... types) {
        return current().require(field, code, types);
    }

    /** See {@link OrgStructure#requireOn}. */
    public OrgUnit requireOn(String field, String code, LocalDate day, OrgUnitType... types) {
        return current().requireOn(field, code, day, types);
    }

    /** See {@link OrgStructure#requireArea}. */
    public OrgUnit requireArea(String field, String code) {
        return current().requireArea(field, code);
    }

    public List<OrgUnit> successorsOf(OrgUnit unit) {
        return current().successorsOf(unit);
    }

    public List<OrgUnit> predecessorsOf(OrgUnit unit) {
        return current().predecessorsOf(unit);
    }

    /** The documented file format: {@code {"source": …, "orgUnits": [OrgUnit…], "reportingGroups": […]}}. */
    public record OrgUnitFile(String source, List<OrgUnit> orgUnits, List<ReportingGroup> reportingGroups) {
    }
}
