package io.livecomplaints.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** What the shared defaults make of every service's Kafka Streams clients, as Kafka Streams itself reads them. */
class StreamsDefaultsTest {

    private static final String PREFIX = "spring.kafka.streams.properties.";

    @Test
    void theMainConsumerNoticesACrashedMemberWithinTenSeconds() throws Exception {
        StreamsConfig config = new StreamsConfig(streamsProperties());
        Map<String, Object> consumer = config.getMainConsumerConfigs("intake-service", "intake-service-StreamThread-1", 0);

        assertThat(Integer.parseInt(consumer.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG).toString())).isEqualTo(10_000);
        assertThat(Integer.parseInt(consumer.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG).toString())).isLessThanOrEqualTo(10_000 / 3);
        assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void everyStatefulTaskHasOneStandbyReplicaUnlessTheEnvironmentSaysOtherwise() throws Exception {
        assertThat(new StreamsConfig(streamsProperties()).getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        assertThat(new StreamsConfig(streamsProperties(Map.of("COMPLAINTS_STREAMS_STANDBY_REPLICAS", "0")))
                .getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isZero();
    }

    @Test
    void everyStreamThreadCommitsEveryHundredMillisecondsUnlessTheEnvironmentSaysOtherwise() throws Exception {
        assertThat(new StreamsConfig(streamsProperties()).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100);
        assertThat(new StreamsConfig(streamsProperties(Map.of("COMPLAINTS_STREAMS_COMMIT_INTERVAL_MS", "500")))
                .getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(500);
    }

    @Test
    void aStreamThreadsTransactionOutlivesABrokerCrashUnlessTheEnvironmentSaysOtherwise() throws Exception {
        assertThat(producerConfig(Map.of()).get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG).toString()).isEqualTo("60000");
        assertThat(producerConfig(Map.of("COMPLAINTS_STREAMS_TRANSACTION_TIMEOUT_MS", "10000"))
                .get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG).toString()).isEqualTo("10000");
    }

    /** The stream thread's producer as Kafka Streams configures it: its exactly-once defaults under our settings. */
    private static Map<String, Object> producerConfig(Map<String, Object> environment) throws Exception {
        return new StreamsConfig(streamsProperties(environment)).getProducerConfigs("intake-service-StreamThread-1-producer");
    }

    private static Properties streamsProperties() throws Exception {
        return streamsProperties(Map.of());
    }

    /**
     * The {@code spring.kafka.streams.properties.*} of the shared defaults, as Spring hands them to Kafka Streams:
     * placeholders resolved, environment variables first.
     */
    private static Properties streamsProperties(Map<String, Object> environment) throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = StreamsDefaultsTest.class.getClassLoader().getResourceAsStream("io/livecomplaints/support/service-defaults.properties")) {
            defaults.load(in);
        }
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new SystemEnvironmentPropertySource("environment", environment));
        sources.addLast(new PropertiesPropertySource("defaults", defaults));
        PropertySourcesPropertyResolver resolver = new PropertySourcesPropertyResolver(sources);
        resolver.setIgnoreUnresolvableNestedPlaceholders(true);
        Properties streams = new Properties();
        defaults.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .forEach(k -> streams.put(k.substring(PREFIX.length()), resolver.getProperty(k)));
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, "intake-service");
        streams.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        return streams;
    }
}
