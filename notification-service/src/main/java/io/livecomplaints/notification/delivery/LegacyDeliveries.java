package io.livecomplaints.notification.delivery;

import io.livecomplaints.notification.delivery.model.DeliveryJob;
import io.livecomplaints.notification.delivery.model.JobStatus;
import io.livecomplaints.support.streams.schedule.DurableSchedule;
import io.livecomplaints.support.streams.state.StateSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The delivery bookkeeping before dedup records moved into {@code notification-complaints} and pending jobs into
 * {@code notification-jobs}: a job record per message in {@value #DELIVERIES} (the dedup record) and a SEND or PURGE
 * entry per job in {@value #SCHEDULE}. A deployment upgraded with such state drains it by itself, with no write it
 * would not have made anyway: while a record is left, its key still counts as planned; a due PURGE deletes its record
 * as before; a due SEND hands its pending job over to the current dispatcher (the old record is deleted in the same
 * transaction, its key kept in the complaint's record). Both stores are empty {@code dedup-retention} (30 days) after
 * the upgrade; they stay registered only so their changelogs are restored, and go with this class in a later release.
 */
final class LegacyDeliveries {

    static final String DELIVERIES = "notification-deliveries";
    static final String SCHEDULE = "notification-schedule";
    private static final String PURGE = "PURGE";

    private final KeyValueStore<String, DeliveryJob> deliveries;
    private final DurableSchedule<String> schedule;

    private LegacyDeliveries(KeyValueStore<String, DeliveryJob> deliveries, DurableSchedule<String> schedule) {
        this.deliveries = deliveries;
        this.schedule = schedule;
    }

    static void addStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DELIVERIES), Serdes.String(),
                StateSerdes.json(DeliveryJob.class)));
        builder.addStateStore(DurableSchedule.storeBuilder(SCHEDULE, StateSerdes.string()));
    }

    static LegacyDeliveries from(ProcessorContext<?, ?> context) {
        return new LegacyDeliveries(context.getStateStore(DELIVERIES), DurableSchedule.from(context, SCHEDULE));
    }

    /** Whether the old bookkeeping still holds a record of this job key. */
    boolean planned(String jobKey) {
        return deliveries.get(jobKey) != null;
    }

    /** Works through the old schedule's due entries; a pending job that came due goes to {@code takeOver}. */
    void drainDue(Instant now, int max, Duration budget, Consumer<DeliveryJob> takeOver) {
        schedule.drainDue(now, max, budget, due -> {
            DeliveryJob job = deliveries.get(due.id());
            if (job == null) {
                return;
            }
            if (PURGE.equals(due.value())) {
                if (job.status().done()) {
                    deliveries.delete(due.id());
                }
            } else if (job.status() == JobStatus.PENDING) {
                deliveries.delete(due.id());
                takeOver.accept(job);
            }
        });
    }
}
