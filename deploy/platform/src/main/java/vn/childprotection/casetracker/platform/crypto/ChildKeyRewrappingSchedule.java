package vn.childprotection.casetracker.platform.crypto;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * When {@link ChildKeyRewrapping} runs: at start, every raw key of an upgraded store is wrapped before the service
 * counts as started (so an upgrade needs no person); then every {@code casetracker.crypto.rewrap-interval}
 * ({@code PT1M}) a background thread looks for a new key-encryption key (a new file in the key directory) and
 * rewraps the rows under older ones. Rotation therefore needs no restart on the embedded default, and reads and
 * writes go on meanwhile. A pass that fails (database unreachable) is logged and tried again at the next interval.
 */
@Component
class ChildKeyRewrappingSchedule implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChildKeyRewrappingSchedule.class);

    private final ChildKeyRewrapping rewrapping;
    private final Duration interval;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "child-key-rewrapping");
        thread.setDaemon(true);
        return thread;
    });

    ChildKeyRewrappingSchedule(ChildKeyRewrapping rewrapping,
                               @Value("${casetracker.crypto.rewrap-interval:PT1M}") Duration interval) {
        this.rewrapping = rewrapping;
        this.interval = interval;
    }

    @Override
    public void run(ApplicationArguments args) {
        ChildKeyRewrapping.Pass wrapped = rewrapping.wrapRawKeys();
        if (wrapped.rewrapped() > 0 || wrapped.failed() > 0) {
            log.info("Child keys: {} raw keys wrapped under {} at start", wrapped.rewrapped(), wrapped.kekId());
        }
        background.scheduleWithFixedDelay(this::rewrap, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void rewrap() {
        try {
            rewrapping.rewrapAll();
        } catch (RuntimeException e) {
            log.warn("Child keys: rewrapping failed, tried again in {}: {}", interval, e.toString());
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
