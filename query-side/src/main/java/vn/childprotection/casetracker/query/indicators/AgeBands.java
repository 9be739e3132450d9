package vn.childprotection.casetracker.query.indicators;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The age groups (<i>nhóm tuổi</i>) of the {@code ageGroup} breakdown, from {@code casetracker.indicators.age-bands}
 * (default {@code 0-5,6-10,11-15}: under 6, 6 to under 11, 11 to under 16). Circular 13's groups are unconfirmed,
 * so the bands are configuration; they must cover every age of a child, 0 to 15, once.
 */
@Component
public class AgeBands {

    private static final int OLDEST = 15;

    private final List<Band> bands;

    public AgeBands(@Value("${casetracker.indicators.age-bands:0-5,6-10,11-15}") String configured) {
        List<Band> parsed = new ArrayList<>();
        int next = 0;
        for (String part : configured.split(",")) {
            String[] ends = part.trim().split("-");
            int low;
            int high;
            try {
                low = Integer.parseInt(ends[0].trim());
                high = Integer.parseInt(ends[ends.length - 1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("casetracker.indicators.age-bands: '" + part + "' is not a band "
                        + "like 0-5");
            }
            if (low != next || high < low) {
                throw new IllegalStateException("casetracker.indicators.age-bands must cover ages 0 to " + OLDEST
                        + " in order without gaps or overlaps; '" + part + "' does not follow");
            }
            parsed.add(new Band(low, high));
            next = high + 1;
        }
        if (next != OLDEST + 1) {
            throw new IllegalStateException("casetracker.indicators.age-bands must end at " + OLDEST);
        }
        this.bands = List.copyOf(parsed);
    }

    /** The band labels, youngest first, e.g. {@code 0-5}. */
    public List<String> labels() {
        return bands.stream().map(Band::label).toList();
    }

    /** The label of the band holding this age. */
    public String bandOf(int ageYears) {
        return bands.stream().filter(b -> ageYears >= b.low && ageYears <= b.high).findFirst()
                .map(Band::label).orElse(bands.get(bands.size() - 1).label());
    }

    /**
     * The bands themselves, youngest first; an age outside every band (below 0 or above 15) belongs to the last, as
     * {@link #bandOf} says.
     */
    List<Band> bands() {
        return bands;
    }

    /** Ages {@code low} to {@code high} in whole years, both included. */
    record Band(int low, int high) {
        String label() {
            return low + "-" + high;
        }
    }
}
