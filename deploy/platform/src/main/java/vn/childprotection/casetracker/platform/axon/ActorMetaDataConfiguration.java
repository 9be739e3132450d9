package vn.childprotection.casetracker.platform.axon;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.CurrentActor;

/**
 * Records who did it on every event: a dispatch interceptor puts the signed-in user, org unit and role on each
 * command, and a correlation data provider copies them onto every event the command causes.
 */
@Configuration(proxyBeanMethods = false)
public class ActorMetaDataConfiguration {

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(ActorMetaData.USER, ActorMetaData.ORG_UNIT, ActorMetaData.ROLE);
    }

    @Bean
    public SmartInitializingSingleton actorOnEveryCommand(CommandBus commandBus, CurrentActor currentActor) {
        MessageDispatchInterceptor<CommandMessage<?>> interceptor = messages -> (index, command) -> {
            if (command.getMetaData().containsKey(ActorMetaData.USER)) {
                return command;
            }
            Actor actor = currentActor.require();
            Map<String, Object> who = new HashMap<>();
            who.put(ActorMetaData.USER, actor.username());
            who.put(ActorMetaData.ORG_UNIT, actor.orgUnit());
            who.put(ActorMetaData.ROLE, actor.role().name());
            return command.andMetaData(who);
        };
        return () -> commandBus.registerDispatchInterceptor(interceptor);
    }

}
