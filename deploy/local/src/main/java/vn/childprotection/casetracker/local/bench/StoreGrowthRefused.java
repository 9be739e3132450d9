package vn.childprotection.casetracker.local.bench;

/**
 * A store growth that cannot start now: one is running ({@code growth-running}), the store holds no case to
 * clone ({@code nothing-to-clone}), or the projections are to be paused while one is being rebuilt
 * ({@code rebuild-running}). Answered with 409 and the rule.
 */
public class StoreGrowthRefused extends RuntimeException {

    private final String rule;

    StoreGrowthRefused(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** The rule that refused it, as named in the answer. */
    public String rule() {
        return rule;
    }
}
