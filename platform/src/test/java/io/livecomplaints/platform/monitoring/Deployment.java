package io.livecomplaints.platform.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The repository's deployment files (docker-compose.yml, deploy/) and the services' own configuration, as data. */
public final class Deployment {

    /** The five services with the module their code is in; each module's application.yml says its port. */
    public static final List<String> SERVICES = List.of("intake-service", "triage-service", "resolution-service",
            "notification-service", "analytics-service");

    /** The repository root: the folder holding docker-compose.yml, found upwards from the working directory. */
    public static final Path ROOT = findRoot();

    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "by", "without", "rate",
            "increase", "irate", "topk", "bottomk", "histogram_quantile", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "offset", "bool", "abs", "clamp_min", "clamp_max", "delta", "deriv", "label_replace",
            "vector", "scalar", "time");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");

    private Deployment() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> yaml(String relativePath) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(ROOT.resolve(relativePath)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** server.port of a service's application.yml. */
    @SuppressWarnings("unchecked")
    public static int configuredPort(String service) {
        Map<String, Object> server = (Map<String, Object>) yaml(service + "/src/main/resources/application.yml").get("server");
        return ((Number) server.get("port")).intValue();
    }

    /** Every dashboard JSON of deploy/grafana/dashboards, by file name. */
    static Map<String, JsonNode> dashboards() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.put(file.getFileName().toString(), new ObjectMapper().readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every PromQL expression of every panel of every dashboard. */
    static List<String> dashboardQueries() {
        return dashboards().values().stream().flatMap(d -> streamOf(d.path("panels")))
                .flatMap(panel -> streamOf(panel.path("targets"))).map(t -> t.path("expr").asText()).toList();
    }

    /** The metric names a PromQL expression reads (not its functions, labels, or grouping). */
    static Set<String> metricNames(String expression) {
        String stripped = STRING.matcher(expression).replaceAll(" ");
        stripped = LABELS.matcher(stripped).replaceAll(" ");
        stripped = GROUPING.matcher(stripped).replaceAll(" ");
        stripped = RANGE.matcher(stripped).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(stripped);
        while (m.find()) {
            String token = m.group();
            boolean function = stripped.substring(m.end()).stripLeading().startsWith("(");
            if (!PROMQL_WORDS.contains(token) && !function) {
                names.add(token);
            }
        }
        return names;
    }

    static Stream<JsonNode> streamOf(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
