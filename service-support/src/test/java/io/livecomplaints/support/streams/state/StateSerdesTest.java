package io.livecomplaints.support.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class StateSerdesTest {

    enum Kind { SPIKE, OUTAGE }

    record Incident(String id, Kind kind, long firstSeenAt, Instant lastSeen, int size, List<Long> recent,
                    Map<String, Integer> perAgent, byte[] histogram) {
    }

    record Small(String id, int size) {
    }

    private final Serde<Incident> serde = StateSerdes.json(Incident.class);

    @Test
    void aRecordRoundTripsWithNestedValuesInstantsAndBytes() {
        Incident incident = new Incident("INC-1", Kind.OUTAGE, 42L, Instant.parse("2026-12-04T12:00:00.123Z"), 3,
                List.of(1L, 2L, 3L), Map.of("b", 2, "a", 1), new byte[] {0, 1, (byte) 0xff});
        byte[] bytes = serde.serializer().serialize("t", incident);
        Incident back = serde.deserializer().deserialize("t", bytes);

        assertThat(back).usingRecursiveComparison().isEqualTo(incident);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).as("readable, instants as text, map keys sorted")
                .contains("\"kind\":\"OUTAGE\"", "\"lastSeen\":\"2026-12-04T12:00:00.123Z\"", "{\"a\":1,\"b\":2}")
                .doesNotContain("@class");
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void aMemberMissingFromOlderStateReadsAsNullOrZero() {
        Incident old = read(Incident.class, "{\"id\":\"INC-2\",\"kind\":\"SPIKE\"}");
        assertThat(old.id()).isEqualTo("INC-2");
        assertThat(old.size()).isZero();
        assertThat(old.recent()).isNull();
    }

    @Test
    void anythingThatIsNotExactlyTheRecordIsRefused() {
        for (String bad : new String[] {
                "{\"id\":\"x\",\"size\":1,\"unknown\":true}",   // a member this record does not have
                "{\"id\":\"x\",\"size\":1,\"size\":2}",          // a member given twice
                "{\"id\":\"x\",\"size\":\"1\"}",                 // a number in quotes
                "{\"id\":\"x\",\"size\":1.5}",                   // a fraction for a whole number
                "{\"id\":\"x\",\"size\":1} {}",                  // trailing content
                "id|1",                                          // not JSON (an old pipe-delimited value)
                "{\"@class\":\"java.lang.Runtime\",\"id\":\"x\"}"}) {
            assertThatThrownBy(() -> read(Small.class, bad)).as(bad).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Small");
        }
        assertThatThrownBy(() -> read(Incident.class, "{\"kind\":1}")).as("an enum by ordinal")
                .isInstanceOf(SerializationException.class);
        assertThat(read(Small.class, "{\"id\":\"x\",\"size\":1}")).isEqualTo(new Small("x", 1));
    }

    @Test
    void stringsAreUtf8() {
        Serde<String> strings = StateSerdes.string();
        assertThat(strings.deserializer().deserialize("t", strings.serializer().serialize("t", "坐席-7"))).isEqualTo("坐席-7");
    }

    private static <T> T read(Class<T> type, String json) {
        return StateSerdes.json(type).deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8));
    }
}
