package io.livecomplaints.triage.classification;

import io.livecomplaints.events.CaseCorrection;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.CorrectionKind;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.triage.classification.model.LabeledComplaint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Labelled examples from agents' corrections: every case on complaint-cases (compacted: the latest version of each)
 * whose type an agent corrected gives its complaint text with the corrected type. Read from the start of the topic
 * at each classifier (re)load, without a consumer group, committed records only; a case without its complaint text
 * (opened before cases kept it) gives nothing.
 */
final class CorrectionExamples implements Supplier<List<LabeledComplaint>> {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> consumerProperties;
    private final Topic<String, ComplaintCase> cases;
    private final Duration timeout;

    CorrectionExamples(Map<String, Object> consumerProperties, Topic<String, ComplaintCase> cases, Duration timeout) {
        this.consumerProperties = consumerProperties;
        this.cases = cases;
        this.timeout = timeout;
    }

    @Override
    public List<LabeledComplaint> get() {
        Map<String, Object> props = new HashMap<>(consumerProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, LabeledComplaint> latest = new HashMap<>();
        try (KafkaConsumer<String, ComplaintCase> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                cases.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(cases.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, ComplaintCase> record : consumer.poll(POLL)) {
                    LabeledComplaint example = example(record.value());
                    if (example == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), example);
                    }
                }
            }
            if (!reached(consumer, end)) {
                throw new IllegalStateException("complaint-cases not read to its end within " + timeout);
            }
        }
        return new ArrayList<>(latest.values());
    }

    /** The complaint's text with the type of its last reclassification, or null. */
    static LabeledComplaint example(ComplaintCase c) {
        if (c == null || c.getComplaint() == null || c.getComplaint().getText().isBlank()) {
            return null;
        }
        ComplaintType corrected = null;
        for (CaseCorrection correction : c.getCorrections()) {
            if (correction.getKind() == CorrectionKind.RECLASSIFY) {
                corrected = ComplaintType.valueOf(correction.getTo());
            }
        }
        return corrected == null ? null : new LabeledComplaint(c.getComplaint().getText(), corrected);
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
