package io.livecomplaints.schemas.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.schemas.serde.AvroWireSerde;
import io.livecomplaints.schemas.serde.InMemorySchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireEnvelopeTest {

    private final AvroWireSerde<OrderEvent> serde = new AvroWireSerde<>(OrderEvent.class, new InMemorySchemaRegistryClient(), true);
    private final Instant at = Instant.parse("2026-12-04T23:45:00.123Z");

    private byte[] event(String complaintId, String traceId) {
        OrderEvent order = OrderEvent.newBuilder()
                .setEnvelope(Envelopes.create(complaintId, "test", traceId, at))
                .setOrderId("O-1").setUserId("U-1").setStatus(OrderStatus.PAID)
                .setMerchantId("M-1").setSkuId("SKU-1").setProductName("羊绒大衣")
                .setAmountPaidFen(129_900).setPlacedAt(at)
                .build();
        return serde.serializer().serialize("commerce-orders", order);
    }

    @Test
    void readsEachEnvelopeFieldFromTheWireBytesWithAndWithoutComplaintId() {
        String trace = Envelopes.newTraceId();

        byte[] withId = event("C-20261204-000001", trace);
        assertThat(WireEnvelope.complaintId(withId)).isEqualTo("C-20261204-000001");
        assertThat(WireEnvelope.occurredAtMillis(withId)).isEqualTo(at.toEpochMilli());
        assertThat(WireEnvelope.traceId(withId)).isEqualTo(trace);

        byte[] withoutId = event(null, trace);
        assertThat(WireEnvelope.complaintId(withoutId)).isNull();
        assertThat(WireEnvelope.occurredAtMillis(withoutId)).isEqualTo(at.toEpochMilli());
        assertThat(WireEnvelope.traceId(withoutId)).isEqualTo(trace);
    }

    @Test
    void bytesThatAreNotAnEventReadAsAbsent() {
        for (byte[] bytes : new byte[][] {null, new byte[0], {0, 0, 0, 0, 1}, "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8),
                {0, 0, 0, 0, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff}}) {
            assertThat(WireEnvelope.complaintId(bytes)).isNull();
            assertThat(WireEnvelope.occurredAtMillis(bytes)).isEqualTo(-1);
            assertThat(WireEnvelope.traceId(bytes)).isNull();
        }
    }
}
