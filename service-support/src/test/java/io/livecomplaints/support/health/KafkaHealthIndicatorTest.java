package io.livecomplaints.support.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.livecomplaints.testkit.TestPlatform;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Readiness against a real broker, with the Kafka Streams state set: an instance that rebalances still serves (UP);
 * one whose topology failed or stops does not; a service that does not need its topology (intake) stays UP.
 */
class KafkaHealthIndicatorTest {

    @ParameterizedTest
    @EnumSource(KafkaStreams.State.class)
    void readyWhileRunningOrRebalancingOnly(KafkaStreams.State state) {
        Status status = statusWith(state, true);
        boolean serves = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        assertThat(status).as(state.name()).isEqualTo(serves ? Status.UP : Status.DOWN);
    }

    @Test
    void aServiceNotNeedingItsTopologyStaysReadyWhateverItsState() {
        assertThat(statusWith(KafkaStreams.State.REBALANCING, false)).isEqualTo(Status.UP);
        assertThat(statusWith(KafkaStreams.State.ERROR, false)).isEqualTo(Status.UP);
        assertThat(statusWith(KafkaStreams.State.NOT_RUNNING, false)).isEqualTo(Status.UP);
    }

    private static Status statusWith(KafkaStreams.State state, boolean streamsReadiness) {
        KafkaStreams streams = mock(KafkaStreams.class);
        when(streams.state()).thenReturn(state);
        StreamsBuilderFactoryBean factory = mock(StreamsBuilderFactoryBean.class);
        when(factory.getKafkaStreams()).thenReturn(streams);
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestPlatform.get().bootstrapServers()),
                new Provided<>(factory), new Provided<KafkaListenerEndpointRegistry>(null), streamsReadiness);
        try {
            return indicator.health().getStatus();
        } finally {
            indicator.destroy();
        }
    }

    /** The one bean of a type, or none (a StaticListableBeanFactory would take the factory bean for its product). */
    private record Provided<T>(T bean) implements ObjectProvider<T> {
        @Override
        public T getObject(Object... args) {
            return bean;
        }

        @Override
        public T getObject() {
            return bean;
        }

        @Override
        public T getIfAvailable() {
            return bean;
        }

        @Override
        public T getIfUnique() {
            return bean;
        }

        @Override
        public Stream<T> stream() {
            return Stream.ofNullable(bean);
        }
    }
}
