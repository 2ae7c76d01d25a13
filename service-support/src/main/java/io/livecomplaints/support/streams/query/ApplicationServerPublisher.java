package io.livecomplaints.support.streams.query;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Sets {@code application.server} (host:port of {@link InstanceAddress}) on every Kafka Streams client of the service,
 * unless configured explicitly. Starts after the web server (so a random port is known) and just before Kafka Streams.
 */
final class ApplicationServerPublisher implements SmartLifecycle {

    /** StreamsBuilderFactoryBean's default phase. */
    private static final int STREAMS_PHASE = Integer.MAX_VALUE - 1000;

    private final ObjectProvider<StreamsBuilderFactoryBean> factories;
    private final InstanceAddress self;
    private volatile boolean running;

    ApplicationServerPublisher(ObjectProvider<StreamsBuilderFactoryBean> factories, InstanceAddress self) {
        this.factories = factories;
        this.self = self;
    }

    @Override
    public void start() {
        HostInfo host = self.hostInfo();
        if (host.port() > 0) {
            for (StreamsBuilderFactoryBean factory : factories) {
                Properties properties = factory.getStreamsConfiguration(); // a copy: set it back
                if (properties != null && properties.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, host.host() + ":" + host.port()) == null) {
                    factory.setStreamsConfiguration(properties);
                }
            }
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return STREAMS_PHASE - 1;
    }
}
