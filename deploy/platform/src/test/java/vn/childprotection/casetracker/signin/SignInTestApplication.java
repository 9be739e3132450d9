package vn.childprotection.casetracker.signin;

import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.PlatformConfiguration;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.CurrentActor;

/**
 * The platform alone, with two endpoints that show who is signed in: {@code GET /test/actor} answers
 * {@link CurrentActor#require()}, {@code POST /test/command} sends a command and answers the actor metadata the
 * platform's dispatch interceptor put on it.
 * <p>
 * It lives outside {@code vn.childprotection.casetracker.platform} on purpose: {@link PlatformConfiguration} scans
 * that package, and would pick up a test application placed under it in every context.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PlatformConfiguration.class, SignInTestApplication.ActorController.class,
        SignInTestApplication.WhoDidItHandler.class})
public class SignInTestApplication {

    /**
     * A command that asks the command bus who sent it.
     */
    public record WhoDidIt() {
    }

    @RestController
    static class ActorController {

        private final CurrentActor currentActor;
        private final CommandGateway commandGateway;

        ActorController(CurrentActor currentActor, CommandGateway commandGateway) {
            this.currentActor = currentActor;
            this.commandGateway = commandGateway;
        }

        @GetMapping("/test/actor")
        Actor actor() {
            return currentActor.require();
        }

        @PostMapping("/test/command")
        Map<String, Object> command() {
            return commandGateway.sendAndWait(new WhoDidIt());
        }
    }

    static class WhoDidItHandler {

        @CommandHandler
        public Map<String, Object> handle(WhoDidIt command, MetaData metaData) {
            return Map.of("userId", metaData.get(ActorMetaData.USER),
                    "orgUnit", metaData.get(ActorMetaData.ORG_UNIT),
                    "role", metaData.get(ActorMetaData.ROLE));
        }
    }
}
