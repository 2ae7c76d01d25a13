package io.livecomplaints.schemas.serde;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format Avro. The writer schema comes from the registry by id; the reader schema is the
 * generated class's (given, or found by the writer schema's full name), so old events decode into new classes.
 * Without a generated class it yields GenericRecords.
 */
public class AvroWireDeserializer<T> implements Deserializer<T> {

    /** Each thread's decoder, re-pointed at every record's bytes instead of allocated per record. */
    private static final ThreadLocal<BinaryDecoder[]> DECODERS = ThreadLocal.withInitial(() -> new BinaryDecoder[1]);

    private SchemaRegistryClient registry;
    private Class<? extends SpecificRecord> readerClass;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** For Kafka's reflective instantiation; configure() must follow. */
    public AvroWireDeserializer() {
    }

    public AvroWireDeserializer(SchemaRegistryClient registry, Class<? extends SpecificRecord> readerClass) {
        this.registry = registry;
        this.readerClass = readerClass;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null || configs.containsKey(SerdeConfig.SCHEMA_REGISTRY_URL)
                || configs.containsKey(SerdeConfig.REGISTRY_CLIENT_INSTANCE)) {
            this.registry = SerdeConfig.client(configs);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < WireFormat.HEADER_SIZE || data[0] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException("record on " + topic + " is not in the Confluent Avro wire format (magic byte "
                    + (data.length == 0 ? "missing" : data[0]) + ", " + data.length + " bytes)");
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        try {
            DatumReader<Object> reader = readers.computeIfAbsent(id, this::readerFor);
            BinaryDecoder[] decoder = DECODERS.get();
            decoder[0] = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, decoder[0]);
            return (T) reader.read(null, decoder[0]);
        } catch (RuntimeException | java.io.IOException e) {
            throw new SerializationException("cannot decode record with schema id " + id + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    private DatumReader<Object> readerFor(int id) {
        Schema writer = registry.schemaById(id);
        Schema reader = readerSchema(writer);
        if (reader == null) {
            return new GenericDatumReader<>(writer);
        }
        if (readerClass != null && !reader.getFullName().equals(writer.getFullName())) {
            throw new SerializationException("schema id " + id + " is " + writer.getFullName() + ", expected " + reader.getFullName());
        }
        return new SpecificDatumReader<>(writer, reader);
    }

    private Schema readerSchema(Schema writer) {
        if (readerClass != null) {
            return SpecificData.get().getSchema(readerClass);
        }
        Class<?> generated = SpecificData.get().getClass(writer);
        return generated != null && SpecificRecord.class.isAssignableFrom(generated)
                ? SpecificData.get().getSchema(generated) : null;
    }
}
