package vn.childprotection.casetracker.command.children;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.command.casefile.KnownChildren;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.ChildIdentityErased;

/**
 * {@link KnownChildren} in PostgreSQL (tables {@code known_child_case}, {@code known_child_commune} and
 * {@code erased_child}, migration {@code V2_3__known_children.sql}; a carry-over is handled like an accepted transfer), kept from the case events by the subscribing
 * processor {@value #PROCESSING_GROUP}: in the same transaction as the events, so what a command reads here is what
 * the event store holds. Ids and codes only, nothing personal.
 */
@Component
@ProcessingGroup(JdbcKnownChildren.PROCESSING_GROUP)
public class JdbcKnownChildren implements KnownChildren {

    public static final String PROCESSING_GROUP = "known-children";

    private final JdbcTemplate jdbc;

    public JdbcKnownChildren(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseReported e) {
        jdbc.update("INSERT INTO known_child_case (case_id, child_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                e.caseId(), e.childId());
        knownTo(e.childId(), e.communeCode());
    }

    @EventHandler
    void on(CaseTransferred e) {
        childOf(e.caseId()).ifPresent(child -> knownTo(child, e.toCommuneCode()));
    }

    /** The successor of a ceased commune knows the children of the cases it took over. */
    @EventHandler
    void on(CaseCarriedOver e) {
        childOf(e.caseId()).ifPresent(child -> knownTo(child, e.toCommuneCode()));
    }

    @EventHandler
    void on(ChildIdentityErased e) {
        // Waits for a report naming the child that has read it as known (it holds a shared lock on these rows).
        jdbc.queryForList("SELECT 1 FROM known_child_commune WHERE child_id = ? FOR UPDATE", Integer.class,
                e.childId());
        jdbc.update("INSERT INTO erased_child (child_id, erased_at) VALUES (?, now()) ON CONFLICT DO NOTHING",
                e.childId());
    }

    @Override
    public Optional<String> childOf(String caseId) {
        return jdbc.queryForList("SELECT child_id FROM known_child_case WHERE case_id = ?", String.class, caseId)
                .stream().findFirst();
    }

    @Override
    public Standing standing(String childId, String communeCode) {
        boolean known = !jdbc.queryForList("SELECT 1 FROM known_child_commune WHERE child_id = ? "
                + "AND commune_code = ? FOR SHARE", Integer.class, childId, communeCode).isEmpty();
        if (!known) {
            return Standing.NOT_KNOWN_HERE;
        }
        boolean erased = !jdbc.queryForList("SELECT 1 FROM erased_child WHERE child_id = ? FOR SHARE",
                Integer.class, childId).isEmpty();
        return erased ? Standing.ERASED : Standing.KNOWN;
    }

    private void knownTo(String childId, String communeCode) {
        jdbc.update("INSERT INTO known_child_commune (child_id, commune_code) VALUES (?, ?) ON CONFLICT DO NOTHING",
                childId, communeCode);
    }
}
