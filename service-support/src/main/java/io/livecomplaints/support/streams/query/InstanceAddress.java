package io.livecomplaints.support.streams.query;

import org.apache.kafka.streams.state.HostInfo;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * Where the other instances of this service reach this one: the advertised host ({@code complaints.instance.advertised-host},
 * e.g. the container's name) and the web server's actual port (also when it is random). Published to the group as Kafka
 * Streams' {@code application.server} by {@link ApplicationServerPublisher}.
 */
public class InstanceAddress {

    private final ApplicationContext context;
    private final String host;

    public InstanceAddress(ApplicationContext context, String host) {
        this.context = context;
        this.host = host;
    }

    /** This instance, or port -1 before the web server has started. */
    public HostInfo hostInfo() {
        int port = context instanceof WebServerApplicationContext web && web.getWebServer() != null ? web.getWebServer().getPort() : -1;
        return new HostInfo(host, port);
    }
}
