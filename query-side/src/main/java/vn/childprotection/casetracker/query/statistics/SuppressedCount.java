package vn.childprotection.casetracker.query.statistics;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A published count, or its place when it is suppressed (<i>ẩn số liệu nhỏ</i>).
 *
 * @param count      the number, or null when suppressed
 * @param suppressed true when the number is not shown
 */
@Schema(name = "SuppressedCount", description = "A count, or null with suppressed: true when it could identify a "
        + "child (small cell) or let one recompute a small cell (total)")
public record SuppressedCount(Long count, boolean suppressed) {

    static SuppressedCount shown(long count) {
        return new SuppressedCount(count, false);
    }

    static SuppressedCount hidden() {
        return new SuppressedCount(null, true);
    }
}
