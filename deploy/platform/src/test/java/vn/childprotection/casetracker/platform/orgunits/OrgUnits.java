package vn.childprotection.casetracker.platform.orgunits;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * Small invented lists of org units for tests, and the shipped one.
 */
final class OrgUnits {

    static final LocalDate REFORM_EVE = LocalDate.of(2025, 6, 30);
    static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);
    static final LocalDate FIRST = LocalDate.of(2000, 1, 1);

    private OrgUnits() {
    }

    static OrgUnit unit(String code, OrgUnitType type, String statisticsCode, String parent, LocalDate from,
                        LocalDate to, OrgUnit.Successor... successors) {
        return new OrgUnit(code, type, statisticsCode, "Đơn vị " + code, "Unit " + code, parent, from, to,
                List.of(successors), "test", true);
    }

    static OrgUnit.Successor whole(String code) {
        return new OrgUnit.Successor(code, OrgUnit.Succession.WHOLE, true, "test", true);
    }

    static OrgUnit.Successor part(String code, boolean takesPeople) {
        return new OrgUnit.Successor(code, OrgUnit.Succession.PART, takesPeople, "test", true);
    }

    /**
     * Province p; district d with communes x and y until 30/6/2025; x went whole into n, y split between n (people)
     * and m (land only); a reporting group of d and n.
     */
    static List<OrgUnit> reform() {
        return List.of(
                unit("p", OrgUnitType.PROVINCE, "99", null, FIRST, null),
                unit("d", OrgUnitType.DISTRICT, "999", "p", FIRST, REFORM_EVE),
                unit("x", OrgUnitType.COMMUNE, "90001", "d", FIRST, REFORM_EVE, whole("n")),
                unit("y", OrgUnitType.COMMUNE, "90002", "d", FIRST, REFORM_EVE, part("n", true), part("m", false)),
                unit("n", OrgUnitType.COMMUNE, "90001", "p", REFORM_DAY, null),
                unit("m", OrgUnitType.COMMUNE, "90003", "p", REFORM_DAY, null));
    }

    static List<ReportingGroup> groups() {
        return List.of(new ReportingGroup("former-d", "Địa bàn huyện D cũ", "Former district D", List.of("d", "n"),
                "test"));
    }

    static byte[] shippedBytes() {
        try (InputStream in = new ClassPathResource("orgunits/org-units.json").getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static OrgUnitRegistry.OrgUnitFile shipped() {
        return OrgStructureDocument.read(shippedBytes());
    }
}
