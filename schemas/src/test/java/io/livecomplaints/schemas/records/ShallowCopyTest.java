package io.livecomplaints.schemas.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.schemas.envelope.Envelopes;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShallowCopyTest {

    @Test
    void aCopyIsEqualSharesNestedValuesAndChangesAloneWhenItsFieldIsSet() {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        OrderEvent order = OrderEvent.newBuilder()
                .setEnvelope(Envelopes.create(null, "test", null, now))
                .setOrderId("O-1").setUserId("U-1").setStatus(OrderStatus.PAID)
                .setMerchantId("M-1").setSkuId("SKU-1").setProductName("羊绒大衣")
                .setAmountPaidFen(129_900).setPlacedAt(now)
                .build();

        OrderEvent copy = ShallowCopy.of(order);
        copy.setStatus(OrderStatus.REFUNDED);

        assertThat(copy).isNotSameAs(order).isInstanceOf(OrderEvent.class);
        assertThat(copy.getEnvelope()).isSameAs(order.getEnvelope());
        assertThat(copy.getStatus()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.getStatus()).as("the original is untouched").isEqualTo(OrderStatus.PAID);
        copy.setStatus(OrderStatus.PAID);
        assertThat(copy).isEqualTo(order);
    }
}
