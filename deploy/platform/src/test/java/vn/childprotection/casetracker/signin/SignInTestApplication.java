package vn.childprotection.casetracker.signin;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.PlatformConfiguration;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.CurrentActor;

/**
 * The platform alone, with two endpoints that show who is signed in: {@code GET /test/actor} answers
 * {@link CurrentActor#require()}, {@code POST /test/command} sends a command and answers the actor metadata the
 * platform's dispatch interceptor put on it; and a step that names a commune on a day, checked with
 * {@link OrgUnitRegistry#requireOn} in the web layer ({@code POST /test/step}) or inside an Axon command handler
 * ({@code POST /test/step-command}), as the command side does.
 * <p>
 * It lives outside {@code vn.childprotection.casetracker.platform} on purpose: {@link PlatformConfiguration} scans
 * that package, and would pick up a test application placed under it in every context.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PlatformConfiguration.class, SignInTestApplication.ActorController.class,
        SignInTestApplication.WhoDidItHandler.class, SignInTestApplication.StepController.class,
        SignInTestApplication.StepHandler.class})
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

    /** A step on a case of a commune, on a Vietnam day. */
    public record TakeStep(String communeCode, LocalDate day) {
    }

    @RestController
    static class StepController {

        private final OrgUnitRegistry registry;
        private final CommandGateway commandGateway;

        StepController(OrgUnitRegistry registry, CommandGateway commandGateway) {
            this.registry = registry;
            this.commandGateway = commandGateway;
        }

        @PostMapping("/test/step")
        String step(@RequestParam String communeCode, @RequestParam LocalDate day) {
            return registry.requireOn("communeCode", communeCode, day, OrgUnitType.COMMUNE).code();
        }

        @PostMapping("/test/step-command")
        String command(@RequestParam String communeCode, @RequestParam LocalDate day) {
            return commandGateway.sendAndWait(new TakeStep(communeCode, day));
        }
    }

    static class StepHandler {

        private final OrgUnitRegistry registry;

        StepHandler(OrgUnitRegistry registry) {
            this.registry = registry;
        }

        @CommandHandler
        public String handle(TakeStep step) {
            return registry.requireOn("communeCode", step.communeCode(), step.day(), OrgUnitType.COMMUNE).code();
        }
    }
}
