package vn.childprotection.casetracker.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

class ClassCachingJackson3SerializerTest {

    record Sample(String caseId, int count) {
    }

    /** Counts the look-ups that reach Axon's own resolution. */
    static final class Counting extends ClassCachingJackson3Serializer {

        final List<String> lookedUp = new ArrayList<>();

        Counting() {
            super(Jackson3Serializer.builder());
        }

        @Override
        protected String resolveClassName(SerializedType type) {
            lookedUp.add(type.getName());
            return super.resolveClassName(type);
        }
    }

    private final Jackson3Serializer plain = Jackson3Serializer.builder().build();

    @Test
    void resolves_each_known_name_as_axon_does_and_only_once() {
        Counting serializer = new Counting();
        SimpleSerializedType type = new SimpleSerializedType(Sample.class.getName(), null);

        assertThat(serializer.classForType(type)).isSameAs(plain.classForType(type)).isSameAs(Sample.class);
        assertThat(serializer.classForType(new SimpleSerializedType(Sample.class.getName(), "2")))
                .as("the revision does not take part").isSameAs(Sample.class);
        assertThat(serializer.lookedUp).containsExactly(Sample.class.getName());
    }

    @Test
    void an_unknown_name_stays_unknown_and_is_not_remembered() {
        Counting serializer = new Counting();
        SimpleSerializedType type = new SimpleSerializedType("vn.childprotection.NoSuchEvent", null);

        assertThat(serializer.classForType(type)).isSameAs(plain.classForType(type))
                .isSameAs(UnknownSerializedType.class);
        assertThat(serializer.classForType(type)).isSameAs(UnknownSerializedType.class);
        assertThat(serializer.lookedUp).containsExactly(type.getName(), type.getName());
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isSameAs(Void.class);
    }

    @Test
    void deserialises_what_it_serialised_again_and_again() {
        ClassCachingJackson3Serializer serializer = new ClassCachingJackson3Serializer(Jackson3Serializer.builder());
        SerializedObject<String> stored = serializer.serialize(new Sample("case-1", 3), String.class);

        for (int i = 0; i < 3; i++) {
            Sample read = serializer.deserialize(stored);
            assertThat(read).isEqualTo(new Sample("case-1", 3));
        }
    }
}
