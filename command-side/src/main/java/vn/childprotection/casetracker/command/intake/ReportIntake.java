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
 * <p>
 * The row holds nothing personal: the key and the body as {@link IdempotencyHmac keyed hashes}, the user, the case
 * and the child (so that an erasure deletes it). A row older than the {@link IdempotencyRetention retention} counts
 * as absent: the request is answered as new and the row replaced.
 */
@Service
public class ReportIntake {

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final IdempotencyHmac hmac;
    private final IdempotencyRetention retention;

    public ReportIntake(CommandGateway commands, JdbcTemplate jdbc, IdempotencyHmac hmac,
                        IdempotencyRetention retention) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.hmac = hmac;
        this.retention = retention;
    }

    /**
     * @param command        the report, with the new case's and child's ids
     * @param username       who sends it; keys are per user
     * @param idempotencyKey the client's key, or null for none
     * @param canonicalBody  the request body as canonical JSON (what makes two requests "the same")
     * @return the case created now, or the one created by an earlier request with the same key and body
     * @throws IdempotencyKeyReused when the key was used, within the retention, with another body
     */
    @Transactional
    public Outcome receive(ReportCase command, String username, String idempotencyKey, String canonicalBody) {
        if (idempotencyKey != null) {
            String keyHmac = hmac.ofKey(idempotencyKey);
            String requestHmac = hmac.ofBody(canonicalBody);
            int written = jdbc.update("""
                    INSERT INTO idempotency_key (username, key_hmac, request_hmac, case_id, child_id, created_at)
                    VALUES (?, ?, ?, ?, ?, now())
                    ON CONFLICT (username, key_hmac) DO UPDATE SET request_hmac = EXCLUDED.request_hmac,
                        case_id = EXCLUDED.case_id, child_id = EXCLUDED.child_id, created_at = EXCLUDED.created_at
                    WHERE idempotency_key.created_at < now() - make_interval(secs => ?)
                    """, username, keyHmac, requestHmac, command.caseId(), command.childId(), retention.seconds());
            if (written == 0) {
                List<String[]> rows = jdbc.query("SELECT request_hmac, case_id FROM idempotency_key "
                                + "WHERE username = ? AND key_hmac = ?",
                        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, username, keyHmac);
                String[] row = rows.get(0);
                if (!row[0].equals(requestHmac)) {
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
