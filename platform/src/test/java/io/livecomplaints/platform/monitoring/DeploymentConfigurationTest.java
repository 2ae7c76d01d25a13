package io.livecomplaints.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import io.livecomplaints.platform.runtime.LocalMonitoring;
import io.livecomplaints.platform.runtime.LocalPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, the Prometheus scrape configuration, the Grafana provisioning and bin/local agree with each
 * other and with the code: every service under its name and its configured port, with a health check, scraped by
 * Prometheus; Kafka is KRaft at the pinned version; every dashboard is valid and queries the provisioned datasource.
 * (Docker cannot run here; what it would read is checked instead.)
 */
class DeploymentConfigurationTest {

    private final Map<String, Object> compose = Deployment.yaml("docker-compose.yml");

    @SuppressWarnings("unchecked")
    private Map<String, Object> service(String name) {
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).as("docker-compose services").containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> targets(Map<String, Object> prometheus, String job) {
        for (Map<String, Object> scrape : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            if (job.equals(scrape.get("job_name"))) {
                assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
                return ((List<Map<String, List<String>>>) scrape.get("static_configs")).get(0).get("targets");
            }
        }
        throw new AssertionError("no scrape job " + job);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceRunsUnderItsNameAndConfiguredPortWithAHealthCheckAndIsScraped() throws IOException {
        Map<String, Object> prometheus = Deployment.yaml("deploy/prometheus/prometheus.yml");
        List<String> scraped = targets(prometheus, "live-complaints");
        String local = LocalMonitoring.prometheusConfig(Files.readString(Deployment.ROOT.resolve("deploy/prometheus/prometheus.yml")),
                Deployment.ROOT, Path.of("/var/secrets/scraper-password"), LocalPorts.BIN_LOCAL);
        for (String name : Deployment.SERVICES) {
            int port = Deployment.configuredPort(name);
            Map<String, Object> service = service(name);
            assertThat(((Map<String, Object>) service.get("build")).get("args")).as(name).isEqualTo(Map.of("SERVICE", name));
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(String.valueOf(environment.get("SERVER_PORT"))).as(name).isEqualTo(Integer.toString(port));
            assertThat(environment).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("COMPLAINTS_SCHEMA_REGISTRY_URL", "http://schema-registry:8081")
                    .containsKey("COMPLAINTS_SECURITY_JWT_SECRET")
                    .containsKey("COMPLAINTS_SECURITY_SCRAPER_PASSWORD"); // metrics only with the scraper's credential
            assertThat((List<String>) service.get("ports")).as(name).containsExactly(port + ":" + port);
            assertThat(service.get("healthcheck").toString()).as(name).contains("http://localhost:" + port + "/actuator/health/readiness");
            assertThat(((Map<String, Object>) service.get("depends_on")).keySet()).containsExactlyInAnyOrder("kafka", "schema-registry", "schema-init");
            assertThat(environment).as(name + ": schemas are registered by schema-init only")
                    .containsEntry("COMPLAINTS_SCHEMA_REGISTRY_AUTO_REGISTER", "false");
            assertThat(scraped).as("prometheus targets").contains(name + ":" + port);
            assertThat(LocalPorts.BIN_LOCAL.of(name)).as("bin/local runs " + name + " on its configured port").isEqualTo(port);
            assertThat(LocalPorts.SERVICES).as("bin/local starts " + name).contains(name);
            assertThat(local).as("bin/local's Prometheus scrapes " + name).contains("127.0.0.1:" + port);
        }
        assertThat(scraped).hasSize(Deployment.SERVICES.size());
        for (Map<String, Object> scrape : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            if ("live-complaints".equals(scrape.get("job_name"))) {
                assertThat((Map<String, Object>) scrape.get("basic_auth")).as("Prometheus scrapes the services with its credential")
                        .containsEntry("username", "prometheus").containsEntry("password_file", "/run/secrets/scraper_password");
            }
        }
        assertThat((List<String>) service("prometheus").get("secrets")).contains("scraper_password");
        // the registry's writes need a credential that only the one-shot registration has
        assertThat(service("schema-registry").get("environment").toString()).contains("SCHEMA_REGISTRY_WRITER_PASSWORD");
        assertThat(service("schema-init").get("entrypoint").toString()).contains("io.livecomplaints.schemas.topics.RegisterSchemas");
        assertThat(service("schema-init").get("environment").toString()).contains("SCHEMA_REGISTRY_WRITER_PASSWORD");
        assertThat(local).as("bin/local's Prometheus scrapes with the credential").contains("basic_auth", "username: prometheus",
                "password_file: /var/secrets/scraper-password");
        assertThat(service("analytics-service").get("environment").toString()).contains("COMPLAINTS_INSTANCE_ADVERTISED_HOST=analytics-service");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaIsKraftAtThePinnedVersionAndTheRegistryListensWhereServicesLook() throws IOException {
        Map<String, Object> kafka = service("kafka");
        Matcher pinned = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(Files.readString(Deployment.ROOT.resolve("pom.xml")));
        assertThat(pinned.find()).isTrue();
        assertThat(kafka.get("image")).isEqualTo("apache/kafka:" + pinned.group(1));
        Map<String, Object> environment = (Map<String, Object>) kafka.get("environment");
        // the project's one broker configuration, which LocalCluster (bin/local, the tests) reads too
        assertThat(Files.readAllLines(Deployment.ROOT.resolve("deploy/kafka/server.properties"))).contains("process.roles=broker,controller");
        assertThat((List<String>) kafka.get("volumes")).contains("./deploy/kafka:/opt/live-complaints:ro");
        assertThat(Files.readString(Deployment.ROOT.resolve("deploy/kafka/kafka-start.sh")))
                .contains("\"$here/server.properties\"", "\"$here/server-sasl.properties\"");
        assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS").toString()).contains("PLAINTEXT://kafka:9092");
        assertThat(kafka).containsKey("healthcheck");

        Map<String, Object> registry = service("schema-registry");
        assertThat(((Map<String, Object>) registry.get("build")).get("args")).isEqualTo(Map.of("SERVICE", "schema-registry"));
        assertThat(String.valueOf(((Map<String, Object>) registry.get("environment")).get("SCHEMA_REGISTRY_PORT"))).isEqualTo("8081");
        assertThat((List<String>) registry.get("ports")).as("no credential for reads: operators only")
                .containsExactly("127.0.0.1:8081:8081");
        assertThat(registry.get("healthcheck").toString()).contains("http://localhost:8081/actuator/health");
        assertThat(targets(Deployment.yaml("deploy/prometheus/prometheus.yml"), "schema-registry")).containsExactly("schema-registry:8081");
        assertThat(Files.readString(Deployment.ROOT.resolve("Dockerfile"))).contains("${SERVICE}-*-exec.jar");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusAndGrafanaAreProvisionedFromTheRepository() {
        Map<String, Object> prometheus = service("prometheus");
        assertThat((List<String>) prometheus.get("volumes")).contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        assertThat((List<String>) prometheus.get("ports")).containsExactly("127.0.0.1:9090:9090");
        Map<String, Object> grafana = service("grafana");
        assertThat((List<String>) grafana.get("ports")).containsExactly("127.0.0.1:3000:3000");
        assertThat((List<String>) grafana.get("volumes")).contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        assertThat(prometheus).containsKey("healthcheck");
        assertThat(grafana).containsKey("healthcheck");

        Map<String, Object> datasource = ((List<Map<String, Object>>) Deployment.yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
                .get("datasources")).get(0);
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        Map<String, Object> provider = ((List<Map<String, Object>>) Deployment.yaml("deploy/grafana/provisioning/dashboards/live-complaints.yml")
                .get("providers")).get(0);
        assertThat(((Map<String, Object>) provider.get("options")).get("path")).isEqualTo("/var/lib/grafana/dashboards");

        Map<String, JsonNode> dashboards = Deployment.dashboards();
        assertThat(dashboards.keySet()).containsExactlyInAnyOrder("pipeline-health.json", "complaint-mix.json", "sla.json",
                "anchors-merchants.json");
        Set<String> uids = new HashSet<>();
        dashboards.forEach((file, dashboard) -> {
            assertThat(uids.add(dashboard.path("uid").asText())).as("unique uid " + file).isTrue();
            assertThat(dashboard.path("title").asText()).as(file).isNotBlank();
            Set<Integer> ids = new HashSet<>();
            Deployment.streamOf(dashboard.path("panels")).forEach(panel -> {
                assertThat(ids.add(panel.path("id").asInt())).as(file + " panel ids").isTrue();
                assertThat(panel.path("datasource").path("uid").asText()).as(file).isEqualTo(datasource.get("uid"));
                assertThat(panel.path("targets").size()).as(file + " " + panel.path("title")).isPositive();
                Deployment.streamOf(panel.path("targets")).forEach(t ->
                        assertThat(Deployment.metricNames(t.path("expr").asText())).as(t.path("expr").asText()).isNotEmpty());
            });
        });
    }

    @Test
    void metricNamesAreReadOutOfPromQl() {
        assertThat(Deployment.metricNames("histogram_quantile(0.95, sum by (le, topic) (rate(complaints_event_hop_latency_seconds_bucket{x=\"a\"}[5m])))"))
                .containsExactly("complaints_event_hop_latency_seconds_bucket");
        assertThat(Deployment.metricNames("sum by (type) (a_total) / sum by (type) (b_total{type!=\"all\"}) / 100"))
                .containsExactly("a_total", "b_total");
    }
}
