package vn.childprotection.casetracker.command.intake;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childprotection.casetracker.command.casefile.ReportCase;

/**
 * Receives a report (<i>tiếp nhận</i>) once: with an {@code Idempotency-Key}, a retried request returns the case
 * it created the first time instead of opening a second one. The key row and the case's first event commit in
 * one transaction, so a crash between them cannot leave one without the other; a concurrent retry waits on the
 * key row and then sees the first request's case.
 */
@Service
public class ReportIntake {

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    public ReportIntake(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @Transactional
    public Outcome receive(ReportCase command, String username, String idempotencyKey, String requestHash) {
        if (idempotencyKey != null) {
            int inserted = jdbc.update("INSERT INTO idempotency_key (username, idem_key, request_hash, case_id) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", username, idempotencyKey, requestHash,
                    command.caseId());
            if (inserted == 0) {
                List<String[]> rows = jdbc.query("SELECT request_hash, case_id FROM idempotency_key "
                                + "WHERE username = ? AND idem_key = ?",
                        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, username, idempotencyKey);
                String[] row = rows.get(0);
                if (!row[0].equals(requestHash)) {
                    throw new IdempotencyKeyReused();
                }
                return new Outcome(row[1], true);
            }
        }
        commands.sendAndWait(command);
        return new Outcome(command.caseId(), false);
    }

    /**
     * @param caseId   the case the request created (now or the first time)
     * @param replayed whether it was created by an earlier request with the same key
     */
    public record Outcome(String caseId, boolean replayed) {
    }
}
