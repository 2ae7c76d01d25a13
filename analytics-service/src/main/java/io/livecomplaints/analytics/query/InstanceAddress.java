package io.livecomplaints.analytics.query;

import io.livecomplaints.analytics.stats.AnalyticsProperties;
import java.util.Properties;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Where other instances reach this one: the advertised host and the actual web port, published to the group as
 * Kafka Streams' {@code application.server} so that every instance knows which host owns which partitions. The web
 * server starts before Kafka Streams (lifecycle phases), so the port is known even when it is random.
 */
@Configuration(proxyBeanMethods = false)
public class InstanceAddress {

    private final ApplicationContext context;
    private final String host;

    InstanceAddress(ApplicationContext context, AnalyticsProperties properties) {
        this.context = context;
        this.host = properties.advertisedHost();
    }

    public HostInfo hostInfo() {
        int port = context instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : -1;
        return new HostInfo(host, port);
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer applicationServer() {
        return factory -> factory.setKafkaStreamsCustomizer(new KafkaStreamsCustomizer() {
            @Override
            public KafkaStreams initKafkaStreams(Topology topology, Properties properties, KafkaClientSupplier clients) {
                Properties withServer = new Properties();
                withServer.putAll(properties);
                HostInfo self = hostInfo();
                withServer.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
                return new KafkaStreams(topology, withServer, clients);
            }

            @Override
            public void customize(KafkaStreams kafkaStreams) {
            }
        });
    }
}
