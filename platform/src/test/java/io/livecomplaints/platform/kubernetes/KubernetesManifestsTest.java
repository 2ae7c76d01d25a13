package io.livecomplaints.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.platform.monitoring.Deployment;
import io.livecomplaints.platform.security.SecretsFromEnvironmentTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/k8s, validated offline (no cluster here): every object of the kustomization parses and satisfies the
 * schema of its kind (KubernetesSchemas); each service runs as a StatefulSet with a persistent state volume, a
 * headless Service, probes on its actuator health groups, resources and a PodDisruptionBudget; secrets are only
 * references (secretKeyRef), with the environment names docker-compose.yml uses; Prometheus scrapes with the
 * scraper's credential; the schema registry and the one-shot schema registration mirror docker-compose.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Deployment.ROOT.resolve("deploy/k8s");

    private record Manifest(String file, Map<String, Object> object) {
        String kind() {
            return String.valueOf(object.get("kind"));
        }

        String name() {
            return String.valueOf(metadata(object).get("name"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Manifest> manifests() throws IOException {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(DIR.resolve("kustomization.yaml")));
        List<String> resources = (List<String>) kustomization.get("resources");
        try (Stream<Path> files = Files.list(DIR)) {
            Set<String> present = new HashSet<>(files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList());
            assertThat(present).as("every manifest is a resource of the kustomization").containsExactlyInAnyOrderElementsOf(resources);
        }
        List<Manifest> all = new ArrayList<>();
        for (String file : resources) {
            for (Object document : new Yaml().loadAll(Files.readString(DIR.resolve(file), StandardCharsets.UTF_8))) {
                if (document != null) {
                    all.add(new Manifest(file, (Map<String, Object>) document));
                }
            }
        }
        return all;
    }

    private static Manifest find(List<Manifest> all, String kind, String name) {
        return all.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    @Test
    void everyObjectSatisfiesTheSchemaOfItsKind() throws IOException {
        List<Manifest> all = manifests();
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Manifest m : all) {
            problems.addAll(KubernetesSchemas.validate(m.file() + " " + m.kind() + "/" + m.name(), m.object()));
            assertThat(names.add(m.kind() + "/" + m.name())).as("unique " + m.kind() + "/" + m.name()).isTrue();
            if (!m.kind().equals("Namespace")) {
                assertThat(metadata(m.object()).get("namespace")).as(m.name()).isEqualTo("live-complaints");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(all).extracting(Manifest::kind).contains("StatefulSet", "Service", "PodDisruptionBudget", "Deployment",
                "Job", "ServiceMonitor", "ConfigMap", "Namespace");
    }

    @Test
    void theValidationCatchesTyposWrongTypesAndMissingFields() {
        Map<String, Object> broken = new Yaml().load("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: Bad_Name}
                spec:
                  serviceName: x
                  replicas: "2"
                  selector: {matchLabels: {app: x}}
                  template:
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinesProbe: {httpGet: {path: /, port: 80}}
                          resources: {requests: {cpu: lots, memory: 1Gi}}
                """);
        assertThat(KubernetesSchemas.validate("t", broken)).anySatisfy(p -> assertThat(p).contains("not a DNS-1123 label"))
                .anySatisfy(p -> assertThat(p).contains("spec.replicas: expected integer"))
                .anySatisfy(p -> assertThat(p).contains("unknown field readinesProbe"))
                .anySatisfy(p -> assertThat(p).contains("missing required field limits"))
                .anySatisfy(p -> assertThat(p).contains("cpu: expected quantity"));
        assertThat(KubernetesSchemas.validate("t", Map.of("apiVersion", "v1", "kind", "Secret", "metadata", Map.of("name", "s"))))
                .as("kinds without a schema are refused").isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachServiceIsAStatefulSetWithStateVolumeHeadlessServiceProbesResourcesAndABudget() throws IOException {
        List<Manifest> all = manifests();
        Map<String, Object> config = (Map<String, Object>) find(all, "ConfigMap", "live-complaints-services").object().get("data");
        for (String name : Deployment.SERVICES) {
            int port = Deployment.configuredPort(name);
            Map<String, Object> spec = spec(find(all, "StatefulSet", name).object());
            Map<String, Object> labels = (Map<String, Object>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
            Map<String, Object> pod = (Map<String, Object>) spec.get("template");
            assertThat((Map<String, Object>) metadata(pod).get("labels")).as(name + " pods carry the selector labels")
                    .containsAllEntriesOf(labels);
            assertThat((Integer) spec.get("replicas")).as(name).isGreaterThanOrEqualTo(2);

            Map<String, Object> container = ((List<Map<String, Object>>) spec(pod).get("containers")).get(0);
            assertThat(container.get("ports").toString()).as(name).contains("containerPort=" + port);
            assertThat(env(container, config)).as(name).containsEntry("SERVER_PORT", Integer.toString(port));
            assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
            assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
            assertThat(container).containsKey("resources");

            // the Streams state directory is on the pod's persistent volume
            String stateDir = String.valueOf(env(container, config).get("COMPLAINTS_STATE_DIR"));
            List<Map<String, Object>> claims = (List<Map<String, Object>>) spec.get("volumeClaimTemplates");
            assertThat(claims).as(name + " persistent volume").hasSize(1);
            String claim = String.valueOf(metadata(claims.get(0)).get("name"));
            assertThat((List<Map<String, Object>>) container.get("volumeMounts"))
                    .anySatisfy(mount -> assertThat(mount).containsEntry("name", claim).containsEntry("mountPath", stateDir));

            Map<String, Object> headless = spec(find(all, "Service", String.valueOf(spec.get("serviceName"))).object());
            assertThat(headless).as(name + " headless service").containsEntry("clusterIP", "None");
            assertThat((Map<String, Object>) headless.get("selector")).isEqualTo(labels);
            Map<String, Object> service = spec(find(all, "Service", name).object());
            assertThat((Map<String, Object>) service.get("selector")).isEqualTo(labels);
            assertThat(service.get("ports").toString()).contains("port=" + port);

            Map<String, Object> budget = spec(find(all, "PodDisruptionBudget", name).object());
            assertThat((Map<String, Object>) ((Map<String, Object>) budget.get("selector")).get("matchLabels")).isEqualTo(labels);
        }
        Map<String, Object> analytics = ((List<Map<String, Object>>) spec((Map<String, Object>) spec(
                find(all, "StatefulSet", "analytics-service").object()).get("template")).get("containers")).get(0);
        assertThat(env(analytics, config).get("COMPLAINTS_INSTANCE_ADVERTISED_HOST"))
                .as("instances reach each other by their stable headless names")
                .isEqualTo("$(POD_NAME).analytics-service-headless.live-complaints.svc.cluster.local");
    }

    @Test
    @SuppressWarnings("unchecked")
    void secretsAreReferencesUnderTheEnvironmentNamesOfDockerCompose() throws IOException {
        List<Manifest> all = manifests();
        assertThat(all).extracting(Manifest::kind).as("no Secret objects with values in the repository").doesNotContain("Secret");
        for (String file : Files.list(DIR).map(p -> p.getFileName().toString()).toList()) {
            List<String> lines = Files.readAllLines(DIR.resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                assertThat(SecretsFromEnvironmentTest.literalSecrets(lines.get(i))).as(file + ":" + (i + 1)).isEmpty();
            }
        }
        Map<String, Object> config = (Map<String, Object>) find(all, "ConfigMap", "live-complaints-services").object().get("data");
        assertThat(config.keySet()).noneMatch(key -> key.matches(".*(PASSWORD|SECRET).*"));

        Map<String, Map<String, Object>> compose = (Map<String, Map<String, Object>>) Deployment.yaml("docker-compose.yml").get("services");
        Map<String, Map<String, Object>> containers = new LinkedHashMap<>();
        for (Manifest m : all) {
            if (Set.of("StatefulSet", "Deployment", "Job").contains(m.kind())) {
                containers.put(m.name(), ((List<Map<String, Object>>) spec((Map<String, Object>) spec(m.object()).get("template"))
                        .get("containers")).get(0));
            }
        }
        assertThat(containers.keySet()).containsAll(Deployment.SERVICES).contains("schema-registry", "schema-init");
        containers.forEach((name, container) -> {
            for (Map<String, Object> variable : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
                if (String.valueOf(variable.get("name")).matches(".*(PASSWORD|SECRET).*")) {
                    assertThat(variable).as(name + " " + variable.get("name") + " by reference").doesNotContainKey("value");
                    assertThat(variable.get("valueFrom").toString()).as(name + " " + variable.get("name")).contains("secretKeyRef");
                }
            }
            Set<String> composeNames = ((Map<String, Object>) compose.get(name).get("environment")).keySet();
            assertThat(env(container, config).keySet()).as(name + ": the environment names of docker-compose.yml")
                    .containsAll(composeNames);
        });
        // the one-shot registration runs what docker-compose's schema-init runs
        assertThat(containers.get("schema-init").get("command")).isEqualTo(compose.get("schema-init").get("entrypoint"));
        assertThat(spec((Map<String, Object>) spec(find(all, "Job", "schema-init").object()).get("template")))
                .containsEntry("restartPolicy", "OnFailure");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceWithTheScraperCredential() throws IOException {
        List<Manifest> all = manifests();
        Map<String, Object> monitor = spec(find(all, "ServiceMonitor", "live-complaints").object());
        Map<String, Object> selector = (Map<String, Object>) ((Map<String, Object>) monitor.get("selector")).get("matchLabels");
        Map<String, Object> endpoint = ((List<Map<String, Object>>) monitor.get("endpoints")).get(0);
        assertThat(endpoint).containsEntry("path", "/actuator/prometheus").containsEntry("port", "http");
        Map<String, Object> password = (Map<String, Object>) ((Map<String, Object>) endpoint.get("basicAuth")).get("password");

        List<String> scraped = all.stream().filter(m -> m.kind().equals("Service"))
                .filter(m -> ((Map<String, Object>) metadata(m.object()).getOrDefault("labels", Map.of())).entrySet()
                        .containsAll(selector.entrySet()))
                .map(Manifest::name).toList();
        assertThat(scraped).containsExactlyInAnyOrderElementsOf(Deployment.SERVICES);
        for (String name : Deployment.SERVICES) {
            Map<String, Object> container = ((List<Map<String, Object>>) spec((Map<String, Object>) spec(
                    find(all, "StatefulSet", name).object()).get("template")).get("containers")).get(0);
            Map<String, Object> reference = ((List<Map<String, Object>>) container.get("env")).stream()
                    .filter(v -> v.get("name").equals("COMPLAINTS_SECURITY_SCRAPER_PASSWORD")).findFirst().orElseThrow();
            assertThat(((Map<String, Object>) reference.get("valueFrom")).get("secretKeyRef"))
                    .as(name + " checks the password Prometheus sends").isEqualTo(password);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.getOrDefault("metadata", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> object) {
        return (Map<String, Object>) object.get("spec");
    }

    @SuppressWarnings("unchecked")
    private static String probePath(Map<String, Object> container, String probe) {
        return String.valueOf(((Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet")).get("path"));
    }

    /** The container's environment: the shared ConfigMap (envFrom) and its own variables (a reference as "ref"). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> container, Map<String, Object> config) {
        Map<String, Object> env = new LinkedHashMap<>();
        if (container.containsKey("envFrom")) {
            assertThat(container.get("envFrom").toString()).contains("live-complaints-services");
            env.putAll(config);
        }
        for (Map<String, Object> variable : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
            env.put(String.valueOf(variable.get("name")), variable.containsKey("value") ? variable.get("value") : "ref");
        }
        return env;
    }
}
