package io.livecomplaints.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livecomplaints.platform.monitoring.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * bin/local's parts that need no running system: the one broker configuration, the Prometheus configuration derived
 * from the compose one, and the pid files through which a later command finds and stops detached processes.
 */
class LocalRuntimeTest {

    @Test
    void everyBrokerStartsFromDeployKafkaAndTheSecuredOneGetsTheAdminPassword() throws Exception {
        assertThat(BrokerConfiguration.singleNode()).as("the file the compose broker reads, on the classpath")
                .isEqualTo(settings(Deployment.ROOT.resolve("deploy/kafka/server.properties")))
                .contains("process.roles=broker,controller", "auto.create.topics.enable=false", "num.partitions=3");
        List<String> secured = BrokerConfiguration.secured("p@ss&word");
        assertThat(secured).contains("super.users=User:admin", "allow.everyone.if.no.acl.found=false")
                .noneMatch(line -> line.contains("${"))
                .anyMatch(line -> line.startsWith("listener.name.controller.plain.sasl.jaas.config=")
                        && line.contains("password=\"p@ss&word\" user_admin=\"p@ss&word\""));
        assertThat(settings(Deployment.ROOT.resolve("deploy/kafka/server-sasl.properties"))).hasSameSizeAs(secured);
    }

    @Test
    void theLocalPrometheusScrapesWhatComposeScrapesOnLoopbackWithEveryRuleFile() throws Exception {
        Path password = Files.createTempFile("scraper", "password");
        String config = LocalMonitoring.prometheusConfig(Files.readString(Deployment.ROOT.resolve("deploy/prometheus/prometheus.yml")),
                Deployment.ROOT, password, LocalPorts.BIN_LOCAL);
        Matcher targets = Pattern.compile("(?m)^\\s+- ([^\\s:]+):(\\d+)\\s*$").matcher(config);
        int count = 0;
        while (targets.find()) {
            assertThat(targets.group(1)).as(targets.group()).isEqualTo("127.0.0.1");
            count++;
        }
        assertThat(count).as("services, registry, lag exporter, alertmanager (twice), prometheus").isEqualTo(10);
        assertThat(config).contains("127.0.0.1:9308", "127.0.0.1:" + LocalPorts.BIN_LOCAL.of("alertmanager"),
                "password_file: " + password);
        Matcher rules = Pattern.compile("(?m)^\\s+- (/\\S+\\.yml)\\s*$").matcher(config);
        int ruleFiles = 0;
        while (rules.find()) {
            assertThat(Path.of(rules.group(1))).exists();
            ruleFiles++;
        }
        try (var present = Files.list(Deployment.ROOT.resolve("deploy/prometheus/rules"))) {
            assertThat(ruleFiles).isEqualTo(present.filter(p -> p.toString().endsWith(".yml")).count()).isPositive();
        }
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")), "promtool is not installed");
        Path file = Files.writeString(Files.createTempDirectory("local-prometheus").resolve("prometheus.yml"), config);
        Process check = new ProcessBuilder("promtool", "check", "config", file.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor()).as(output).isZero();
    }

    @Test
    void aDetachedProcessRunsInItsOwnSessionAndIsStoppedThroughItsPidFile() throws Exception {
        Path dir = Files.createTempDirectory("local-pids");
        PidFiles pids = new PidFiles(dir.resolve("pids"));
        // $0 of the shell names the component; two commands, so the shell does not exec sleep in its place
        Process process = ProcessLauncher.detached(pids).start("marker-component", List.of("sh", "-c", "sleep 300; true", "marker-component"),
                Map.of(), dir.resolve("logs/marker-component.log"));
        try {
            assertThat(pids.recorded("marker-component")).contains(process.pid());
            assertThat(pids.running("marker-component")).isPresent();
            // the child calls setsid(2) a moment after it starts (jspawnhelper, then setsid's exec): wait for that
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sessionOf(process.pid()) != process.pid() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(sessionOf(process.pid())).as("session id: a session of its own, no terminal signals").isEqualTo(process.pid());

            Files.writeString(dir.resolve("pids/other.pid"), ProcessHandle.current().pid() + "\n");
            assertThat(pids.running("other")).as("a pid that now belongs to a process that is not the component").isEmpty();
            assertThat(pids.stop("other", Duration.ofSeconds(1))).isFalse();
            assertThat(ProcessHandle.current().isAlive()).isTrue();

            assertThat(pids.stop("marker-component", Duration.ofSeconds(10))).isTrue();
            assertThat(process.isAlive()).isFalse();
            assertThat(dir.resolve("pids/marker-component.pid")).doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<String> settings(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The session id of a process, from /proc/<pid>/stat (the sixth field; the name in parentheses may hold spaces). */
    private static long sessionOf(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
    }
}
