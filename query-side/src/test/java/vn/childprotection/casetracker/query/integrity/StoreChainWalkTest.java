package vn.childprotection.casetracker.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.integrity.IntegrityKey.int8;
import static vn.childprotection.casetracker.platform.integrity.IntegrityKey.utf8;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.platform.integrity.ChainAnchor;
import vn.childprotection.casetracker.platform.integrity.IntegrityKey;

/**
 * The store walk on rows built here with the contract's formulas and a key of the test's own (no database): what it
 * accepts, what it counts as pending, and where it names the first break in chain position order.
 */
class StoreChainWalkTest {

    private static final IntegrityKey KEY = new IntegrityKey("khóa-kiểm-thử-".repeat(3));
    private static final IntegrityKey STOLEN_BY_NOBODY = new IntegrityKey("not-the-service-key-".repeat(2));
    private static final ChainMacs MACS = new ChainMacs(KEY);

    @Test
    void an_intact_chain_verifies_against_its_anchors_and_counts_pending_links() {
        List<ChainRow> rows = sealed(chain(6));
        rows.add(unsealed(7, "case-b", 3, hashOf(rows, "case-b", 2), KEY));

        StoreChainWalk walk = walk(rows, List.of(anchorAt(rows, 3), anchorAt(rows, 6)));

        assertThat(walk.broken()).isNull();
        assertThat(walk.pending()).isEqualTo(1);
        assertThat(walk.anchorsChecked()).isEqualTo(2);
        assertThat(walk.events()).isEqualTo(7);
        assertThat(walk.head().chainPosition()).isEqualTo(6);
    }

    @Test
    void a_tail_deleted_behind_an_anchor_is_named_by_the_first_missing_position() {
        List<ChainRow> rows = sealed(chain(6));
        List<ChainAnchor> anchors = List.of(anchorAt(rows, 6));
        rows.remove(5);

        BrokenLink broken = walk(rows, anchors).broken();

        assertThat(broken.code()).isEqualTo(ChainProblem.CHAIN_SHORTER_THAN_ANCHOR);
        assertThat(broken.chainPosition()).isEqualTo(6);
    }

    @Test
    void a_missing_middle_position_is_a_gap() {
        List<ChainRow> rows = sealed(chain(6));
        rows.remove(3);

        BrokenLink broken = walk(rows, List.of()).broken();

        assertThat(broken.code()).isEqualTo(ChainProblem.POSITION_GAP);
        assertThat(broken.chainPosition()).isEqualTo(4);
        assertThat(broken.globalIndex()).isNull();
    }

    @Test
    void a_row_chained_without_the_service_key_is_not_authenticated_and_not_pending() {
        List<ChainRow> rows = sealed(chain(6));
        rows.add(unsealed(7, "case-b", 3, hashOf(rows, "case-b", 2), STOLEN_BY_NOBODY));

        StoreChainWalk walk = walk(rows, List.of());

        assertThat(walk.pending()).isZero();
        assertThat(walk.broken()).isEqualTo(new BrokenLink(7L, "case-b", 3L, ChainProblem.LINK_NOT_AUTHENTICATED,
                ChainProblem.LINK_NOT_AUTHENTICATED.label(), null));
    }

    @Test
    void positions_renumbered_and_rechained_without_the_key_fail_at_the_first_renumbered_link() {
        List<Link> links = chain(6);
        links.remove(2);
        List<ChainRow> rows = sealedWith(links, STOLEN_BY_NOBODY, 3);

        BrokenLink broken = walk(rows, List.of()).broken();

        // Position 3 now holds what was at 4: case-b's event 1 follows its event 0, yet its store link is forged.
        assertThat(broken.code()).isEqualTo(ChainProblem.STORE_LINK_NOT_AUTHENTICATED);
        assertThat(broken.chainPosition()).isEqualTo(3);
        assertThat(broken.globalIndex()).isEqualTo(4);
    }

    @Test
    void a_rewrite_with_the_key_itself_is_caught_by_the_anchor_that_covers_it() {
        List<ChainRow> original = sealed(chain(6));
        List<ChainAnchor> anchors = List.of(anchorAt(original, 5));
        List<Link> rewritten = chain(6);
        rewritten.set(3, new Link(4, "case-b", 1, "{\"changed\":true}"));

        BrokenLink broken = walk(sealed(rewritten), anchors).broken();

        assertThat(broken.code()).isEqualTo(ChainProblem.ANCHOR_MISMATCH);
        assertThat(broken.chainPosition()).isEqualTo(5);
    }

    @Test
    void an_edited_store_hash_is_named_at_its_position() {
        List<ChainRow> rows = sealed(chain(6));
        ChainLink l = rows.get(1).link();
        rows.set(1, new ChainRow(rows.get(1).event(), new ChainLink(l.globalIndex(), l.aggregateIdentifier(),
                l.sequenceNumber(), l.eventIdentifier(), l.prevHash(), l.hash(), l.storePrevHash(),
                EventChainEncoding.genesis(), l.createdAt(), l.linkMac(), l.chainPosition(), l.storeMac())));

        BrokenLink broken = walk(rows, List.of()).broken();

        assertThat(broken.code()).isEqualTo(ChainProblem.STORE_HASH_CHANGED);
        assertThat(broken.chainPosition()).isEqualTo(2);
        assertThat(broken.caseId()).isEqualTo("case-b");
        assertThat(broken.sequenceNumber()).isZero();
    }

    // ---- rows built with the contract's formulas ----

    /** One event: global index, case, sequence number, payload. */
    private record Link(long globalIndex, String caseId, long sequenceNumber, String payload) {
    }

    /** Six events of two cases, interleaved: a0 b0 a1 b1 a2 b2 at global indexes 1 to 6. */
    private static List<Link> chain(int count) {
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            links.add(new Link(i + 1, i % 2 == 0 ? "case-a" : "case-b", i / 2, "{\"n\":" + i + "}"));
        }
        return links;
    }

    private static List<ChainRow> sealed(List<Link> links) {
        return sealedWith(links, KEY, Integer.MAX_VALUE);
    }

    /**
     * Seals the links at positions 1, 2, …; from {@code forgedFrom} on, store links are MACed with {@code forger}.
     */
    private static List<ChainRow> sealedWith(List<Link> links, IntegrityKey forger, long forgedFrom) {
        List<ChainRow> rows = new ArrayList<>();
        Map<String, byte[]> caseHeads = new HashMap<>();
        byte[] storePrev = EventChainEncoding.genesis();
        long position = 0;
        for (Link link : links) {
            position++;
            StoredEvent event = event(link);
            byte[] prev = caseHeads.getOrDefault(link.caseId(), EventChainEncoding.genesis());
            byte[] hash = EventChainEncoding.caseHash(prev, event);
            caseHeads.put(link.caseId(), hash);
            byte[] storeHash = EventChainEncoding.storeHash(storePrev, position, link.globalIndex(), hash);
            IntegrityKey key = position >= forgedFrom ? forger : KEY;
            byte[] storeMac = key.mac("store-link/v1", int8(position), int8(link.globalIndex()), storePrev,
                    storeHash);
            rows.add(new ChainRow(event, new ChainLink(link.globalIndex(), link.caseId(), link.sequenceNumber(),
                    "event-" + link.globalIndex(), prev, hash, storePrev, storeHash, Instant.EPOCH,
                    linkMac(KEY, link, prev, hash), position, storeMac)));
            storePrev = storeHash;
        }
        return rows;
    }

    private static ChainRow unsealed(long globalIndex, String caseId, long sequenceNumber, byte[] prev,
                                     IntegrityKey key) {
        Link link = new Link(globalIndex, caseId, sequenceNumber, "{\"late\":true}");
        StoredEvent event = event(link);
        byte[] hash = EventChainEncoding.caseHash(prev, event);
        return new ChainRow(event, new ChainLink(globalIndex, caseId, sequenceNumber, "event-" + globalIndex, prev,
                hash, null, null, Instant.EPOCH, linkMac(key, link, prev, hash), null, null));
    }

    private static byte[] linkMac(IntegrityKey key, Link link, byte[] prev, byte[] hash) {
        return key.mac("event-link/v1", utf8(link.caseId()), int8(link.sequenceNumber()),
                utf8("event-" + link.globalIndex()), int8(link.globalIndex()), prev, hash);
    }

    private static StoredEvent event(Link link) {
        return new StoredEvent(link.globalIndex(), "event-" + link.globalIndex(), link.caseId(),
                link.sequenceNumber(), "CaseFile", "CaseReported", null,
                link.payload().getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
                "2025-04-07T01:00:00Z");
    }

    private static byte[] hashOf(List<ChainRow> rows, String caseId, long sequenceNumber) {
        return rows.stream().filter(r -> r.caseId().equals(caseId) && r.sequenceNumber() == sequenceNumber)
                .findFirst().orElseThrow().link().hash();
    }

    private static ChainAnchor anchorAt(List<ChainRow> rows, long position) {
        ChainLink link = rows.stream().filter(r -> r.link().chainPosition() == position).findFirst().orElseThrow()
                .link();
        return new ChainAnchor(ChainAnchor.EVENTS, position, link.storeHash(), Instant.EPOCH);
    }

    /**
     * Hands the rows to the walk as the reader does: sealed ones by position, each with its case's previous chain
     * row (by sequence number), then the rest by global index.
     */
    private static StoreChainWalk walk(List<ChainRow> rows, List<ChainAnchor> anchors) {
        StoreChainWalk walk = new StoreChainWalk(MACS, anchors, null);
        Map<ChainRow, ChainRow> casePrevious = new HashMap<>();
        Map<String, List<ChainRow>> byCase = new HashMap<>();
        rows.forEach(r -> byCase.computeIfAbsent(r.caseId(), c -> new ArrayList<>()).add(r));
        byCase.values().forEach(list -> {
            list.sort(Comparator.comparingLong(ChainRow::sequenceNumber));
            for (int i = 1; i < list.size(); i++) {
                casePrevious.put(list.get(i), list.get(i - 1));
            }
        });
        List<ChainRow> sealedRows = rows.stream().filter(r -> r.link().sealed())
                .sorted(Comparator.comparingLong(r -> r.link().chainPosition())).toList();
        List<ChainRow> rest = rows.stream().filter(r -> !r.link().sealed())
                .sorted(Comparator.comparingLong(ChainRow::globalIndex)).toList();
        sealedRows.forEach(r -> hand(walk, r, casePrevious.get(r)));
        walk.sealedLinksEnd();
        rest.forEach(r -> hand(walk, r, casePrevious.get(r)));
        return walk;
    }

    private static void hand(StoreChainWalk walk, ChainRow row, ChainRow previous) {
        walk.accept(row, previous == null ? null : previous.sequenceNumber(),
                previous == null ? null : previous.link().hash());
    }
}
