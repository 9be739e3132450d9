package vn.childprotection.casetracker.query.indicators;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.admin.ProjectionRebuildEnded;
import vn.childprotection.casetracker.query.admin.ProjectionRebuilds;
import vn.childprotection.casetracker.query.admin.ProjectionSwitchingIn;
import vn.childprotection.casetracker.query.admin.RebuildRunningException;
import vn.childprotection.casetracker.query.admin.RebuildState;
import vn.childprotection.casetracker.query.admin.RebuildStatus;

/**
 * Fills {@code indicator_fact} after an upgrade without a manual step. A store that already held cases when V3_9 was
 * applied has none of their counted facts; once the service has started (Axon's processors running), if the facts
 * are not complete ({@link IndicatorFactsCompleteness}) and no rebuild of the {@code indicators} group runs, it
 * starts the ordinary rebuild of the group ({@link ProjectionRebuilds#start}, the code path of
 * {@code POST /api/v1/admin/projections/indicators/rebuild}, its progress logged and shown by
 * {@code GET /api/v1/admin/projections}), saying why at WARN. The old tables keep being written live meanwhile; the
 * answers counted from them are refused with 503 until the switch.
 * <p>
 * The facts become complete in the transaction that switches the rebuilt tables in ({@link ProjectionSwitchingIn}),
 * whoever started the rebuild. A rebuild that fails leaves them incomplete; the next start tries again.
 */
@Component
class IndicatorFactsBackfill {

    private static final Logger log = LoggerFactory.getLogger(IndicatorFactsBackfill.class);
    private static final String PROJECTION = IndicatorProjection.PROCESSING_GROUP;

    private final IndicatorFactsCompleteness completeness;
    private final FactsVersions versions;
    private final ProjectionRebuilds rebuilds;

    IndicatorFactsBackfill(IndicatorFactsCompleteness completeness, FactsVersions versions,
                           ProjectionRebuilds rebuilds) {
        this.completeness = completeness;
        this.versions = versions;
        this.rebuilds = rebuilds;
    }

    @EventListener(ApplicationReadyEvent.class)
    void serviceStarted() {
        resume();
    }

    /**
     * Starts the rebuild of the {@code indicators} group if the counted facts are incomplete and none runs.
     *
     * @return the rebuild started, or null when the facts are complete or a rebuild of the group runs already
     */
    RebuildStatus resume() {
        if (completeness.complete()) {
            return null;
        }
        if (rebuilds.status(PROJECTION).map(status -> status.state().active()).orElse(false)) {
            log.info("Indicator facts are incomplete; the rebuild of {} that fills them is running", PROJECTION);
            return null;
        }
        log.warn("Indicator facts are incomplete: this database held cases before indicator_fact (V3_9) existed, or "
                + "the rebuild that fills it did not finish. Rebuilding the {} projection now; until it switches in, "
                + "indicators, reports, the plan's targets and indicator statistics answer 503. Progress: "
                + "GET /api/v1/admin/projections/{}", PROJECTION, PROJECTION);
        try {
            return rebuilds.start(PROJECTION);
        } catch (RebuildRunningException e) {
            log.info("Indicator facts are incomplete; the rebuild of {} that fills them is running", PROJECTION);
            return null;
        }
    }

    /**
     * In the switch's transaction: the rebuilt facts are those of every case, and no answer counted from the facts
     * switched out is given again ({@link FactsVersions#newGeneration}).
     */
    @EventListener
    void switchingIn(ProjectionSwitchingIn switching) {
        if (PROJECTION.equals(switching.projection())) {
            versions.newGeneration();
            completeness.markComplete();
        }
    }

    @EventListener
    void rebuildEnded(ProjectionRebuildEnded ended) {
        RebuildStatus status = ended.status();
        if (!PROJECTION.equals(status.projection())) {
            return;
        }
        if (status.state() == RebuildState.FAILED && !completeness.complete()) {
            log.warn("The rebuild of {} failed ({}); indicator facts stay incomplete and their answers 503. It is "
                    + "tried again at the next start, or now with POST /api/v1/admin/projections/{}/rebuild",
                    PROJECTION, status.problem(), PROJECTION);
        } else if (status.state().switchedIn()) {
            log.info("Indicator facts are complete: the rebuild of {} switched in", PROJECTION);
        }
    }
}
