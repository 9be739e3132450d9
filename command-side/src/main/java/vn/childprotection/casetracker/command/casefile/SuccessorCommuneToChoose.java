package vn.childprotection.casetracker.command.casefile;

import java.util.List;
import vn.childprotection.casetracker.platform.orgunits.OrgUnit;

/**
 * A step on a case whose commune ceased before the step's day and was split (no single successor took it whole): a
 * person must first choose the successor commune. Answered 409 {@code successor-commune-to-choose} with the
 * candidates as {@code successors} ({@code [{code, nameVi, nameEn}]}).
 */
public class SuccessorCommuneToChoose extends ProcedureViolation {

    private final List<OrgUnit> successors;

    /**
     * @param ceased     the commune that ran the case and ceased
     * @param successors the communes that took over some of its people, in the order of the reference data
     */
    public SuccessorCommuneToChoose(OrgUnit ceased, List<OrgUnit> successors) {
        super(ProcedureRule.SUCCESSOR_COMMUNE_TO_CHOOSE, ceased.code() + " (" + ceased.nameVi() + ") ceased on "
                + ceased.validTo() + " and was split; choose the commune that runs the case now among: "
                + String.join(", ", successors.stream().map(u -> u.code() + " (" + u.nameVi() + ")").toList())
                + ".");
        this.successors = List.copyOf(successors);
    }

    /** The candidate successor communes. */
    public List<OrgUnit> successors() {
        return successors;
    }
}
