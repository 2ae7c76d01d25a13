package io.livecomplaints.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as production needs it (issue 17): every long-running container restarts, has a memory limit
 * its JVM fits in next to RocksDB, and more time to stop than Spring's 30 s drain; every stateful one keeps its state
 * in a volume; operator ports listen on 127.0.0.1; no default Grafana password; the services never register schemas
 * (schema-init does). Docker is not available here: this reads what `docker compose config` would read.
 */
class ComposeHardeningTest {

    private static final Set<String> ONE_SHOT = Set.of("kafka-init", "schema-init");
    private static final Set<String> OPERATOR_ONLY = Set.of("schema-registry", "prometheus", "alertmanager", "grafana");
    private static final Map<String, String> STATE = Map.of(
            "kafka", "/var/lib/kafka/data", "intake-service", "/var/lib/live-complaints",
            "triage-service", "/var/lib/live-complaints", "resolution-service", "/var/lib/live-complaints",
            "notification-service", "/var/lib/live-complaints", "analytics-service", "/var/lib/live-complaints",
            "prometheus", "/prometheus", "alertmanager", "/alertmanager", "grafana", "/var/lib/grafana");

    private final Map<String, Object> compose = Deployment.yaml("docker-compose.yml");

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyLongRunningContainerRestartsAndHasAMemoryLimit() {
        services().forEach((name, service) -> {
            if (ONE_SHOT.contains(name)) {
                assertThat(service.get("restart")).as(name).isEqualTo("no");
                return;
            }
            assertThat(service.get("restart")).as(name + " restart policy").isEqualTo("unless-stopped");
            Map<String, Object> limits = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    service.get("deploy")).get("resources")).get("limits");
            assertThat(bytes(String.valueOf(limits.get("memory")))).as(name + " memory limit").isPositive();
            assertThat(service).as(name + " health check").containsKey("healthcheck");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServicesJvmAndRocksDbFitTheirMemoryLimitAndTheyStopAfterSpringsDrain() throws IOException {
        Matcher percent = Pattern.compile("MaxRAMPercentage=(\\d+)").matcher(Files.readString(Deployment.ROOT.resolve("Dockerfile")));
        assertThat(percent.find()).isTrue();
        long rocksDb = 128L << 20;             // BoundedRocksDbConfig's default
        long nonHeap = 256L << 20;             // metaspace, code cache, thread stacks, buffers (measured ~200 MiB)
        String defaults = Files.readString(Deployment.ROOT.resolve(
                "service-support/src/main/resources/io/livecomplaints/support/service-defaults.properties"));
        assertThat(defaults).contains("rocksdb.config.setter=io.livecomplaints.support.kafka.BoundedRocksDbConfig");
        for (String name : Deployment.SERVICES) {
            Map<String, Object> service = services().get(name);
            long limit = bytes(String.valueOf(((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    service.get("deploy")).get("resources")).get("limits")).get("memory")));
            long heap = limit * Integer.parseInt(percent.group(1)) / 100;
            assertThat(heap + rocksDb + nonHeap).as(name + ": heap + RocksDB + non-heap within the limit").isLessThanOrEqualTo(limit);
            assertThat(seconds(String.valueOf(service.get("stop_grace_period")))).as(name + " grace period > Spring's 30 s")
                    .isGreaterThan(30);
        }
        assertThat(seconds(String.valueOf(services().get("kafka").get("stop_grace_period")))).isGreaterThan(30);
    }

    @Test
    @SuppressWarnings("unchecked")
    void statefulContainersKeepTheirStateInVolumes() {
        Set<String> declared = ((Map<String, Object>) compose.get("volumes")).keySet();
        STATE.forEach((name, path) -> {
            List<String> volumes = (List<String>) services().get(name).get("volumes");
            assertThat(volumes).as(name + " state volume").anySatisfy(volume -> {
                String[] parts = volume.split(":");
                assertThat(parts[1]).isEqualTo(path);
                assertThat(declared).contains(parts[0]);
            });
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void operatorPortsListenOnLoopbackOnlyAndGrafanaHasNoDefaultPassword() {
        services().forEach((name, service) -> {
            List<String> ports = (List<String>) service.getOrDefault("ports", List.of());
            if (OPERATOR_ONLY.contains(name)) {
                assertThat(ports).as(name).isNotEmpty().allMatch(port -> port.startsWith("127.0.0.1:"));
            }
        });
        assertThat(services().get("lag-exporter")).as("the lag exporter is read by Prometheus on the compose network only")
                .doesNotContainKey("ports");
        Map<String, Object> grafana = (Map<String, Object>) services().get("grafana").get("environment");
        assertThat(String.valueOf(grafana.get("GF_SECURITY_ADMIN_PASSWORD"))).startsWith("${GRAFANA_ADMIN_PASSWORD:?");
        Map<String, Object> alertmanager = (Map<String, Object>) services().get("alertmanager").get("environment");
        assertThat(alertmanager.keySet()).contains("ALERT_PAGE_WEBHOOK_URL", "ALERT_TICKET_WEBHOOK_URL");
        assertThat((List<String>) services().get("alertmanager").get("volumes"))
                .contains("./deploy/alertmanager:/etc/alertmanager:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLagExporterReadsTheBrokerAndProbesEveryService() {
        Map<String, Object> exporter = services().get("lag-exporter");
        assertThat(((Map<String, Object>) exporter.get("build")).get("args")).isEqualTo(Map.of("SERVICE", "lag-exporter"));
        Map<String, Object> environment = (Map<String, Object>) exporter.get("environment");
        assertThat(environment).containsEntry("COMPLAINTS_LAG_EXPORTER_BOOTSTRAP_SERVERS", "kafka:9092");
        String readiness = String.valueOf(environment.get("COMPLAINTS_LAG_EXPORTER_READINESS"));
        for (String name : Deployment.SERVICES) {
            assertThat(readiness).contains(name + "=http://" + name + ":" + Deployment.configuredPort(name) + "/actuator/health/readiness");
        }
        assertThat(Deployment.ROOT.resolve("lag-exporter/pom.xml")).exists();
        assertThat(Deployment.yaml("lag-exporter/src/main/resources/application.yml").get("server").toString()).contains("port=9308");
    }

    private static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([kmg]?)").matcher(size.toLowerCase());
        assertThat(m.matches()).as(size).isTrue();
        long value = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "k" -> value << 10;
            case "m" -> value << 20;
            case "g" -> value << 30;
            default -> value;
        };
    }

    private static long seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)s").matcher(duration);
        assertThat(m.matches()).as(duration).isTrue();
        return Long.parseLong(m.group(1));
    }
}
