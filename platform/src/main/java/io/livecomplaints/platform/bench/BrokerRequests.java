package io.livecomplaints.platform.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import io.livecomplaints.platform.runtime.ServiceProcess;

/**
 * The broker's request counters ({@code kafka.network:type=RequestMetrics,name=RequestsPerSec,request=*}, one per
 * request type and API version) read over JMX: the broker process is started without a JMX port, so the benchmark
 * opens one on loopback with {@code jcmd <pid> ManagementAgent.start}. Two snapshots give requests per second by type.
 */
final class BrokerRequests implements AutoCloseable {

    private final JMXConnector connector;
    private final MBeanServerConnection server;

    private BrokerRequests(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
    }

    static BrokerRequests attach(long brokerPid) throws IOException, InterruptedException {
        int port = ServiceProcess.freePort();
        JfrProfile.jcmd(brokerPid, "ManagementAgent.start", "jmxremote.port=" + port, "jmxremote.rmi.port=" + port,
                "jmxremote.host=127.0.0.1", "jmxremote.authenticate=false", "jmxremote.ssl=false");
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        return new BrokerRequests(JMXConnectorFactory.connect(url));
    }

    /** Requests served so far, per request type (summed over API versions). */
    Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (ObjectName name : server.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
            counts.merge(name.getKeyProperty("request"), ((Number) server.getAttribute(name, "Count")).longValue(), Long::sum);
        }
        return counts;
    }

    /** Per request type, requests per second between two snapshots, most frequent first; idle types left out. */
    static Map<String, Double> perSecond(Map<String, Long> before, Map<String, Long> after, double seconds) {
        Map<String, Double> rates = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> rates.put(e.getKey(), e.getValue() / seconds));
        return rates;
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
