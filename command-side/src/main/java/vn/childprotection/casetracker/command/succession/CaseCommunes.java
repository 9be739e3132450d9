package vn.childprotection.casetracker.command.succession;

import java.util.Collection;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseTransferred;

/**
 * Which commune runs each case and whether it is open (table {@code case_commune}, migration
 * {@code V2_5__case_commune.sql}), kept from the case events by the subscribing processor {@value #PROCESSING_GROUP}
 * in the same transaction as the events. Ids and codes only, nothing personal.
 */
@Component
@ProcessingGroup(CaseCommunes.PROCESSING_GROUP)
public class CaseCommunes {

    public static final String PROCESSING_GROUP = "case-communes";

    private final JdbcTemplate jdbc;

    public CaseCommunes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseReported e) {
        jdbc.update("INSERT INTO case_commune (case_id, commune_code, open) VALUES (?, ?, TRUE) "
                + "ON CONFLICT (case_id) DO NOTHING", e.caseId(), e.communeCode());
    }

    @EventHandler
    void on(CaseTransferred e) {
        jdbc.update("UPDATE case_commune SET commune_code = ? WHERE case_id = ?", e.toCommuneCode(), e.caseId());
    }

    @EventHandler
    void on(CaseCarriedOver e) {
        jdbc.update("UPDATE case_commune SET commune_code = ? WHERE case_id = ?", e.toCommuneCode(), e.caseId());
    }

    @EventHandler
    void on(CaseClosed e) {
        jdbc.update("UPDATE case_commune SET open = FALSE WHERE case_id = ?", e.caseId());
    }

    @EventHandler
    void on(CaseReopened e) {
        jdbc.update("UPDATE case_commune SET open = TRUE WHERE case_id = ?", e.caseId());
    }

    /**
     * @param communeCodes commune codes
     * @return the ids of the open cases run by any of them, in no particular order
     */
    public List<String> openCasesOf(Collection<String> communeCodes) {
        if (communeCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("SELECT case_id FROM case_commune WHERE open AND commune_code = ANY (?)",
                String.class, (Object) communeCodes.toArray(String[]::new));
    }

    /**
     * @param communeCodes commune codes
     * @return how many open cases any of them runs
     */
    public int countOpenCasesOf(Collection<String> communeCodes) {
        if (communeCodes.isEmpty()) {
            return 0;
        }
        Integer count = jdbc.queryForObject("SELECT count(*)::int FROM case_commune WHERE open AND commune_code = "
                + "ANY (?)", Integer.class, (Object) communeCodes.toArray(String[]::new));
        return count == null ? 0 : count;
    }
}
