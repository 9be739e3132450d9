package vn.childprotection.casetracker.query.accesslog;

/**
 * What is wrong with the first bad entry of the access log (<i>nhật ký truy cập</i>), as stable codes.
 */
public enum AccessLogBreakCode {
    /** The access_log row no longer matches its row MAC: a column was changed. */
    ROW_CHANGED,
    /** A chain row without its access_log row: the row was deleted. */
    ROW_DELETED,
    /** An access_log row without a chain row (the service writes both in one transaction): slipped in. */
    UNAUTHENTICATED_ROW,
    /** A link whose prev_hash is not the previous link's hash, or whose hash is not recomputed from its parts. */
    LINK_BROKEN,
    /** A link whose link_mac does not verify: written without the service's key. */
    LINK_NOT_AUTHENTICATED,
    /** Chain positions not contiguous from 1: links were deleted or renumbered. */
    POSITION_GAP,
    /** The link at an anchored position does not have the anchored head. */
    ANCHOR_MISMATCH,
    /** The chain ends before the latest anchor's position: its tail was deleted. */
    CHAIN_SHORTER_THAN_ANCHOR
}
