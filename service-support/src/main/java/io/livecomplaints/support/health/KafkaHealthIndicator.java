package io.livecomplaints.support.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Ready only when the broker answers, the Kafka Streams topology (if any) can serve, and every listener container (if
 * any) runs. Part of the readiness group, so a service that lost Kafka is taken out of load balancing instead of
 * accepting work it cannot pass on. A topology that RUNS or REBALANCES serves: during a rebalance every instance still
 * answers (its own partitions, or forwarded to their owners, or 503 Retry-After for a moment), and taking every
 * rebalancing instance out at once would make a rolling restart take the whole service out. Not started, failed or
 * stopping is DOWN. A service whose API does not need its topology ({@code complaints.health.streams-readiness=false},
 * intake) reports the state without depending on it.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Object> adminConfig;
    private final ObjectProvider<StreamsBuilderFactoryBean> streams;
    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;
    private final boolean streamsReadiness;
    private volatile Admin admin;

    public KafkaHealthIndicator(Map<String, Object> adminConfig, ObjectProvider<StreamsBuilderFactoryBean> streams,
                                ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        this(adminConfig, streams, listeners, true);
    }

    /** @param streamsReadiness whether the Kafka Streams state decides this health (else it is only reported) */
    public KafkaHealthIndicator(Map<String, Object> adminConfig, ObjectProvider<StreamsBuilderFactoryBean> streams,
                                ObjectProvider<KafkaListenerEndpointRegistry> listeners, boolean streamsReadiness) {
        super("Kafka health check failed");
        this.adminConfig = adminConfig;
        this.streams = streams;
        this.listeners = listeners;
        this.streamsReadiness = streamsReadiness;
    }

    /** Whether a Kafka Streams client in this state can serve the API: running, or rebalancing (see the class comment). */
    static boolean serves(KafkaStreams.State state) {
        return state != null && state.isRunningOrRebalancing();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        String clusterId = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                .clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        builder.up().withDetail("clusterId", clusterId);
        for (StreamsBuilderFactoryBean factory : streams) {
            KafkaStreams kafkaStreams = factory.getKafkaStreams();
            KafkaStreams.State state = kafkaStreams == null ? null : kafkaStreams.state();
            builder.withDetail("streams", String.valueOf(state));
            if (streamsReadiness && !serves(state)) {
                builder.down();
            }
        }
        KafkaListenerEndpointRegistry registry = listeners.getIfAvailable();
        if (registry != null) {
            for (MessageListenerContainer container : registry.getListenerContainers()) {
                builder.withDetail("listener." + container.getListenerId(), container.isRunning() ? "running" : "stopped");
                if (!container.isRunning()) {
                    builder.down();
                }
            }
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new java.util.HashMap<>(adminConfig);
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-" + config.getOrDefault(AdminClientConfig.CLIENT_ID_CONFIG, "admin"));
                    admin = Admin.create(config);
                }
            }
        }
        return admin;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
