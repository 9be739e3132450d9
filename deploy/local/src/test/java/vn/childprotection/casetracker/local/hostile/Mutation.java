package vn.childprotection.casetracker.local.hostile;

import java.util.function.BiConsumer;

/**
 * One way of making a valid request of one operation invalid, by the rules of the input gate.
 *
 * @param operation the operation whose valid request it changes
 * @param kind      what it does, e.g. {@code control:NUL} or {@code instant:year-minus-1e9}: the summary groups by it
 * @param target    what it changes: a body field ({@code child.ethnicity}), a parameter ({@code query asOf}),
 *                  {@code body} or a header
 * @param apply     changes the draft; the {@link Variant} picks among equivalent hostile values
 */
record Mutation(ApiOperation operation, String kind, String target, BiConsumer<RequestDraft, Variant> apply) {

    /**
     * The random part of one try, drawn by jqwik: which of several hostile values (the first of its kind; later
     * ones go on in turn, see {@link PickCoverage}), at which position of a string, how far past a bound, which
     * number.
     */
    record Variant(int pick, int position, int extra, long number) {

        <T> T pick(T[] options) {
            return options[PickCoverage.pick(pick, options.length)];
        }
    }
}
