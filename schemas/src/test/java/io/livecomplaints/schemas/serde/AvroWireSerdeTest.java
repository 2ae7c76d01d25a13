package io.livecomplaints.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.schemas.envelope.Envelopes;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroWireSerdeTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    static OrderEvent order() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return OrderEvent.newBuilder()
                .setEnvelope(Envelopes.create(null, "test", null, now))
                .setOrderId("O-1").setUserId("U-1").setStatus(OrderStatus.PAID)
                .setMerchantId("M-1").setSkuId("SKU-1").setProductName("羊绒大衣")
                .setAmountPaidFen(129_900).setPlacedAt(now)
                .build();
    }

    @Test
    void writesConfluentWireFormatAndReadsItBack() {
        AvroWireSerde<OrderEvent> serde = new AvroWireSerde<>(OrderEvent.class, registry, true);
        OrderEvent order = order();

        byte[] bytes = serde.serializer().serialize("commerce-orders", order);

        assertThat(bytes[0]).isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(registry.latest("commerce-orders-value").id()).isEqualTo(id);
        assertThat(serde.deserializer().deserialize("commerce-orders", bytes)).isEqualTo(order);
    }

    @Test
    void withoutAutoRegistrationAnUnknownSchemaIsAnError() {
        AvroWireSerializer<OrderEvent> serializer = new AvroWireSerializer<>(registry, false);
        assertThatThrownBy(() -> serializer.serialize("commerce-orders", order()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("commerce-orders-value");
    }

    @Test
    void anOlderWriterSchemaIsReadIntoTheCurrentClassWithDefaults() {
        Schema old = SchemaBuilder.record("OrderEvent").namespace("io.livecomplaints.events").fields()
                .name("envelope").type(io.livecomplaints.events.Envelope.getClassSchema()).noDefault()
                .requiredString("orderId").requiredString("userId")
                .name("status").type(OrderStatus.getClassSchema()).noDefault()
                .requiredString("merchantId").requiredString("skuId").requiredString("productName")
                .requiredLong("amountPaidFen")
                .name("placedAt").type(Schema.create(Schema.Type.LONG)).noDefault()
                .endRecord();
        OrderEvent full = order();
        GenericRecord record = new GenericData.Record(old);
        for (Schema.Field f : old.getFields()) {
            Object value = full.get(f.name());
            record.put(f.name(), value instanceof Instant i ? i.toEpochMilli() : value);
        }
        byte[] bytes = new AvroWireSerializer<GenericRecord>(registry, true).serialize("commerce-orders", record);

        OrderEvent read = new AvroWireDeserializer<OrderEvent>(registry, OrderEvent.class).deserialize("commerce-orders", bytes);

        assertThat(read.getOrderId()).isEqualTo("O-1");
        assertThat(read.getQuantity()).isEqualTo(1);
        assertThat(read.getAnchorId()).isNull();
        assertThat(read.getPlacedAt()).isEqualTo(full.getPlacedAt());
    }

    @Test
    void bytesThatAreNotWireFormatAreRefusedWithAClearReason() {
        AvroWireDeserializer<OrderEvent> deserializer = new AvroWireDeserializer<>(registry, OrderEvent.class);
        assertThatThrownBy(() -> deserializer.deserialize("commerce-orders", "{\"orderId\":1}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not in the Confluent Avro wire format");
    }

    @Test
    void aDeserializerWithoutATypeFindsTheGeneratedClassByName() {
        byte[] bytes = new AvroWireSerializer<OrderEvent>(registry, true).serialize("commerce-orders", order());
        Object read = new AvroWireDeserializer<>(registry, null).deserialize("commerce-orders", bytes);
        assertThat(read).isInstanceOf(OrderEvent.class);
    }

    @Test
    void nullIsATombstone() {
        AvroWireSerde<OrderEvent> serde = new AvroWireSerde<>(OrderEvent.class, registry, true);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void asksTheRegistryOncePerTopicAndSchemaAndWritesTheSameBytesEveryTime() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        SchemaRegistryClient counting = new SchemaRegistryClient() {
            @Override
            public int register(String subject, Schema schema) {
                asked.incrementAndGet();
                return registry.register(subject, schema);
            }

            @Override
            public int lookup(String subject, Schema schema) {
                asked.incrementAndGet();
                return registry.lookup(subject, schema);
            }

            @Override
            public RegisteredSchema latest(String subject) {
                return registry.latest(subject);
            }

            @Override
            public Schema schemaById(int id) {
                return registry.schemaById(id);
            }
        };
        AvroWireSerializer<OrderEvent> serializer = new AvroWireSerializer<>(counting, true);
        OrderEvent order = order();

        byte[] first = serializer.serialize("commerce-orders", order);
        byte[] again = serializer.serialize("commerce-orders", order);
        serializer.serialize("commerce-orders-copy", order);
        serializer.serialize("commerce-orders-copy", order);

        assertThat(asked).hasValue(2);
        assertThat(again).isEqualTo(first);
        assertThat(new AvroWireDeserializer<OrderEvent>(registry, OrderEvent.class).deserialize("commerce-orders", again))
                .isEqualTo(order);
    }

    @Test
    void aRecordThatCannotBeWrittenLeavesNothingBehindForTheNext() {
        AvroWireSerializer<OrderEvent> serializer = new AvroWireSerializer<>(registry, true);
        OrderEvent broken = order();
        broken.setProductName(null); // a required field: the writer fails part-way through the record
        OrderEvent order = order();
        byte[] expected = serializer.serialize("commerce-orders", order);

        assertThatThrownBy(() -> serializer.serialize("commerce-orders", broken)).isInstanceOf(SerializationException.class);

        assertThat(serializer.serialize("commerce-orders", order)).isEqualTo(expected);
    }

    @Test
    void recordsLargerThanTheBufferAreWrittenWhole() {
        AvroWireSerde<OrderEvent> serde = new AvroWireSerde<>(OrderEvent.class, registry, true);
        OrderEvent large = order();
        large.setProductName("大".repeat(100_000));

        byte[] bytes = serde.serializer().serialize("commerce-orders", large);

        assertThat(serde.deserializer().deserialize("commerce-orders", bytes)).isEqualTo(large);
        assertThat(serde.deserializer().deserialize("commerce-orders", serde.serializer().serialize("commerce-orders", order())).getProductName())
                .isEqualTo("羊绒大衣");
    }
}
