package vn.childprotection.casetracker.query.deadletters;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Retries a projection's parked events once a fix is deployed, through Axon's {@link SequencedDeadLetterProcessor}
 * of the live processing group: the same handlers, interceptors and enqueue policy as live processing.
 * <p>
 * Each case (sequence) is tried once, the least recently tried first: its events in order, each in its own unit of
 * work; an event applied is removed from the queue, and the next of the case follows. An event that fails again
 * stays parked with the new error and its last attempt updated, and the case's later events keep waiting. A
 * transient failure (the database unreachable) ends the retry with that error; nothing is lost, the events stay
 * parked. A case whose new event is parked while its retry runs may keep that one event (WAITING): retry again.
 */
@Service
public class DeadLetterRetries {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetries.class);

    private final EventProcessingConfiguration processing;
    private final ParkedEvents parked;

    public DeadLetterRetries(EventProcessingConfiguration processing, ParkedEvents parked) {
        this.processing = processing;
        this.parked = parked;
    }

    /**
     * Retries every case with parked events in the group, synchronously.
     *
     * @param projection      the projection's name, for the answer
     * @param processingGroup its processing group
     * @return how many cases were tried and cleared, and what is left
     * @throws IllegalStateException if the group has no dead-letter queue
     */
    public RetryOutcome retry(String projection, String processingGroup) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> new IllegalStateException("Processing group " + processingGroup
                        + " has no dead-letter queue"));
        ParkedCount before = parked.count(processingGroup);
        int cleared = 0;
        int tried = 0;
        for (long i = 0; i < before.cases(); i++) {
            tried++;
            if (processor.processAny()) {
                cleared++;
            }
        }
        ParkedCount after = parked.count(processingGroup);
        log.info("Retry of the parked events of {}: {} case(s) tried, {} cleared, {} event(s) still parked",
                projection, tried, cleared, after.events());
        return new RetryOutcome(projection, tried, cleared, before.events(), after.events(), after.cases());
    }
}
