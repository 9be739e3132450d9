package vn.childprotection.casetracker.query.integrity;

/**
 * Walks one case's events in sequence order (identity, sequence gaps, case hashes, the service's link MACs) and
 * stops judging at the first break (it keeps counting).
 */
final class CaseChainWalk {

    private final String caseId;
    private final Anchor anchor;
    private final ChainMacs macs;
    private long expectedSequence;
    private byte[] previousHash = EventChainEncoding.genesis();
    private long events;
    private ChainRow head;
    private boolean anchorSeen;
    private BrokenLink broken;

    /**
     * @param anchor the case hash anchored at a sequence number, or null
     */
    CaseChainWalk(String caseId, Anchor anchor, ChainMacs macs) {
        this.caseId = caseId;
        this.anchor = anchor;
        this.macs = macs;
    }

    void accept(ChainRow row) {
        if (row.event() != null) {
            events++;
        }
        if (row.link() != null) {
            head = row;
        }
        if (broken != null) {
            return;
        }
        BrokenLink problem = ChainChecks.checkCaseLink(row, expectedSequence, previousHash, macs);
        if (problem == null && anchor != null && row.link().sequenceNumber() == anchor.position()) {
            anchorSeen = true;
            if (!anchor.matches(row.link().hash())) {
                problem = BrokenLink.at(row, ChainProblem.ANCHOR_MISMATCH);
            }
        }
        if (problem != null) {
            broken = problem;
            return;
        }
        expectedSequence++;
        previousHash = row.link().hash();
    }

    CaseChainVerification result() {
        if (broken == null && anchor != null && !anchorSeen) {
            broken = BrokenLink.at(null, caseId, anchor.position(), ChainProblem.ANCHOR_MISSING);
        }
        CaseHead caseHead = head == null ? null : new CaseHead(head.link().sequenceNumber(),
                head.link().globalIndex(), EventChainEncoding.hex(head.link().hash()), HeadTime.of(head));
        return new CaseChainVerification(caseId, broken == null, events,
                caseHead == null ? null : caseHead.hash(), caseHead, broken);
    }
}
