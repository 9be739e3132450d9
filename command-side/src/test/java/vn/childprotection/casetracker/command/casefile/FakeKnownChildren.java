package vn.childprotection.casetracker.command.casefile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link KnownChildren} in memory for fixtures: cases of children, the communes that know them, erasures.
 */
final class FakeKnownChildren implements KnownChildren {

    private final Map<String, String> childOfCase = new HashMap<>();
    private final Map<String, Set<String>> communes = new HashMap<>();
    private final Set<String> erased = new HashSet<>();

    /** Nothing known: every report is of a new child. */
    static FakeKnownChildren none() {
        return new FakeKnownChildren();
    }

    FakeKnownChildren caseOf(String caseId, String childId, String communeCode) {
        childOfCase.put(caseId, childId);
        communes.computeIfAbsent(childId, c -> new HashSet<>()).add(communeCode);
        return this;
    }

    FakeKnownChildren erased(String childId) {
        erased.add(childId);
        return this;
    }

    @Override
    public Optional<String> childOf(String caseId) {
        return Optional.ofNullable(childOfCase.get(caseId));
    }

    @Override
    public Standing standing(String childId, String communeCode) {
        if (!communes.getOrDefault(childId, Set.of()).contains(communeCode)) {
            return Standing.NOT_KNOWN_HERE;
        }
        return erased.contains(childId) ? Standing.ERASED : Standing.KNOWN;
    }
}
