package vn.childprotection.casetracker.query.access;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.Role;

/**
 * Who may read what on the query side (<i>cần biết</i>, need-to-know; Luật Trẻ em Art 6, 21; Decree 56 Art 33): the
 * one place where the rules are. Each method is one kind of read; it answers what the reader may see, or refuses
 * with an {@link AccessRefusedException} naming a {@link Refusal} that says why. It holds no state and reads nothing:
 * callers bring what it needs (the reader, the {@link CaseReach} of a case, and how to find the reader's active
 * grant, which is looked for only when the reader's role and org unit alone do not decide: most reads need no grant,
 * and then no look-up is made).
 * <p>
 * In short: the commune that runs a case (<i>UBND cấp xã</i>: its worker and its chair, and the commune a transfer
 * waits for) reads it in full; an org unit assigned an intervention of the current plan reads what that work needs;
 * coordinators (<i>điều phối liên ngành</i>) read the district; auditors (<i>kiểm tra, thanh tra</i>) read histories,
 * registers and logs, and personal data only through break-the-glass (<i>truy cập khẩn cấp</i>); dashboards read
 * aggregates only. Only reads are ruled here: concealing information about an abused child is itself banned, so
 * nothing here may ever stand in the way of reporting a case (the command side).
 */
@Component
public class ReadPolicy {

    /**
     * The case file (<i>hồ sơ vụ việc</i>): in full for the commune running it and coordinators, and for anyone
     * with an active break-the-glass grant; limited for an assigned org unit; without personal data for auditors.
     */
    public CaseAccess caseFile(Actor reader, CaseReach reach, Supplier<Optional<ActiveGrant>> grants) {
        refuseDashboards(reader);
        if (readsInFull(reader, reach)) {
            return CaseAccess.caseWork(CaseView.FULL);
        }
        Optional<ActiveGrant> grant = grants.get();
        if (grant.isPresent()) {
            return CaseAccess.underGrant(grant.get());
        }
        if (worksOnIt(reader, reach)) {
            return CaseAccess.caseWork(CaseView.AGENCY);
        }
        if (reader.role() == Role.AUDITOR) {
            return CaseAccess.caseWork(CaseView.REDACTED);
        }
        throw outsideScope(reader);
    }

    /**
     * The case history (<i>lịch sử vụ việc</i>): the commune running the case, coordinators and auditors, or a
     * holder of an active grant. It holds no personal data, but what was done for a child is itself protected.
     */
    public CaseAccess history(Actor reader, CaseReach reach, Supplier<Optional<ActiveGrant>> grants) {
        refuseDashboards(reader);
        if (readsInFull(reader, reach) || reader.role() == Role.AUDITOR) {
            return CaseAccess.caseWork(CaseView.FULL);
        }
        Optional<ActiveGrant> grant = grants.get();
        if (grant.isPresent()) {
            return CaseAccess.underGrant(grant.get());
        }
        if (isCommuneStaff(reader)) {
            throw new AccessRefusedException(Refusal.OUTSIDE_YOUR_COMMUNE);
        }
        throw new AccessRefusedException(Refusal.HISTORY_NOT_FOR_ROLE);
    }

    /**
     * A disclosure package: only for readers of the full case file (the consents it needs are checked after).
     */
    public CaseAccess disclosure(Actor reader, CaseReach reach, Supplier<Optional<ActiveGrant>> grants) {
        refuseDashboards(reader);
        if (readsInFull(reader, reach)) {
            return CaseAccess.caseWork(CaseView.FULL).forDisclosure();
        }
        Optional<ActiveGrant> grant = grants.get();
        if (grant.isPresent()) {
            return CaseAccess.underGrant(grant.get()).forDisclosure();
        }
        if (isCommuneStaff(reader) && !worksOnIt(reader, reach)) {
            throw new AccessRefusedException(Refusal.OUTSIDE_YOUR_COMMUNE);
        }
        throw new AccessRefusedException(Refusal.FULL_VIEW_REQUIRED);
    }

    /**
     * Who may break the glass for a case: auditors and coordinators always; commune staff and agency staff only for
     * a case outside their scope (an emergency); dashboards never.
     */
    public void breakTheGlass(Actor reader, CaseReach reach) {
        refuseDashboards(reader);
        if (reader.role() == Role.AUDITOR || reader.role() == Role.COORDINATOR) {
            return;
        }
        if (runsOrReceives(reader, reach) || worksOnIt(reader, reach)) {
            throw new AccessRefusedException(Refusal.BREAK_THE_GLASS_NOT_NEEDED);
        }
    }

    /**
     * The risk register (<i>sổ theo dõi nguy cơ</i>): the commune a commune user may read, or any asked for by a
     * coordinator or an auditor.
     *
     * @param commune the commune asked for, or null
     * @return the commune to filter on (the reader's own when a commune user asked for none), or null for all
     */
    public String riskRegister(Actor reader, String commune) {
        refuseDashboards(reader);
        return switch (reader.role()) {
            case COORDINATOR, AUDITOR -> commune;
            case COMMUNE_WORKER, COMMUNE_CHAIR -> ownCommune(reader, commune);
            default -> throw new AccessRefusedException(Refusal.REGISTER_NOT_FOR_ROLE);
        };
    }

    /**
     * The overdue register (<i>quá hạn</i>): a commune user's own commune, an agency's own interventions, or
     * anything for coordinators and auditors.
     */
    public OverdueScope overdue(Actor reader, String commune, String agency) {
        refuseDashboards(reader);
        return switch (reader.role()) {
            case COORDINATOR, AUDITOR -> new OverdueScope(commune, agency);
            case COMMUNE_WORKER, COMMUNE_CHAIR -> new OverdueScope(ownCommune(reader, commune), agency);
            case AGENCY_STAFF -> new OverdueScope(commune, ownOrgUnit(reader, agency));
            default -> throw new AccessRefusedException(Refusal.ROLE_NOT_ALLOWED);
        };
    }

    /**
     * A work queue (<i>danh sách công việc</i>): one's own org unit's (an agency, or a commune given an
     * intervention), or any for coordinators and auditors.
     */
    public void workQueue(Actor reader, String orgUnitCode) {
        refuseDashboards(reader);
        if (reader.role() != Role.COORDINATOR && reader.role() != Role.AUDITOR) {
            ownOrgUnit(reader, orgUnitCode);
        }
    }

    /**
     * The declined interventions waiting to be reassigned: the coordinator's work (<i>điều phối</i>).
     */
    public void declinedInterventions(Actor reader) {
        refuseDashboards(reader);
        if (reader.role() != Role.COORDINATOR) {
            throw new AccessRefusedException(Refusal.DECLINED_LIST_NOT_FOR_ROLE);
        }
    }

    /**
     * The cases of split communes waiting for a person to choose their successor: the coordinator's work
     * (<i>điều phối</i>); which cases, the coordinator's area decides.
     */
    public void successorChoices(Actor reader) {
        refuseDashboards(reader);
        if (reader.role() != Role.COORDINATOR) {
            throw new AccessRefusedException(Refusal.SUCCESSOR_CHOICES_NOT_FOR_ROLE);
        }
    }

    /**
     * The inter-agency audit trail (<i>nhật ký liên ngành</i>).
     */
    public void auditTrail(Actor reader) {
        refuseDashboards(reader);
        if (reader.role() != Role.COORDINATOR && reader.role() != Role.AUDITOR) {
            throw new AccessRefusedException(Refusal.AUDIT_TRAIL_NOT_FOR_ROLE);
        }
    }

    /**
     * Verifying the integrity of the event store and of a case's history (<i>kiểm tra toàn vẹn</i>): what the
     * audit trail's readers do with it. For the {@code integrity} endpoints to call.
     */
    public void integrityVerification(Actor reader) {
        refuseDashboards(reader);
        if (reader.role() != Role.COORDINATOR && reader.role() != Role.AUDITOR) {
            throw new AccessRefusedException(Refusal.INTEGRITY_NOT_FOR_ROLE);
        }
    }

    /**
     * The access log (<i>nhật ký truy cập</i>) and the break-the-glass grants to review: auditors only.
     */
    public void accessLog(Actor reader) {
        refuseDashboards(reader);
        if (reader.role() != Role.AUDITOR) {
            throw new AccessRefusedException(Refusal.ACCESS_LOG_NOT_FOR_ROLE);
        }
    }

    /**
     * Reviewing a grant: an auditor, but not the one who held it.
     *
     * @param holder the user the grant was issued to
     */
    public void reviewGrant(Actor reviewer, String holder) {
        accessLog(reviewer);
        if (reviewer.username().equals(holder)) {
            throw new AccessRefusedException(Refusal.OWN_GRANT);
        }
    }

    /**
     * Aggregate statistics with small cells suppressed (<i>số liệu tổng hợp</i>).
     */
    public void statistics(Actor reader) {
        if (reader.role() != Role.DASHBOARD && reader.role() != Role.COORDINATOR
                && reader.role() != Role.AUDITOR) {
            throw new AccessRefusedException(Refusal.STATISTICS_NOT_FOR_ROLE);
        }
    }

    /**
     * Indicators and statutory reports (<i>chỉ tiêu, báo cáo định kỳ</i>): counts without personal data, for
     * coordinators and auditors at any level, and for commune staff about their own commune. A reporting group
     * ({@code former-313}) is never a commune user's own: no commune covers all of its members, so only coordinators
     * and auditors read it here (dashboards through the suppressed statistics).
     */
    public void indicators(Actor reader, String orgUnitCode) {
        switch (reader.role()) {
            case COORDINATOR, AUDITOR -> {
            }
            case COMMUNE_WORKER, COMMUNE_CHAIR -> {
                if (!reader.orgUnit().equals(orgUnitCode)) {
                    throw new AccessRefusedException(Refusal.REPORTS_OF_YOUR_COMMUNE);
                }
            }
            default -> throw new AccessRefusedException(Refusal.REPORTS_NOT_FOR_ROLE);
        }
    }

    /**
     * What a reader may read of the overdue register.
     *
     * @param commune the commune to filter on, or null for all
     * @param agency  the org unit whose INTERVENTION_DUE items to keep, or null for every item
     */
    public record OverdueScope(String commune, String agency) {
    }

    private static void refuseDashboards(Actor reader) {
        if (reader.role() == Role.DASHBOARD) {
            throw new AccessRefusedException(Refusal.AGGREGATES_ONLY);
        }
    }

    /**
     * The full case file is for the commune that runs the case (or that a transfer waits for) and coordinators.
     */
    private static boolean readsInFull(Actor reader, CaseReach reach) {
        return reader.role() == Role.COORDINATOR || runsOrReceives(reader, reach);
    }

    private static boolean runsOrReceives(Actor reader, CaseReach reach) {
        return isCommuneStaff(reader) && (reader.orgUnit().equals(reach.communeCode())
                || reader.orgUnit().equals(reach.pendingTransferTo()));
    }

    /**
     * An org unit carrying out an intervention of an open case: an agency, or a commune given one.
     */
    private static boolean worksOnIt(Actor reader, CaseReach reach) {
        return (reader.role() == Role.AGENCY_STAFF || isCommuneStaff(reader)) && reach.open()
                && reach.assignedOrgUnits().contains(reader.orgUnit());
    }

    private static boolean isCommuneStaff(Actor reader) {
        return reader.role() == Role.COMMUNE_WORKER || reader.role() == Role.COMMUNE_CHAIR;
    }

    private static AccessRefusedException outsideScope(Actor reader) {
        return new AccessRefusedException(isCommuneStaff(reader) ? Refusal.OUTSIDE_YOUR_COMMUNE
                : Refusal.NOT_ASSIGNED_TO_YOUR_ORG_UNIT);
    }

    private static String ownCommune(Actor reader, String asked) {
        if (asked != null && !asked.equals(reader.orgUnit())) {
            throw new AccessRefusedException(Refusal.NOT_YOUR_COMMUNE);
        }
        return reader.orgUnit();
    }

    private static String ownOrgUnit(Actor reader, String asked) {
        if (asked != null && !Objects.equals(asked, reader.orgUnit())) {
            throw new AccessRefusedException(Refusal.NOT_YOUR_ORG_UNIT);
        }
        return reader.orgUnit();
    }
}
