package io.livecomplaints.lagexporter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every {@code complaints.lag-exporter.interval} reads the lag and replaces the gauges
 * {@code kafka_consumergroup_lag{group,topic}} with it: a group or topic that is gone is gone from the scrape too.
 * A failed reading keeps the last values, counts {@code lag_exporter_read_failures_total}, and leaves
 * {@code lag_exporter_last_success_timestamp_seconds} behind, which the staleness alert watches.
 */
public class LagGauges {

    private static final Logger log = LoggerFactory.getLogger(LagGauges.class);

    private final ConsumerLagReader reader;
    private final MultiGauge lag;
    private final Counter failures;
    private final AtomicLong lastSuccess = new AtomicLong();

    public LagGauges(ConsumerLagReader reader, MeterRegistry registry) {
        this.reader = reader;
        this.lag = MultiGauge.builder("kafka.consumergroup.lag")
                .description("records a consumer group has not consumed yet: end offset minus committed offset, summed over the topic's partitions")
                .register(registry);
        this.failures = Counter.builder("lag.exporter.read.failures")
                .description("readings of the consumer groups' offsets that failed").register(registry);
        registry.gauge("lag.exporter.last.success.timestamp.seconds", lastSuccess, AtomicLong::doubleValue);
    }

    @Scheduled(fixedDelayString = "${complaints.lag-exporter.interval:15s}", initialDelay = 0)
    public void refresh() {
        try {
            List<GroupTopicLag> lags = reader.read();
            lag.register(lags.stream()
                    .map(l -> MultiGauge.Row.of(Tags.of("group", l.group(), "topic", l.topic()), l.lag()))
                    .toList(), true);
            lastSuccess.set(System.currentTimeMillis() / 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failures.increment();
            log.warn("reading the consumer groups' offsets failed: {}", e.toString());
        }
    }
}
