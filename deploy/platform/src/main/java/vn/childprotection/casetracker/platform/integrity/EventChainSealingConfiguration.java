package vn.childprotection.casetracker.platform.integrity;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sealer of the event chain and its schedule ({@link EventChainSealing}), with its meters when Micrometer is
 * present: gauge {@code casetracker.integrity.sealing.lag} (rows not yet linked into the store chain) and counter
 * {@code casetracker.integrity.unauthenticated.events} (rows found without a valid link MAC, never linked). Not
 * declared with Axon Server (which stores the events) nor with {@code casetracker.integrity.seal-events=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventChainSealingConfiguration {

    /**
     * @param interval {@code casetracker.integrity.seal-interval}: time between two turns of sealing (PT1S)
     */
    @Bean
    @ConditionalOnProperty(name = "casetracker.integrity.seal-events", havingValue = "true", matchIfMissing = true)
    public EventChainSealing eventChainSealing(DataSource dataSource, IntegrityKey key, AnchoringPolicy policy,
                                               Clock clock, ObjectProvider<MeterRegistry> meters,
                                               @Value("${casetracker.integrity.seal-interval:PT1S}")
                                               Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("casetracker.integrity.seal-interval must be positive, not " + interval);
        }
        EventChainAdoption adoption = new EventChainAdoption(key, policy.witness());
        EventChainSealer sealer = new EventChainSealer(dataSource, key, adoption);
        meters.ifAvailable(registry -> {
            Gauge.builder("casetracker.integrity.sealing.lag", sealer, EventChainSealer::lag)
                    .description("Event chain rows not yet linked into the store chain").baseUnit("events")
                    .register(registry);
            FunctionCounter.builder("casetracker.integrity.unauthenticated.events", sealer,
                            EventChainSealer::unauthenticated)
                    .description("Event chain rows found without a valid link MAC, never linked").baseUnit("events")
                    .register(registry);
        });
        return new EventChainSealing(sealer, adoption, new ChainAnchoring(policy, clock), dataSource, interval);
    }
}
