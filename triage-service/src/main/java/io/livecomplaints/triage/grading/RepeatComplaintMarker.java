package io.livecomplaints.triage.grading;

import io.livecomplaints.schemas.records.ShallowCopy;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.triage.grading.model.OrderComplaintHistory;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Marks repeat complaints on the same order. Runs on complaints partitioned by order id, so one task sees every
 * complaint of an order; the ids seen per order live in the changelogged {@value #STORE} store.
 */
public final class RepeatComplaintMarker implements FixedKeyProcessor<String, ComplaintTriaged, ComplaintTriaged> {

    public static final String STORE = "order-complaints";
    private static final int KEPT_PER_ORDER = 20;

    private FixedKeyProcessorContext<String, ComplaintTriaged> context;
    private KeyValueStore<String, String> history;

    /** The key complaints are partitioned by for this step. */
    public static String partitionKey(ComplaintTriaged triaged) {
        String orderId = triaged.getComplaint().getOrderId();
        return orderId != null ? "order:" + orderId : "complaint:" + triaged.getEnvelope().getComplaintId();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ComplaintTriaged> context) {
        this.context = context;
        this.history = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ComplaintTriaged> record) {
        String orderId = record.value().getComplaint().getOrderId();
        if (orderId == null) {
            context.forward(record);
            return;
        }
        String stored = history.get(orderId);
        List<String> seen = stored == null ? List.of() : Arrays.asList(stored.split(","));
        OrderComplaintHistory.Outcome outcome = OrderComplaintHistory.record(seen, record.value().getEnvelope().getComplaintId(), KEPT_PER_ORDER);
        history.put(orderId, String.join(",", outcome.history()));
        ComplaintTriaged marked = ShallowCopy.of(record.value());
        marked.setRepeatComplaint(outcome.repeat());
        context.forward(record.withValue(marked));
    }
}
