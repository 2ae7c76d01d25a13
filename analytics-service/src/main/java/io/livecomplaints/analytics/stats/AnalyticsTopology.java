package io.livecomplaints.analytics.stats;

import io.livecomplaints.analytics.stats.model.Granularity;
import io.livecomplaints.analytics.stats.model.ProfileState;
import io.livecomplaints.analytics.stats.model.StatKey;
import io.livecomplaints.analytics.stats.model.Tally;
import io.livecomplaints.analytics.stats.model.TallyState;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.support.streams.state.StateSerdes;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Aggregator;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The statistics pipeline (Kafka Streams, exactly_once_v2, RocksDB stores changelogged to Kafka):
 * <pre>
 * complaints-triaged, complaint-cases, complaint-outcomes,   ─► lifecycle observations ─┐ (per complaint profile:
 * sla-events, survey-responses, notifications (by complaintId)   counted once each)     │
 * commerce-orders (by orderId) ─► order observations (each order once) ────────────────┤
 *                                                                                        ▼
 *            repartition by statistic key ─► tallies: all-time ({@value StatsStores#TOTAL}) and
 *            tumbling 1 min / 1 h / 1 day windows (stats-1m-v2, stats-1h-v2, stats-1d-v2, with retention)
 * </pre>
 * Tallies and profiles are kept as JSON of {@link TallyState} and {@link ProfileState} (StateSerdes).
 * live-qos feeds a global table (latest sample per session) that gives technical complaints their CDN region.
 * Event time is the envelope's occurredAt; an event later than the grace period still counts in the totals.
 * The API reads the tallies through {@link io.livecomplaints.analytics.query.StatsQuery}.
 */
public final class AnalyticsTopology {

    private final Topics topics;
    private final AnalyticsProperties properties;

    public AnalyticsTopology(Topics topics, AnalyticsProperties properties) {
        this.topics = topics;
        this.properties = properties;
    }

    /** Adds the whole pipeline to the builder; returns every observation (statistic key, value) before the tallies. */
    public KStream<String, Long> build(StreamsBuilder builder) {
        Topic<String, QosSample> qos = topics.liveQos;
        builder.globalTable(qos.name(), Consumed.with(qos.keySerde(), qos.valueSerde()).withName("session-qos-source"),
                Materialized.<String, QosSample, KeyValueStore<Bytes, byte[]>>as(StatsStores.SESSION_QOS)
                        .withKeySerde(qos.keySerde()).withValueSerde(qos.valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StatsStores.PROFILES),
                StateSerdes.string(), StateSerdes.json(ProfileState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StatsStores.ORDERS_SEEN),
                Serdes.String(), Serdes.Long()));

        KStream<String, Object> lifecycle = source(builder, topics.complaintsTriaged)
                .merge(source(builder, topics.complaintCases))
                .merge(source(builder, topics.complaintOutcomes))
                .merge(source(builder, topics.slaEvents))
                .merge(source(builder, topics.surveyResponses))
                .merge(source(builder, topics.notifications));
        KStream<String, Long> fromLifecycle = lifecycle.process(
                () -> new LifecycleObservationProcessor(properties.profileRetention(), properties.purgeInterval()),
                Named.as("lifecycle-observations"), StatsStores.PROFILES);

        Topic<String, OrderEvent> orders = topics.commerceOrders;
        KStream<String, Long> fromOrders = builder.stream(orders.name(), Consumed.with(orders.keySerde(), orders.valueSerde())
                        .withTimestampExtractor(new OccurredAtTimestampExtractor()).withName(orders.name() + "-source"))
                .process(() -> new OrderObservationProcessor(properties.orderRetention(), properties.purgeInterval()),
                        Named.as("order-observations"), StatsStores.ORDERS_SEEN);

        KStream<String, Long> observations = fromLifecycle.merge(fromOrders, Named.as("all-observations"));
        KGroupedStream<String, Long> byStatistic = observations
                .repartition(Repartitioned.with(Serdes.String(), Serdes.Long()).withName("observations"))
                .groupByKey(Grouped.with(Serdes.String(), Serdes.Long()));

        Aggregator<String, Long, TallyState> add = (key, value, state) ->
                Tally.of(state).add(value, StatKey.parse(key).metric().sampled()).state();
        byStatistic.aggregate(() -> TallyState.EMPTY, add, Named.as("total-tallies"),
                Materialized.<String, TallyState, KeyValueStore<Bytes, byte[]>>as(StatsStores.TOTAL)
                        .withKeySerde(StateSerdes.string()).withValueSerde(StateSerdes.json(TallyState.class)));
        for (Granularity granularity : Granularity.values()) {
            Duration retention = retention(properties, granularity);
            byStatistic.windowedBy(TimeWindows.ofSizeAndGrace(granularity.size(), properties.grace()))
                    .aggregate(() -> TallyState.EMPTY, add, Named.as("tallies-" + granularity.id()),
                            Materialized.<String, TallyState, WindowStore<Bytes, byte[]>>as(StatsStores.windowed(granularity))
                                    .withKeySerde(StateSerdes.string()).withValueSerde(StateSerdes.json(TallyState.class))
                                    .withRetention(retention));
        }
        return observations;
    }

    /** How long windows of a size are kept: at least one window plus the grace period. */
    static Duration retention(AnalyticsProperties properties, Granularity granularity) {
        Duration configured = switch (granularity) {
            case MINUTE -> properties.retention().minute();
            case HOUR -> properties.retention().hour();
            case DAY -> properties.retention().day();
        };
        Duration minimum = granularity.size().plus(properties.grace());
        return configured.compareTo(minimum) < 0 ? minimum : configured;
    }

    private static <V> KStream<String, Object> source(StreamsBuilder builder, Topic<String, V> topic) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde())
                        .withTimestampExtractor(new OccurredAtTimestampExtractor()).withName(topic.name() + "-source"))
                .mapValues(value -> (Object) value, Named.as(topic.name() + "-as-event"));
    }
}
