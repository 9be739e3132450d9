package vn.childprotection.casetracker.local.bench;

/**
 * The body of {@code POST /api/v1/admin/store-growth}.
 *
 * @param cases the total number of cases the store must hold when done: at least the number it holds now, at most
 *              {@value StoreGrowth#MAX_CASES}
 * @param pauseProjections true: stop the projections' live processors while the store grows and start them again
 *                         when it ends, finished or failed (they then catch up); null or false: they apply the clones
 *                         as they come. Refused (409 {@code rebuild-running}) while a projection is being rebuilt.
 */
public record StoreGrowthRequest(Long cases, Boolean pauseProjections) {
}
