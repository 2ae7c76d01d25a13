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
 * Ready only when the broker answers, the Kafka Streams topology (if any) is RUNNING (OUT_OF_SERVICE while it
 * rebalances or restores, DOWN when it failed), and
 * every listener container (if any) runs. Part of the readiness group, so a service that lost Kafka is
 * taken out of load balancing instead of accepting work it cannot pass on.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Object> adminConfig;
    private final ObjectProvider<StreamsBuilderFactoryBean> streams;
    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;
    private volatile Admin admin;

    public KafkaHealthIndicator(Map<String, Object> adminConfig, ObjectProvider<StreamsBuilderFactoryBean> streams,
                                ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        super("Kafka health check failed");
        this.adminConfig = adminConfig;
        this.streams = streams;
        this.listeners = listeners;
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
            if (state == KafkaStreams.State.REBALANCING) {
                builder.status("OUT_OF_SERVICE"); // assigning or restoring tasks: not processing yet
            } else if (state != KafkaStreams.State.RUNNING) {
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
