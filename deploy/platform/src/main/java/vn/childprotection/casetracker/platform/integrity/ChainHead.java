package vn.childprotection.casetracker.platform.integrity;

/**
 * The latest link of the store chain.
 *
 * @param position  its {@code chain_position}, from 1
 * @param storeHash its {@code store_hash} (32 bytes)
 */
public record ChainHead(long position, byte[] storeHash) {
}
