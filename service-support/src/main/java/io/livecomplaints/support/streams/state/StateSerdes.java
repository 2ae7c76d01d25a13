package io.livecomplaints.support.streams.state;

import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one encoding of a service's private state (its state stores and their changelogs, which no other service
 * reads): JSON of plain Java records, read strictly. An unknown member, a member given twice, a number in quotes, a
 * fraction for a whole number or an enum by ordinal fail the read (a
 * {@link SerializationException}: the record goes to its dead-letter topic) instead of silently becoming something
 * else. No default typing: the class is the store's, never taken from the bytes. A member missing from older state
 * reads as null (or a primitive's zero), so a record may gain members. Instants are ISO-8601 text.
 *
 * <pre>{@code
 * builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("incident-groups"),
 *         StateSerdes.string(), StateSerdes.json(IncidentState.class)));
 * }</pre>
 *
 * Contracts between services are Avro ({@code schemas}); these serdes are for state only.
 */
public final class StateSerdes {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // a member missing from older state: 0
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private StateSerdes() {
    }

    /** JSON of {@code type} (a record, or a class Jackson can build), strict on read; null stays null (a delete). */
    public static <T> Serde<T> json(Class<T> type) {
        Objects.requireNonNull(type);
        // a reader and writer bound to the type once: readValue/writeValueAsBytes on the mapper look the type's
        // (de)serializer up again for every record, on the stream threads' hot path (issue 16)
        ObjectReader reader = JSON.readerFor(type);
        ObjectWriter writer = JSON.writerFor(type);
        return Serdes.serdeFrom(
                (topic, value) -> {
                    if (value == null) {
                        return null;
                    }
                    try {
                        return writer.writeValueAsBytes(value);
                    } catch (JacksonException e) {
                        throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
                    }
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    try {
                        return reader.readValue(bytes);
                    } catch (JacksonException e) {
                        throw new SerializationException("not a " + type.getSimpleName() + " (state JSON): " + e.getOriginalMessage(), e);
                    }
                });
    }

    /** UTF-8 strings (keys, ids). */
    public static Serde<String> string() {
        return Serdes.String();
    }
}
