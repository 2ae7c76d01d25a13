package io.livecomplaints.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules of deploy/prometheus/rules are checked by Prometheus's own tools: {@code promtool check rules} on
 * every rule file, {@code promtool test rules} on every unit test of deploy/prometheus/tests; every alert has a test
 * that expects it to fire; prometheus.yml loads every rule file, sends to Alertmanager and scrapes the lag exporter
 * (and {@code promtool check config} accepts it); Alertmanager routes pages and the rest to a receiver each
 * ({@code amtool}, when installed). promtool comes with the Debian package {@code prometheus}, which bin/test
 * installs: on CI a missing promtool fails, elsewhere it skips.
 */
class PrometheusAlertRulesTest {

    private static final Path PROMETHEUS = Deployment.ROOT.resolve("deploy/prometheus");
    private static final Path RULES = PROMETHEUS.resolve("rules");
    private static final Path TESTS = PROMETHEUS.resolve("tests");

    @BeforeAll
    static void promtoolIsInstalled() {
        boolean installed = onPath("promtool");
        if (System.getenv("CI") != null) {
            assertThat(installed).as("promtool on CI (Debian package prometheus, installed by bin/test)").isTrue();
        }
        assumeTrue(installed, "promtool is not installed (apt-get install prometheus)");
    }

    @Test
    void everyRuleFileIsValidAndEveryRuleTestPasses() throws Exception {
        for (Path rules : ruleFiles()) {
            Result checked = run(RULES, "promtool", "check", "rules", rules.getFileName().toString());
            assertThat(checked.exit()).as(checked.output()).isZero();
        }
        List<Path> tests = testFiles();
        assertThat(tests).hasSizeGreaterThanOrEqualTo(7);
        for (Path test : tests) {
            Result tested = run(TESTS, "promtool", "test", "rules", test.getFileName().toString());
            assertThat(tested.exit()).as(tested.output()).isZero();
            assertThat(tested.output()).contains("SUCCESS");
        }
    }

    @Test
    void everyAlertHasATestThatExpectsItToFire() throws IOException {
        Set<String> alerts = new TreeSet<>();
        for (Path rules : ruleFiles()) {
            alerts.addAll(alertNames(rules));
        }
        assertThat(alerts).contains("ServiceDown", "ServiceNotReady", "DeadLettersIncreasing", "HopLatencyHigh",
                "ConsumerLagGrowing", "ConsumerLagHigh", "SlaBreachRateHigh", "StreamThreadReplaced",
                "StreamThreadReplacementsRepeated", "ComplaintSurge");
        Set<String> firingInTests = new TreeSet<>();
        List<Path> tests = new ArrayList<>(testFiles());
        for (Path test : tests) {
            firingInTests.addAll(alertsExpectedToFire(test));
        }
        assertThat(firingInTests).containsAll(alerts);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyMetricTheRulesReadIsOneTheCodeExposes() throws IOException {
        String code = mainSources();
        Set<String> unknown = new TreeSet<>();
        for (Path rules : ruleFiles()) {
            Map<String, Object> file = new Yaml().load(Files.readString(rules));
            for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    for (String metric : Deployment.metricNames(String.valueOf(rule.get("expr")))) {
                        if (!exposed(metric, code)) {
                            unknown.add(rules.getFileName() + ": " + metric);
                        }
                    }
                }
            }
        }
        assertThat(unknown).as("metrics no code registers (Micrometer name with dots, or analytics' PREFIX + name)").isEmpty();
        assertThat(exposed("complaints_no_such_thing_total", code)).isFalse();
    }

    /** Prometheus's own {@code up}, or a Micrometer meter whose dotted name is a string literal of the main code. */
    private static boolean exposed(String metric, String code) {
        if (metric.equals("up")) {
            return true;
        }
        String base = metric.replaceAll("_(total|bucket|count|sum)$", "");
        for (String candidate : List.of(base, base.replaceAll("_seconds$", ""))) {
            String dotted = candidate.replace('_', '.');
            if (code.contains("\"" + dotted + "\"")
                    || dotted.startsWith("complaints.analytics.") && code.contains("\"" + dotted.substring("complaints.analytics.".length()) + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Deployment.ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void aWrongExpectationFailsTheRuleTest() throws Exception {
        // the rule tests are not a formality: the same series with the dead resolution instance expected on triage fail
        Path copy = Files.createTempDirectory("alert-rules");
        Files.createDirectories(copy.resolve("rules"));
        Files.createDirectories(copy.resolve("tests"));
        Files.copy(RULES.resolve("consumer-lag.yml"), copy.resolve("rules/consumer-lag.yml"));
        String wrong = Files.readString(TESTS.resolve("consumer-lag-test.yml"))
                .replace("{severity: page, group: resolution-service", "{severity: page, group: triage-service");
        Files.writeString(copy.resolve("tests/wrong-test.yml"), wrong);
        Result result = run(copy.resolve("tests"), "promtool", "test", "rules", "wrong-test.yml");
        assertThat(result.exit()).as(result.output()).isNotZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusLoadsEveryRuleFileAlertsAlertmanagerAndScrapesTheLagExporter() throws Exception {
        Map<String, Object> config = Deployment.yaml("deploy/prometheus/prometheus.yml");
        Set<String> loaded = new TreeSet<>((List<String>) config.get("rule_files"));
        Set<String> present = new TreeSet<>();
        ruleFiles().forEach(path -> present.add("/etc/prometheus/rules/" + path.getFileName()));
        assertThat(loaded).isEqualTo(present);
        assertThat(config.get("alerting").toString()).contains("alertmanager:9093");
        assertThat(config.get("scrape_configs").toString()).contains("job_name=lag-exporter", "lag-exporter:9308");

        // the file as Prometheus in the container reads it, with the container's paths pointing here
        Path dir = Files.createTempDirectory("prometheus-config");
        Path password = Files.writeString(dir.resolve("scraper_password"), "secret");
        String local = Files.readString(PROMETHEUS.resolve("prometheus.yml"))
                .replace("/etc/prometheus/rules/", RULES.toAbsolutePath() + "/")
                .replace("/run/secrets/scraper_password", password.toString());
        Files.writeString(dir.resolve("prometheus.yml"), local);
        Result checked = run(dir, "promtool", "check", "config", "prometheus.yml");
        assertThat(checked.exit()).as(checked.output()).isZero();
    }

    @Test
    void alertmanagerSendsPagesToThePagerAndTheRestToTheTicketQueue() throws Exception {
        Path template = Deployment.ROOT.resolve("deploy/alertmanager/alertmanager.yml");
        assertThat(Files.readString(template)).contains("'${ALERT_PAGE_WEBHOOK_URL}'", "'${ALERT_TICKET_WEBHOOK_URL}'");
        assumeTrue(onPath("amtool"), "amtool is not installed (apt-get install prometheus-alertmanager)");
        // the compose entry point renders the webhook URLs of the environment into the placeholders, whatever they hold
        Path dir = Files.createTempDirectory("alertmanager");
        String pager = "https://oncall.example/hook?token=a&b|c#it's";
        String tickets = "https://chat.example/hook\\x";
        ProcessBuilder render = new ProcessBuilder("sh", Deployment.ROOT.resolve("deploy/alertmanager/start.sh").toString(), "render")
                .directory(dir.toFile()).redirectErrorStream(true);
        render.environment().putAll(Map.of("ALERT_PAGE_WEBHOOK_URL", pager, "ALERT_TICKET_WEBHOOK_URL", tickets,
                "AM_TEMPLATE", template.toString(), "AM_CONFIG", dir.resolve("alertmanager.yml").toString()));
        Process rendering = render.start();
        String renderOutput = new String(rendering.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(rendering.waitFor()).as(renderOutput).isZero();
        Map<String, Object> rendered = new Yaml().load(Files.readString(dir.resolve("alertmanager.yml")));
        assertThat(rendered.get("receivers").toString()).contains("url=" + pager, "url=" + tickets);

        Result checked = run(dir, "amtool", "check-config", "alertmanager.yml");
        assertThat(checked.exit()).as(checked.output()).isZero();
        Result page = run(dir, "amtool", "config", "routes", "test", "--config.file=alertmanager.yml",
                "alertname=ServiceDown", "severity=page");
        assertThat(page.output().lines().map(String::trim).toList()).contains("page").doesNotContain("ticket");
        Result warning = run(dir, "amtool", "config", "routes", "test", "--config.file=alertmanager.yml",
                "alertname=DeadLettersIncreasing", "severity=warning");
        assertThat(warning.output().lines().map(String::trim).toList()).contains("ticket").doesNotContain("page");
    }

    static List<Path> ruleFiles() throws IOException {
        try (Stream<Path> files = Files.list(RULES)) {
            return files.filter(p -> p.toString().endsWith(".yml") && !p.toString().endsWith("-test.yml")).sorted().toList();
        }
    }

    private static List<Path> testFiles() throws IOException {
        try (Stream<Path> files = Files.list(TESTS)) {
            return files.filter(p -> p.toString().endsWith("-test.yml")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> alertNames(Path rules) throws IOException {
        Set<String> names = new TreeSet<>();
        Map<String, Object> file = new Yaml().load(Files.readString(rules));
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                if (rule.containsKey("alert")) {
                    names.add((String) rule.get("alert"));
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> alertsExpectedToFire(Path test) throws IOException {
        Set<String> names = new TreeSet<>();
        Map<String, Object> file = new Yaml().load(Files.readString(test));
        for (Map<String, Object> scenario : (List<Map<String, Object>>) file.get("tests")) {
            for (Map<String, Object> check : (List<Map<String, Object>>) scenario.getOrDefault("alert_rule_test", List.of())) {
                List<Object> expected = (List<Object>) check.get("exp_alerts");
                if (expected != null && !expected.isEmpty()) {
                    names.add((String) check.get("alertname"));
                }
            }
        }
        return names;
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println(String.join(" ", command) + " -> " + process.exitValue() + "\n" + output);
        return new Result(process.exitValue(), output);
    }
}
