package io.livecomplaints.intake.pipeline;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintSubmission;
import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.intake.enrichment.UpstreamTables;
import io.livecomplaints.intake.entry.ReceiveSubmission;
import io.livecomplaints.intake.kafka.GlobalStores;
import io.livecomplaints.intake.kafka.StoreNames;
import io.livecomplaints.intake.receipts.ReceivedComplaints;
import io.livecomplaints.intake.submission.model.Reception;
import io.livecomplaints.intake.validation.model.ComplaintValidator;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Intake's whole Kafka Streams topology (exactly_once_v2 from the shared defaults):
 * <pre>
 * commerce-orders     ─▶ global store orders      (latest order by orderId)                  ┐ enrichment, read by
 * live-sessions       ─▶ global store sessions    (each session, each room's latest session) ┘ both entry paths
 * complaints-received ─▶ global store complaints  (by complaint id and idempotency scope)    ─ idempotent filing, progress
 * complaint-cases     ─▶ global store cases       (resolution's case by complaintId)         ─ progress
 *
 * complaint-submissions ─ receive once per submission (submissions-seen) ─ validate ─ enrich from orders/sessions
 *   ─▶ complaints-received (key complaintId)        invalid ─▶ complaint-submissions-dlt
 * </pre>
 * The API files complaints into complaints-received through its own durable publish, not through this topology; it
 * reads the global stores through {@link io.livecomplaints.intake.kafka.IntakeQueries}. A global store skips a
 * record it cannot decode (see {@link GlobalStores}).
 */
public final class IntakeTopology {

    private final Topics topics;
    private final ComplaintValidator validator;
    private final Reception reception;

    public IntakeTopology(Topics topics, ComplaintValidator validator, Reception reception) {
        this.topics = topics;
        this.validator = validator;
        this.reception = reception;
    }

    /** Adds the global stores and the submissions entry to the builder; returns the complaints received from it. */
    public KStream<String, ComplaintReceived> build(StreamsBuilder builder) {
        GlobalStores.<OrderEvent>add(builder, StoreNames.ORDERS, topics.commerceOrders, GlobalStores.latestByKey());
        GlobalStores.<LiveSessionEvent>add(builder, StoreNames.SESSIONS, topics.liveSessions, UpstreamTables::indexSession);
        GlobalStores.add(builder, StoreNames.COMPLAINTS, topics.complaintsReceived, ReceivedComplaints::index);
        GlobalStores.<ComplaintCase>add(builder, StoreNames.CASES, topics.complaintCases, GlobalStores.latestByKey());
        return submissionsEntry(builder);
    }

    private KStream<String, ComplaintReceived> submissionsEntry(StreamsBuilder builder) {
        Topic<String, ComplaintSubmission> in = topics.complaintSubmissions;
        Topic<String, ComplaintReceived> out = topics.complaintsReceived;
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SUBMISSIONS_SEEN),
                Serdes.String(), Serdes.String()));
        KStream<String, ComplaintReceived> received = builder.stream(in.name(), Consumed.with(in.keySerde(), in.valueSerde()))
                .process(() -> new ReceiveSubmission(validator, reception), StoreNames.SUBMISSIONS_SEEN);
        received.to(out.name(), Produced.with(out.keySerde(), out.valueSerde()));
        return received;
    }
}
