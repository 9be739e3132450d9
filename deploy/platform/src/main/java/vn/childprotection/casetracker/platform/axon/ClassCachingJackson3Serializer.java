package vn.childprotection.casetracker.platform.axon;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

/**
 * Axon's Jackson 3 serializer that remembers the class each stored type name resolved to.
 * <p>
 * Why: {@link Jackson3Serializer#classForType} (Axon 4.13) looks the name up with Jackson's
 * {@code TypeFactory.findClass}, that is {@code Class.forName}, for every payload and metadata it deserialises; behind
 * Spring Boot's class loader that lookup was 5 % of a projection rebuild's handler threads (a JFR profile of a
 * case-history rebuild, docs/benchmarks.md), and it is the same on every live event and every aggregate load. A stored
 * type names one of the service's own classes, so the answer never changes while the service runs.
 * <p>
 * In: a {@link SerializedType} whose name is a class name (its revision does not take part: the class is found by name
 * alone, as in the superclass). Out: that class; {@link UnknownSerializedType} for a name no class has, as the
 * superclass answers, never remembered here (the superclass keeps its own set of unknown names). Thread-safe.
 */
public class ClassCachingJackson3Serializer extends Jackson3Serializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    /**
     * @param builder Axon's builder, configured as for a {@link Jackson3Serializer}
     */
    public ClassCachingJackson3Serializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class && found != Void.class) {
            classes.put(type.getName(), found);
        }
        return found;
    }
}
