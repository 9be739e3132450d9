package vn.childprotection.casetracker.command.casefile;

import java.io.IOException;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;

/**
 * The org units shipped in {@code orgunits/org-units.json}, read as the service reads them.
 */
final class ShippedOrgUnits {

    private static final OrgUnitRegistry REGISTRY = read();

    private ShippedOrgUnits() {
    }

    static OrgUnitRegistry get() {
        return REGISTRY;
    }

    private static OrgUnitRegistry read() {
        try {
            return new OrgUnitRegistry(new ClassPathResource("orgunits/org-units.json"), JsonMapper.builder().build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
