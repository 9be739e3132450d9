package vn.childprotection.casetracker.local.hostile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The equivalent hostile values a kind of mutation picks among (which control character, which charset, which
 * malformed date): each kind goes through its values in turn, from a first one the try's {@link Mutation.Variant}
 * draws, so that every use of a kind sends a value it has not sent yet until all are sent. What was sent is kept,
 * so that the run can assert that every value of every kind was sent instead of hoping the draws reached them, and
 * can send again the mutations of a kind that has not yet sent all its values ({@link #nextMissing()}).
 */
final class PickCoverage {

    /** Per kind and number of values: the values sent, the next one's offset and the mutations that picked. */
    private static final Map<String, Picks> KINDS = new LinkedHashMap<>();
    private static Mutation current;
    private static int round;

    private PickCoverage() {
    }

    private static final class Picks {
        final int values;
        final int first;
        final BitSet sent = new BitSet();
        final List<Mutation> mutations = new ArrayList<>();
        int uses;

        Picks(int values, int first) {
            this.values = values;
            this.first = first;
        }

        boolean complete() {
            return sent.cardinality() == values;
        }
    }

    /** The mutation whose picks follow. */
    static synchronized void sending(Mutation mutation) {
        current = mutation;
    }

    /**
     * @param drawn  the try's random pick, which places the kind's first value
     * @param values how many values there are to pick from
     * @return the index of the value to send: the kind's next one in turn
     */
    static synchronized int pick(int drawn, int values) {
        String kind = (current == null ? "(none)" : current.kind()) + " [" + values + " values]";
        Picks picks = KINDS.computeIfAbsent(kind, k -> new Picks(values, Math.floorMod(drawn, values)));
        int index = (picks.first + picks.uses++) % values;
        picks.sent.set(index);
        if (current != null && !picks.mutations.contains(current)) {
            picks.mutations.add(current);
        }
        return index;
    }

    /** @return a mutation of a kind that has not sent all its values yet, in turn; null when every kind has */
    static synchronized Mutation nextMissing() {
        for (Picks picks : KINDS.values()) {
            if (!picks.complete() && !picks.mutations.isEmpty()) {
                return picks.mutations.get(round++ % picks.mutations.size());
            }
        }
        return null;
    }

    /** @return each kind (with its number of values) of which some value was never sent, with how many were */
    static synchronized Map<String, Integer> missed() {
        Map<String, Integer> missed = new TreeMap<>();
        KINDS.forEach((kind, picks) -> {
            if (!picks.complete()) {
                missed.put(kind, picks.sent.cardinality());
            }
        });
        return missed;
    }

    /** @return how many kinds picked among several values */
    static synchronized int kinds() {
        return KINDS.size();
    }
}
