package io.livecomplaints.resolution.cases;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.RegulatorReply;
import io.livecomplaints.events.ReplayRetention;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.resolution.cases.model.CasePolicies;
import io.livecomplaints.resolution.caseview.CaseQueries;
import io.livecomplaints.resolution.credit.model.CreditLedger;
import io.livecomplaints.resolution.sla.model.SlaTimer;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.support.streams.schedule.DurableSchedule;
import io.livecomplaints.support.streams.state.StateSerdes;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The resolution topology, all of it. complaints-triaged, complaint-commands and survey-responses (all keyed by
 * complaintId, so co-partitioned) feed the {@link CaseProcessor}, which owns the {@value #CASES} store and the
 * {@value #DEADLINES} schedule (both changelogged; one entry per case with a pending SLA timer); its effects go to their topics, the credit deltas re-keyed by subject
 * and summed into credit-records. Every instance also keeps global read replicas of complaint-cases
 * ({@value #CASE_VIEW}, for the API's {@link CaseQueries}) and credit-records ({@value #CREDIT_VIEW}, for the users'
 * standing, read by the processor and the API).
 * <pre>
 * complaints-triaged ─┐
 * complaint-commands ─┼─ merge ─ case-processor ─┬─ ComplaintCase ──────▶ complaint-cases ─▶ global case-view
 * survey-responses ───┘   [cases,case-deadlines, ├─ ComplaintOutcome ───▶ complaint-outcomes
 *                          credit-view; a        ├─ RegulatorReply ─────▶ regulator-replies
 *                          wall-clock punctuator ├─ SlaEvent ───────────▶ sla-events
 *                          fires due timers]     ├─ ReplayRetention ────▶ replay-retention
 *                                                └─ CreditRecord delta ─ group by subject ─ sum [credit-ledger]
 *                                                                        ─▶ credit-records ─▶ global credit-view
 * </pre>
 */
public final class CaseTopology {

    public static final String CASES = "cases";
    /**
     * The timer schedule ({@link DurableSchedule}: time-ordered keys, id = complaint id, empty values): one entry per
     * case, at its next SLA timer. A new name, so that neither former encoding's changelog ("sla-timers", then
     * "sla-schedule" with one {@link SlaTimer} per entry; {@link LegacyTimerMigration}) is read with this one's serde.
     */
    public static final String DEADLINES = "case-deadlines";
    public static final String CASE_VIEW = CaseQueries.CASE_VIEW;
    public static final String CREDIT_VIEW = CaseQueries.CREDIT_VIEW;
    static final String CREDIT_LEDGER = "credit-ledger";

    private final Topics topics;
    private final CasePolicies policies;
    private final Clock clock;
    private final Duration punctuateEvery;

    /** {@code punctuateEvery}: how often the processor looks for due timers (wall-clock time). */
    public CaseTopology(Topics topics, CasePolicies policies, Clock clock, Duration punctuateEvery) {
        this.topics = topics;
        this.policies = policies;
        this.clock = clock;
        this.punctuateEvery = punctuateEvery;
    }

    /** Adds the whole topology to {@code builder}; returns the processor's effects stream (already routed). */
    public KStream<String, Object> build(StreamsBuilder builder) {
        Topic<String, ComplaintCase> cases = topics.complaintCases;
        Topic<String, CreditRecord> credit = topics.creditRecords;
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASES), StateSerdes.string(), cases.valueSerde()));
        builder.addStateStore(DurableSchedule.storeBuilder(DEADLINES, StateSerdes.string()));
        builder.addStateStore(DurableSchedule.storeBuilder(LegacyTimerMigration.TIMER_SCHEDULE, StateSerdes.json(SlaTimer.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LegacyTimerMigration.STRING_KEYS),
                StateSerdes.string(), StateSerdes.string()));
        // the replica keeps each case's bytes as the topic has them: decoding and re-encoding every case update on
        // the global thread was ~15 % of resolution's CPU (issue 16); the API decodes the cases it reads (CaseQueries)
        builder.globalTable(cases.name(), Consumed.with(cases.keySerde(), Serdes.ByteArray()),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(CASE_VIEW)
                        .withKeySerde(cases.keySerde()).withValueSerde(Serdes.ByteArray()));
        builder.globalTable(credit.name(), Consumed.with(credit.keySerde(), credit.valueSerde()),
                Materialized.<String, CreditRecord, KeyValueStore<Bytes, byte[]>>as(CREDIT_VIEW)
                        .withKeySerde(credit.keySerde()).withValueSerde(credit.valueSerde()));

        Topic<String, ComplaintTriaged> triaged = topics.complaintsTriaged;
        Topic<String, ComplaintCommand> commands = topics.complaintCommands;
        Topic<String, SurveyResponse> surveys = topics.surveyResponses;
        KStream<String, CaseInput> inputs = builder.stream(triaged.name(), Consumed.with(triaged.keySerde(), triaged.valueSerde()))
                .mapValues(CaseInput::of)
                .merge(builder.stream(commands.name(), Consumed.with(commands.keySerde(), commands.valueSerde())).mapValues(CaseInput::of))
                .merge(builder.stream(surveys.name(), Consumed.with(surveys.keySerde(), surveys.valueSerde())).mapValues(CaseInput::of));
        KStream<String, Object> effects = inputs.process(() -> new CaseProcessor(policies, clock, punctuateEvery), Named.as("case-processor"),
                CASES, DEADLINES, LegacyTimerMigration.TIMER_SCHEDULE, LegacyTimerMigration.STRING_KEYS);

        effects.split(Named.as("effect-"))
                .branch((k, v) -> v instanceof ComplaintCase, Branched.withConsumer(s -> to(s, cases), "case"))
                .branch((k, v) -> v instanceof ComplaintOutcome, Branched.withConsumer(s -> to(s, topics.complaintOutcomes), "outcome"))
                .branch((k, v) -> v instanceof RegulatorReply, Branched.withConsumer(s -> to(s, topics.regulatorReplies), "regulator-reply"))
                .branch((k, v) -> v instanceof SlaEvent, Branched.withConsumer(s -> to(s, topics.slaEvents), "sla"))
                .branch((k, v) -> v instanceof ReplayRetention, Branched.withConsumer(s -> to(s, topics.replayRetention), "retention"))
                .branch((k, v) -> v instanceof CreditRecord, Branched.withConsumer(s -> s
                        .mapValues(v -> (CreditRecord) v)
                        .groupByKey(Grouped.with("credit-deltas", credit.keySerde(), credit.valueSerde()))
                        .aggregate(() -> null, (subject, delta, record) -> CreditLedger.add(record, delta),
                                Materialized.<String, CreditRecord, KeyValueStore<Bytes, byte[]>>as(CREDIT_LEDGER)
                                        .withKeySerde(credit.keySerde()).withValueSerde(credit.valueSerde()))
                        .toStream()
                        .to(credit.name(), Produced.with(credit.keySerde(), credit.valueSerde())), "credit"))
                .noDefaultBranch();
        return effects;
    }

    private static <V> void to(KStream<String, Object> stream, Topic<String, V> topic) {
        stream.mapValues(v -> topic.valueType().cast(v)).to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()));
    }
}
