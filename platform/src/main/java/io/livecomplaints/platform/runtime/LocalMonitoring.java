package io.livecomplaints.platform.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/local --with-monitoring}: Prometheus and Alertmanager from their Debian packages (installed when missing),
 * on the configuration of the compose stack with this machine's addresses: Prometheus's is derived from
 * deploy/prometheus/prometheus.yml (the same scrape jobs and every alert rule file of deploy/prometheus/rules),
 * Alertmanager's is deploy/alertmanager/alertmanager.yml rendered by its own start.sh. Alerts go to
 * ALERT_PAGE_WEBHOOK_URL / ALERT_TICKET_WEBHOOK_URL when set; otherwise they are only on Alertmanager's page.
 */
public final class LocalMonitoring {

    /** A compose target in a static_configs list, e.g. {@code          - intake-service:8080}. */
    private static final Pattern TARGET = Pattern.compile("(?m)^(\\s+- )([a-z][a-z-]*):(\\d+)\\s*$");
    /** Where alerts go when no webhook is configured: nothing listens there (port 9, discard). */
    private static final String NO_WEBHOOK = "http://127.0.0.1:9/no-webhook-configured";

    private final Path root;
    private final Path var;
    private final LocalPorts ports;
    private final PidFiles pids;

    LocalMonitoring(Path root, Path var, LocalPorts ports) {
        this.root = root;
        this.var = var;
        this.ports = ports;
        this.pids = new PidFiles(var.resolve("pids"));
    }

    void start(Path scraperPasswordFile) throws IOException, InterruptedException {
        startAlertmanager();
        startPrometheus(scraperPasswordFile);
    }

    /** deploy/prometheus/prometheus.yml with 127.0.0.1 targets, the repository's rule files and var/'s password file. */
    public static String prometheusConfig(String compose, Path root, Path scraperPasswordFile, LocalPorts ports) {
        Matcher target = TARGET.matcher(compose);
        StringBuilder local = new StringBuilder();
        while (target.find()) {
            String host = target.group(2);
            int port = host.equals("localhost") ? ports.of("prometheus") : ports.of(host);
            target.appendReplacement(local, Matcher.quoteReplacement(target.group(1) + "127.0.0.1:" + port));
        }
        target.appendTail(local);
        String config = local.toString()
                .replace("/etc/prometheus/rules/", root.resolve("deploy/prometheus/rules") + "/")
                .replace("/run/secrets/scraper_password", scraperPasswordFile.toString());
        if (config.contains("/etc/prometheus") || config.contains("/run/secrets")) {
            throw new IllegalStateException("deploy/prometheus/prometheus.yml names a path of the compose stack bin/local does not map");
        }
        return config;
    }

    private void startPrometheus(Path scraperPasswordFile) throws IOException, InterruptedException {
        if (pids.running("prometheus").isPresent()) {
            LocalMain.log("prometheus already running");
            return;
        }
        String binary = installed("prometheus", "prometheus");
        int port = freePort("prometheus");
        Path dir = var.resolve("prometheus");
        Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, prometheusConfig(Files.readString(root.resolve("deploy/prometheus/prometheus.yml")), root,
                scraperPasswordFile, ports));
        LocalMain.log("starting prometheus on http://127.0.0.1:" + port);
        ProcessLauncher.detached(pids).start("prometheus", List.of(binary, "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port), Map.of(),
                var.resolve("logs/prometheus.log"));
        awaitHttp("prometheus", port, "/-/ready");
        LocalMain.log("prometheus scrapes the services, the registry and the lag exporter with the alert rules of"
                + " deploy/prometheus/rules; dashboards: deploy/grafana/dashboards (docker compose up grafana)");
    }

    private void startAlertmanager() throws IOException, InterruptedException {
        if (pids.running("alertmanager").isPresent()) {
            LocalMain.log("alertmanager already running");
            return;
        }
        String binary = installed("prometheus-alertmanager", "prometheus-alertmanager", "alertmanager");
        int port = freePort("alertmanager");
        Path dir = var.resolve("alertmanager");
        Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("alertmanager.yml");
        String page = System.getenv().getOrDefault("ALERT_PAGE_WEBHOOK_URL", NO_WEBHOOK);
        String ticket = System.getenv().getOrDefault("ALERT_TICKET_WEBHOOK_URL", NO_WEBHOOK);
        // the compose entry point's own rendering (webhook URLs escaped for YAML), into var/
        Map<String, String> env = Map.of("AM_TEMPLATE", root.resolve("deploy/alertmanager/alertmanager.yml").toString(),
                "AM_CONFIG", config.toString(), "ALERT_PAGE_WEBHOOK_URL", page, "ALERT_TICKET_WEBHOOK_URL", ticket);
        ProcessBuilder renderer = new ProcessBuilder("sh", root.resolve("deploy/alertmanager/start.sh").toString(), "render")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(var.resolve("logs/alertmanager.log").toFile()));
        renderer.environment().putAll(env);
        if (renderer.start().waitFor() != 0) {
            throw new IllegalStateException("rendering the Alertmanager configuration failed (see " + var.resolve("logs/alertmanager.log") + ")");
        }
        LocalMain.log("starting alertmanager on http://127.0.0.1:" + port
                + (page.equals(NO_WEBHOOK) ? " (no ALERT_PAGE_WEBHOOK_URL/ALERT_TICKET_WEBHOOK_URL: alerts only on its page)" : ""));
        ProcessLauncher.detached(pids).start("alertmanager", List.of(binary, "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address="), Map.of(), var.resolve("logs/alertmanager.log"));
        awaitHttp("alertmanager", port, "/-/ready");
    }

    /** The binary's path, installing the Debian package when it is missing (the package's own daemon disabled). */
    private static String installed(String debianPackage, String... binaries) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 2; attempt++) {
            for (String binary : binaries) {
                Path path = Path.of("/usr/bin", binary);
                if (Files.isExecutable(path)) {
                    return path.toString();
                }
            }
            if (attempt == 0) {
                LocalMain.log("installing " + debianPackage + " (Debian package)");
                String sudo = "root".equals(System.getProperty("user.name")) ? "" : "sudo ";
                // the package starts its own daemon on the default port; bin/local runs its own with this configuration
                sh(sudo + "apt-get update -qq && DEBIAN_FRONTEND=noninteractive " + sudo + "apt-get install -y -qq " + debianPackage
                        + " >/dev/null && (" + sudo + "systemctl disable --now " + debianPackage + " >/dev/null 2>&1 || true)");
            }
        }
        throw new IllegalStateException("could not install " + debianPackage);
    }

    private static void sh(String command) throws IOException, InterruptedException {
        new ProcessBuilder("sh", "-c", command).inheritIO().start().waitFor();
    }

    private int freePort(String component) {
        int port = ports.of(component);
        if (LocalCluster.portOpen(port)) {
            throw new IllegalStateException("port " + port + " is taken by another process");
        }
        return port;
    }

    private void awaitHttp(String name, int port, String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!LocalMain.httpGet(port, path).startsWith("200")) {
            if (pids.running(name).isEmpty() || System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready (see " + var.resolve("logs/" + name + ".log") + ")");
            }
            Thread.sleep(500);
        }
    }
}
