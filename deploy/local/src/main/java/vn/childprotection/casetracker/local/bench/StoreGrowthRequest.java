package vn.childprotection.casetracker.local.bench;

/**
 * The body of {@code POST /api/v1/admin/store-growth}.
 *
 * @param cases the total number of cases the store must hold when done: at least the number it holds now, at most
 *              {@value StoreGrowth#MAX_CASES}
 */
public record StoreGrowthRequest(Long cases) {
}
