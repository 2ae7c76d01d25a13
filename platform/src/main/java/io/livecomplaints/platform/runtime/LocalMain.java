package io.livecomplaints.platform.runtime;

import io.livecomplaints.platform.simulator.Simulator;
import io.livecomplaints.testkit.security.AccessTokens;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bin/local}: the whole system on this machine on fixed ports, data under var/ ({@link LocalCluster#detached}).
 * What {@code up} starts keeps running after this command exits; {@code down}, from any shell, stops it.
 */
public final class LocalMain {

    static final String USAGE = """
            bin/local up       build if needed, start broker + registry + the five services + the lag exporter, return
                               when all are healthy; --with-monitoring also starts Prometheus (:9090) with the alert
                               rules of deploy/prometheus/rules and Alertmanager (:9094), Debian packages installed if
                               missing; Grafana and its dashboards come with docker-compose.yml
            bin/local demo     up, then simulate upstream traffic and complaints, and print what happened to them
                               (takes --with-monitoring too, and the simulator's --complaints N --rate R ...)
            bin/local monitoring  start only Prometheus and Alertmanager, against services already up
            bin/local status   what runs, and its health
            bin/local down     stop everything (data stays in var/; 'bin/local clean' removes it)
            bin/local logs S   follow the log of S (kafka, schema-registry, intake-service, ..., lag-exporter, prometheus)
            bin/local token user U-1 | agent A-1 SENIOR after-sales | supervisor S-1 | system hotline | operator ops-1 | merchant M-1 | anchor A-1
                               print a bearer token the running services accept""";

    private static final LocalPorts PORTS = LocalPorts.BIN_LOCAL;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root;
    private final Path var;
    private final PidFiles pids;

    private LocalMain(Path root, Path var) {
        this.root = root;
        this.var = var;
        this.pids = new PidFiles(var.resolve("pids"));
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("local.root", ".")).toAbsolutePath().normalize();
        String varDir = System.getenv("LOCAL_VAR_DIR");
        LocalMain local = new LocalMain(root, varDir == null || varDir.isBlank() ? root.resolve("var") : Path.of(varDir).toAbsolutePath());
        boolean monitoring = false;
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--with-monitoring")) {
                monitoring = true; // anywhere after up/demo; the other arguments go to the simulator
            } else {
                rest.add(args[i]);
            }
        }
        try {
            switch (args.length == 0 ? "" : args[0]) {
                case "up" -> local.up(monitoring);
                case "demo" -> local.demo(monitoring, rest);
                case "monitoring" -> new LocalMonitoring(root, local.var, PORTS).start(local.cluster().scraperPasswordFile());
                case "status" -> local.status();
                case "down" -> local.down();
                case "logs" -> local.follow(rest.isEmpty() ? null : rest.get(0));
                case "token" -> {
                    List<String> tokenArgs = new ArrayList<>(List.of(Files.readString(local.cluster().jwtSecretFile()).trim()));
                    tokenArgs.addAll(rest);
                    AccessTokens.main(tokenArgs.toArray(String[]::new));
                }
                case "clean" -> local.clean();
                default -> {
                    System.out.println(USAGE);
                    System.exit(2);
                }
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println(time() + " ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    private LocalCluster cluster() throws IOException {
        return LocalCluster.detached(root.resolve("platform/target"), var, PORTS);
    }

    private void up(boolean monitoring) throws IOException, InterruptedException {
        Files.createDirectories(var.resolve("state"));
        LocalCluster cluster = cluster();
        if (pids.running("kafka").isPresent()) {
            log("kafka already running (pid " + pids.recorded("kafka").orElseThrow() + ")");
        } else {
            log("starting kafka (KRaft) on " + cluster.bootstrapServers());
            cluster.startBroker();
        }
        if (pids.running("schema-registry").isPresent()) {
            log("schema-registry already running");
        } else {
            log("starting schema-registry on " + cluster.registryUrl());
            cluster.startRegistry();
        }
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        String rateLimit = System.getenv().getOrDefault("COMPLAINTS_API_RATELIMIT_LIMIT", "100000");
        for (String service : LocalPorts.SERVICES) {
            if (pids.running(service).isPresent()) {
                log(service + " already running");
            } else {
                environments.put(service, Map.of("COMPLAINTS_API_RATELIMIT_LIMIT", rateLimit));
            }
        }
        String heap = System.getenv("SERVICE_HEAP");
        if (heap != null && !heap.isBlank()) {
            cluster.serviceJvmOptions(List.of(heap, "-XX:TieredStopAtLevel=1"));
        }
        log("starting " + environments.size() + " services");
        for (ServiceProcess service : cluster.startServices(environments)) {
            log(service.name() + " ready on " + service.url());
        }
        if (pids.running("lag-exporter").isPresent()) {
            log("lag-exporter already running");
        } else {
            log("starting lag-exporter on http://127.0.0.1:" + PORTS.of("lag-exporter"));
            cluster.startLagExporter(Map.of(), LocalPorts.SERVICES);
        }
        log("all up: kafka " + cluster.bootstrapServers() + ", registry " + cluster.registryUrl() + ", intake "
                + cluster.serviceUrl("intake-service") + "/api/v1/complaints");
        if (monitoring) {
            new LocalMonitoring(root, var, PORTS).start(cluster.scraperPasswordFile());
        }
    }

    private void demo(boolean monitoring, List<String> simulatorArgs) throws Exception {
        up(monitoring);
        LocalCluster cluster = cluster();
        log("simulating upstream traffic and complaints");
        List<String> args = new ArrayList<>(List.of("--jwt-secret-file", cluster.jwtSecretFile().toString(),
                "--bootstrap", cluster.bootstrapServers(), "--registry", cluster.registryUrl(),
                "--intake", cluster.serviceUrl("intake-service"), "--analytics", cluster.serviceUrl("analytics-service")));
        args.addAll(simulatorArgs);
        Simulator.main(args.toArray(String[]::new)); // exits 1 unless every complaint reached every stage
    }

    /** Everything in var/pids, the monitoring first and the broker last. */
    private List<String> components() {
        List<String> all = new ArrayList<>(List.of("prometheus", "alertmanager", "lag-exporter"));
        List<String> services = new ArrayList<>(LocalPorts.SERVICES);
        Collections.reverse(services);
        all.addAll(services);
        all.addAll(List.of("schema-registry", "kafka"));
        return all;
    }

    private void down() throws InterruptedException {
        for (String component : components()) {
            pids.stop(component, component.equals("kafka") ? Duration.ofSeconds(60) : Duration.ofSeconds(30));
        }
        log("stopped");
    }

    private void status() {
        System.out.printf("%-22s %-8s %-7s %s%n", "COMPONENT", "PID", "STATE", "HEALTH");
        row("kafka", LocalCluster.portOpen(PORTS.broker()) ? "listening on 127.0.0.1:" + PORTS.broker() : "-");
        row("schema-registry", httpGet(PORTS.of("schema-registry"), "/actuator/health"));
        for (String service : LocalPorts.SERVICES) {
            row(service, httpGet(PORTS.of(service), "/actuator/health/readiness"));
        }
        row("lag-exporter", httpGet(PORTS.of("lag-exporter"), "/actuator/health/readiness"));
        for (String monitoring : List.of("prometheus", "alertmanager")) {
            if (pids.recorded(monitoring).isPresent()) {
                row(monitoring, httpGet(PORTS.of(monitoring), "/-/ready"));
            }
        }
    }

    private void row(String component, String health) {
        System.out.printf("%-22s %-8s %-7s %s%n", component, pids.recorded(component).map(String::valueOf).orElse("-"),
                pids.running(component).isPresent() ? "up" : "down", health.length() > 80 ? health.substring(0, 80) : health);
    }

    /** Like tail -f: the last lines of var/logs/NAME.log, then what is appended, until interrupted. */
    private void follow(String name) throws IOException, InterruptedException {
        if (name == null) {
            throw new IllegalArgumentException("which log? kafka, schema-registry, lag-exporter or a service name");
        }
        Path log = var.resolve("logs").resolve(name + ".log");
        if (!Files.exists(log)) {
            throw new IllegalArgumentException("no log " + log);
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        lines.subList(Math.max(0, lines.size() - 10), lines.size()).forEach(System.out::println);
        long position = Files.size(log);
        while (true) {
            long size = Files.size(log);
            if (size < position) {
                position = 0; // truncated (bin/local clean, log rotation)
            }
            if (size > position) {
                try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                    file.seek(position);
                    byte[] bytes = new byte[(int) Math.min(size - position, 1 << 20)];
                    file.readFully(bytes);
                    System.out.write(bytes);
                    System.out.flush();
                    position += bytes.length;
                }
            } else {
                Thread.sleep(250);
            }
        }
    }

    private void clean() throws IOException, InterruptedException {
        down();
        if (Files.exists(var)) {
            try (Stream<Path> all = Files.walk(var)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        log("removed " + var);
    }

    /** "STATUS BODY" of a local GET (the body on one line), or "000" when nothing answers. */
    static String httpGet(int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body().replaceAll("[\r\n]", "");
        } catch (IOException e) {
            return "000";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "000";
        }
    }

    static void log(String message) {
        System.out.println(time() + " " + message);
    }

    private static String time() {
        return LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }
}
