package vn.childprotection.casetracker.command.children;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@value JdbcKnownChildren#PROCESSING_GROUP} processor runs subscribing (property
 * {@code axon.eventhandling.processors.known-children.mode=subscribing}), inside the transaction that stores the
 * events; a failure there fails the command instead of being logged and lost.
 */
@Configuration(proxyBeanMethods = false)
public class KnownChildrenConfiguration {

    @Bean
    public ConfigurerModule knownChildrenErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                JdbcKnownChildren.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
