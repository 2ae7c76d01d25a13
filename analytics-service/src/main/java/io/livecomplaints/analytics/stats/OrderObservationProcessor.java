package io.livecomplaints.analytics.stats;

import io.livecomplaints.analytics.stats.model.Observation;
import io.livecomplaints.analytics.stats.model.OrderCounting;
import io.livecomplaints.events.OrderEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Order events (keyed by orderId; one per status change) → each order's observations once, remembered in
 * {@value StatsStores#ORDERS_SEEN} until the retention has passed since it was placed.
 */
class OrderObservationProcessor implements Processor<String, OrderEvent, String, Long> {

    private final Duration retention;
    private final Duration purgeInterval;
    private ProcessorContext<String, Long> context;
    private KeyValueStore<String, Long> seen;

    OrderObservationProcessor(Duration retention, Duration purgeInterval) {
        this.retention = retention;
        this.purgeInterval = purgeInterval;
    }

    @Override
    public void init(ProcessorContext<String, Long> context) {
        this.context = context;
        this.seen = context.getStateStore(StatsStores.ORDERS_SEEN);
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(Record<String, OrderEvent> record) {
        OrderEvent order = record.value();
        if (order == null || seen.get(order.getOrderId()) != null) {
            return;
        }
        seen.put(order.getOrderId(), order.getPlacedAt().toEpochMilli());
        for (Observation observation : OrderCounting.observe(order)) {
            context.forward(new Record<>(observation.key().toString(), observation.value(), observation.at().toEpochMilli()));
        }
    }

    private void purge(long now) {
        long cutoff = now - retention.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = seen.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value < cutoff) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(seen::delete);
    }
}
