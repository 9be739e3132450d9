package vn.childprotection.casetracker.platform.orgunits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every version of the list of org units known to this process, in version order, starting with the shipped list
 * (version 0). Immutable: a new loading gives a new history.
 */
public final class OrgStructureHistory {

    private final List<OrgStructureVersion> versions;

    /**
     * @param shipped the shipped list, version 0
     */
    public OrgStructureHistory(OrgStructureVersion shipped) {
        this(List.of(shipped));
    }

    private OrgStructureHistory(List<OrgStructureVersion> versions) {
        this.versions = List.copyOf(versions);
    }

    /**
     * @param next the version following {@link #latest()}
     * @return this history with {@code next} added
     * @throws IllegalArgumentException when {@code next} is not the version after the latest
     */
    public OrgStructureHistory with(OrgStructureVersion next) {
        if (next.version() != latest().version() + 1) {
            throw new IllegalArgumentException("Org structure version " + next.version() + " does not follow "
                    + latest().version());
        }
        List<OrgStructureVersion> all = new ArrayList<>(versions);
        all.add(next);
        return new OrgStructureHistory(all);
    }

    /** The latest version: what is in force now. */
    public OrgStructureVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /**
     * The version known at {@code instant}: the highest version recorded at or before it, or the shipped list when
     * the instant is before the first loading.
     *
     * @param instant a UTC instant; null means now (the latest)
     */
    public OrgStructureVersion asOf(Instant instant) {
        if (instant == null) {
            return latest();
        }
        OrgStructureVersion known = versions.get(0);
        for (OrgStructureVersion version : versions) {
            if (version.knownAt(instant)) {
                known = version;
            }
        }
        return known;
    }

    /** Every version, the shipped list first. */
    public List<OrgStructureVersion> versions() {
        return versions;
    }
}
