package vn.childprotection.casetracker.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed discrete distribution: values with integer weights.
 */
final class Weights<T> {

    private final List<T> values = new ArrayList<>();
    private final List<Integer> cumulative = new ArrayList<>();
    private int total;

    Weights<T> add(T value, int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weights are positive");
        }
        total += weight;
        values.add(value);
        cumulative.add(total);
        return this;
    }

    T pick(SplittableRandom random) {
        int r = random.nextInt(total);
        for (int i = 0; i < values.size(); i++) {
            if (r < cumulative.get(i)) {
                return values.get(i);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    List<T> values() {
        return List.copyOf(values);
    }
}
