package vn.childprotection.casetracker.query.accesslog;

/**
 * The latest link of the access-log chain.
 *
 * @param position its chain position (1 for the first link)
 * @param hash     its 32-byte hash
 */
record ChainHead(long position, byte[] hash) {
}
