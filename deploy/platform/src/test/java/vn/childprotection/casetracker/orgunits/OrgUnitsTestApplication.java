package vn.childprotection.casetracker.orgunits;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.PlatformConfiguration;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;

/**
 * The platform alone, with a step that names a commune on a day: {@code POST /test/step} checks it in the web
 * layer, {@code POST /test/command} inside an Axon command handler, as the command side does.
 * <p>
 * Outside {@code vn.childprotection.casetracker.platform} on purpose: {@link PlatformConfiguration} scans that
 * package and would pick up a test application placed under it in every context.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PlatformConfiguration.class, OrgUnitsTestApplication.StepController.class,
        OrgUnitsTestApplication.StepHandler.class})
public class OrgUnitsTestApplication {

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

        @PostMapping("/test/command")
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
