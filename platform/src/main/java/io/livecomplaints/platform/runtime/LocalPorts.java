package io.livecomplaints.platform.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed loopback ports of {@code bin/local}: the broker's client and controller listeners, and the HTTP port of
 * every other component by name. The services' ports are those of docker-compose.yml and README.md.
 */
public record LocalPorts(int broker, int controller, Map<String, Integer> http) {

    /** The five services, in the order {@code bin/local} starts them. */
    public static final List<String> SERVICES = List.of("intake-service", "triage-service", "resolution-service",
            "notification-service", "analytics-service");

    public static final LocalPorts BIN_LOCAL = new LocalPorts(9092, 9093, ports(
            "schema-registry", 8081,
            "intake-service", 8080, "triage-service", 8082, "resolution-service", 8083, "notification-service", 8084,
            "analytics-service", 8085,
            "lag-exporter", 9308,
            "prometheus", 9090,
            // 9093 is the broker's controller here (compose has Alertmanager on it); 9094 has no cluster peer to serve
            "alertmanager", 9094));

    public LocalPorts {
        http = Map.copyOf(http);
    }

    public int of(String component) {
        Integer port = http.get(component);
        if (port == null) {
            throw new IllegalArgumentException("no port for " + component);
        }
        return port;
    }

    private static Map<String, Integer> ports(Object... nameThenPort) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < nameThenPort.length; i += 2) {
            ports.put((String) nameThenPort[i], (Integer) nameThenPort[i + 1]);
        }
        return ports;
    }
}
