package io.livecomplaints.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in Confluent's wire format, registering or looking up the
 * writer schema under the TopicNameStrategy subject. Drop-in for Confluent's KafkaAvroSerializer.
 *
 * <p>Per record it costs one identity lookup of the schema id and one copy of the encoded bytes: ids are cached by
 * topic and schema instance (a generated class hands out one {@code Schema} object, so the registry client's cache,
 * keyed on the schema's JSON text, is asked once per schema, not per record), and each thread encodes into its own
 * reused buffer.
 */
public class AvroWireSerializer<T extends GenericContainer> implements Serializer<T> {

    private static final ThreadLocal<EncodeBuffer> BUFFERS = ThreadLocal.withInitial(EncodeBuffer::new);

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<SchemaOnTopic, Integer> ids = new ConcurrentHashMap<>();

    /** For Kafka's reflective instantiation; configure() must follow. */
    public AvroWireSerializer() {
    }

    public AvroWireSerializer(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (registry == null || configs.containsKey(SerdeConfig.SCHEMA_REGISTRY_URL)
                || configs.containsKey(SerdeConfig.REGISTRY_CLIENT_INSTANCE)) {
            this.registry = SerdeConfig.client(configs);
        }
        if (configs.containsKey(SerdeConfig.AUTO_REGISTER_SCHEMAS)) {
            this.autoRegister = SerdeConfig.autoRegister(configs);
        }
        ids.clear(); // another registry or registration mode: ids are asked again
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        int id = schemaId(topic, schema);
        EncodeBuffer buffer = BUFFERS.get();
        try {
            BinaryEncoder encoder = buffer.encoder();
            buffer.startRecord(id);
            writers.computeIfAbsent(schema, AvroWireSerializer::writerFor).write(record, encoder);
            encoder.flush();
            return buffer.toByteArray();
        } catch (IOException | RuntimeException e) {
            buffer.dropEncoder(); // it may hold part of the failed record
            throw new SerializationException("cannot write " + schema.getFullName() + " to " + topic + ": " + e.getMessage(), e);
        }
    }

    private int schemaId(String topic, Schema schema) {
        Integer cached = ids.get(new SchemaOnTopic(topic, schema));
        if (cached != null) {
            return cached;
        }
        String subject = WireFormat.subject(topic, isKey);
        int id;
        try {
            id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
        } catch (RuntimeException e) {
            throw new SerializationException("cannot get a schema id for subject " + subject + ": " + e.getMessage(), e);
        }
        ids.put(new SchemaOnTopic(topic, schema), id);
        return id;
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(Schema schema) {
        Class<?> generated = SpecificData.get().getClass(schema);
        if (generated != null && SpecificRecord.class.isAssignableFrom(generated)) {
            return (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(schema);
        }
        return new GenericDatumWriter<>(schema);
    }

    /** A cache key that compares the schema by identity: equal-but-distinct schemas just ask the registry client once more. */
    private record SchemaOnTopic(String topic, Schema schema) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SchemaOnTopic other && other.schema == schema && other.topic.equals(topic);
        }

        @Override
        public int hashCode() {
            return 31 * topic.hashCode() + System.identityHashCode(schema);
        }
    }

    /** One thread's growable output (not synchronized, unlike ByteArrayOutputStream) and its buffered encoder. */
    private static final class EncodeBuffer extends java.io.OutputStream {
        private static final int INITIAL = 1024;
        private static final int MAX_KEPT = 64 * 1024;
        private byte[] bytes = new byte[INITIAL];
        private int size;
        private BinaryEncoder encoder;

        /** Starts a record with its wire-format header; call after {@link #encoder()}. */
        void startRecord(int schemaId) {
            if (bytes.length > MAX_KEPT) {
                bytes = new byte[INITIAL]; // one huge record does not pin its buffer to the thread
            }
            size = 0;
            write(WireFormat.MAGIC_BYTE);
            write(schemaId >>> 24);
            write(schemaId >>> 16);
            write(schemaId >>> 8);
            write(schemaId);
        }

        BinaryEncoder encoder() {
            encoder = EncoderFactory.get().binaryEncoder(this, encoder);
            return encoder;
        }

        void dropEncoder() {
            encoder = null;
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
