package vn.childprotection.casetracker.platform.integrity;

import java.util.List;

/**
 * Where chain heads are recorded outside the database (nhân chứng). The default is an append-only file beside the
 * embedded data directory; a deployment can plug in another (an HTTP endpoint of another organisation, an RFC 3161
 * time-stamping service) by declaring a bean of this type.
 */
public interface AnchorWitness {

    /**
     * Records one anchor durably before returning.
     *
     * @throws IllegalStateException when the witness cannot record it (the caller retries at its next turn)
     */
    void record(ChainAnchor anchor);

    /**
     * @return every anchor recorded for this chain, oldest first
     * @throws IllegalStateException when the witness cannot be read
     */
    List<ChainAnchor> anchors(String chain);

    /** Where the anchors are kept, for the verification report (a path, a URL). */
    String describe();
}
