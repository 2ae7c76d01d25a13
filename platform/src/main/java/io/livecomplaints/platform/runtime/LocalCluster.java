package io.livecomplaints.platform.runtime;

import io.livecomplaints.testkit.security.AccessTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A whole local deployment as separate processes: a standalone KRaft Kafka broker from the Maven jars in
 * {@code platform/target/kafka-broker} on the project's one broker configuration (deploy/kafka/server.properties),
 * the schema registry, any of the services and the lag exporter from their runnable jars in
 * {@code platform/target/services}. Everything lives under one work directory: {@code kafka/} (configuration and
 * data), {@code logs/<name>.log}, {@code state/<service>}, {@code secrets/} (the services' token secret and the metrics
 * scraper's password, generated once) and {@code pids/<name>.pid}.
 * <ul>
 *   <li>{@link #in}: free loopback ports, processes that are children of this JVM and stop with {@link #close()}: for
 *       tests, benchmarks and fault-injection runs (kill a service, stop the broker), which must not touch the fixed
 *       ports of {@code bin/local};</li>
 *   <li>{@link #detached}: the fixed ports of {@code bin/local} ({@link LocalPorts}), processes that outlive this JVM
 *       (a later {@code bin/local down} stops them through their pid files), the broker's data kept between runs.</li>
 * </ul>
 */
public final class LocalCluster implements AutoCloseable {

    /**
     * Environment of an intake-service that a load generator drives: one IP address and few users send all the
     * complaints, so intake's per-IP and per-user limits would turn the load into 429s.
     */
    public static final Map<String, String> INTAKE_LIMITS_OPENED = Map.of(
            "COMPLAINTS_INTAKE_RATELIMIT_PERUSER_LIMIT", "100000000",
            "COMPLAINTS_INTAKE_RATELIMIT_PERIP_LIMIT", "100000000");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path platformTarget;
    private final Path workDir;
    private final LocalPorts fixedPorts;
    private final ProcessLauncher launcher;
    private final List<ServiceProcess> services = new ArrayList<>();
    private Process broker;
    private List<String> brokerCommand;
    private int brokerPort;
    private int controllerPort;
    private ServiceProcess registry;
    private ServiceProcess lagExporter;
    private List<String> serviceJvmOptions = ServiceProcess.DEFAULT_JVM_OPTIONS;

    private LocalCluster(Path platformTarget, Path workDir, LocalPorts fixedPorts, boolean detached) {
        this.platformTarget = platformTarget;
        this.workDir = workDir;
        this.fixedPorts = fixedPorts;
        PidFiles pidFiles = new PidFiles(workDir.resolve("pids"));
        this.launcher = detached ? ProcessLauncher.detached(pidFiles) : ProcessLauncher.attached(pidFiles);
        if (fixedPorts != null) {
            brokerPort = fixedPorts.broker();
            controllerPort = fixedPorts.controller();
        }
    }

    /** A cluster built from {@code platformTarget} (platform/target after {@code mvn package}) in {@code workDir}. */
    public static LocalCluster in(Path platformTarget, Path workDir) throws IOException {
        Files.createDirectories(workDir.resolve("logs"));
        return new LocalCluster(platformTarget.toAbsolutePath(), workDir.toAbsolutePath(), null, false);
    }

    /**
     * {@code bin/local}'s cluster: on {@code ports}, in {@code workDir} (var/), its processes detached from this JVM.
     * Components already running (their pid files) are not started again by the caller; their addresses are known.
     */
    public static LocalCluster detached(Path platformTarget, Path workDir, LocalPorts ports) throws IOException {
        Files.createDirectories(workDir.resolve("logs"));
        return new LocalCluster(platformTarget.toAbsolutePath(), workDir.toAbsolutePath(), ports, true);
    }

    /** Formats (first start only) and starts the broker (KRaft combined mode, PLAINTEXT); waits until it listens. */
    public LocalCluster startBroker() throws IOException, InterruptedException {
        allocateBrokerPorts();
        return startBroker(List.of(
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"), List.of());
    }

    /**
     * Formats and starts a broker as docker-compose.yml runs it (deploy/kafka/server-sasl.properties, docs/security.md):
     * clients authenticate with SASL/SCRAM-SHA-512 on the one client listener, the controller listener with SASL/PLAIN
     * as the admin, the StandardAuthorizer denies whatever no ACL allows, and {@code admin} is the only super user.
     * {@code users} (name → password, the admin included) get SCRAM credentials when the storage is formatted.
     */
    public LocalCluster startSecuredBroker(Map<String, String> users) throws IOException, InterruptedException {
        String admin = users.get("admin");
        if (admin == null) {
            throw new IllegalArgumentException("users must include admin");
        }
        allocateBrokerPorts();
        List<String> format = new ArrayList<>();
        users.forEach((name, password) -> {
            format.add("--add-scram");
            format.add("SCRAM-SHA-512=[name=" + name + ",password=" + password + "]");
        });
        List<String> settings = new ArrayList<>(List.of(
                "listeners=SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=SASL_PLAINTEXT://127.0.0.1:" + brokerPort,
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT"));
        settings.addAll(BrokerConfiguration.secured(admin));
        return startBroker(settings, format);
    }

    private void allocateBrokerPorts() throws IOException {
        if (fixedPorts == null) {
            brokerPort = ServiceProcess.freePort();
            controllerPort = ServiceProcess.freePort();
        } else {
            requireFree(brokerPort);
            requireFree(controllerPort);
        }
    }

    private LocalCluster startBroker(List<String> listeners, List<String> formatOptions) throws IOException, InterruptedException {
        Path dir = workDir.resolve("kafka");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path properties = dir.resolve("server.properties");
        List<String> config = new ArrayList<>(BrokerConfiguration.singleNode());
        config.add("controller.quorum.voters=1@127.0.0.1:" + controllerPort);
        config.addAll(listeners);
        config.add("log.dirs=" + data);
        Files.writeString(properties, String.join("\n", config) + "\n");
        Path logback = dir.resolve("logback.xml");
        Files.writeString(logback, "<configuration><appender name=\"F\" class=\"ch.qos.logback.core.ConsoleAppender\"><encoder>"
                + "<pattern>%d %p [kafka] %c{1} : %m%n</pattern></encoder></appender><root level=\"WARN\"><appender-ref ref=\"F\"/></root></configuration>");
        String classpath = platformTarget.resolve("kafka-broker") + "/*" + java.io.File.pathSeparator + platformTarget.resolve("lib") + "/*";
        if (!Files.exists(data.resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(List.of(java(), "-cp", classpath, "-Dlogback.configurationFile=" + logback,
                    "kafka.tools.StorageTool", "format", "-t", org.apache.kafka.common.Uuid.randomUuid().toString(),
                    "-c", properties.toString()));
            format.addAll(formatOptions);
            run(format, workDir.resolve("logs/kafka-format.log"));
        }
        brokerCommand = List.of(java(), "-Xms256m", "-Xmx768m", "-cp", classpath, "-Dlogback.configurationFile=" + logback,
                "kafka.Kafka", properties.toString());
        launchBroker();
        return this;
    }

    /** Starts the schema registry on the broker and waits until it is healthy. */
    public LocalCluster startRegistry() throws IOException, InterruptedException {
        return startRegistry(Map.of());
    }

    /** Starts the schema registry with extra environment variables (e.g. its Kafka credentials). */
    public LocalCluster startRegistry(Map<String, String> environment) throws IOException, InterruptedException {
        int port = port("schema-registry");
        Map<String, String> env = new HashMap<>(environment);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("SCHEMA_REGISTRY_PORT", Integer.toString(port));
        registry = new ServiceProcess("schema-registry", platformTarget.resolve("services/schema-registry.jar"), port,
                env, workDir.resolve("logs"), "/actuator/health").launchedBy(launcher).start();
        registry.awaitReady(Duration.ofMinutes(2));
        return this;
    }

    /** JVM options for the services started from now on (default {@link ServiceProcess#DEFAULT_JVM_OPTIONS}). */
    public LocalCluster serviceJvmOptions(List<String> options) {
        this.serviceJvmOptions = List.copyOf(options);
        return this;
    }

    /** Starts one of our services (e.g. intake-service) with extra environment variables and waits until it is ready. */
    public ServiceProcess startService(String name, Map<String, String> environment) throws IOException, InterruptedException {
        ServiceProcess service = launchService(name, environment);
        service.awaitReady(Duration.ofMinutes(3));
        return service;
    }

    /** Starts several services at once and waits until all are ready (faster than one after the other). */
    public List<ServiceProcess> startServices(Map<String, Map<String, String>> environments) throws IOException, InterruptedException {
        List<ServiceProcess> started = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : environments.entrySet()) {
            started.add(launchService(entry.getKey(), entry.getValue()));
        }
        for (ServiceProcess service : started) {
            service.awaitReady(Duration.ofMinutes(4));
        }
        return started;
    }

    private ServiceProcess launchService(String name, Map<String, String> environment) throws IOException {
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("COMPLAINTS_SECURITY_JWT_SECRET", secret("jwt-secret"));
        env.putIfAbsent("COMPLAINTS_SECURITY_SCRAPER_PASSWORD", scraperPassword());
        ServiceProcess service = ServiceProcess.springService(name, platformTarget.resolve("services"), port(name),
                bootstrapServers(), registryUrl(), workDir.resolve("state").resolve(name), workDir.resolve("logs"), env)
                .jvmOptions(serviceJvmOptions).launchedBy(launcher);
        services.add(service.start());
        return service;
    }

    /**
     * Starts the lag exporter (consumer lag read from the broker, readiness of {@code probedServices}) with extra
     * environment variables (e.g. its Kafka credentials) and waits until it is ready.
     */
    public ServiceProcess startLagExporter(Map<String, String> environment, Collection<String> probedServices)
            throws IOException, InterruptedException {
        int port = port("lag-exporter");
        Map<String, String> env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("COMPLAINTS_LAG_EXPORTER_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("COMPLAINTS_LAG_EXPORTER_READINESS", probedServices.stream()
                .map(name -> name + "=" + serviceUrl(name) + "/actuator/health/readiness").collect(Collectors.joining(",")));
        lagExporter = new ServiceProcess("lag-exporter", platformTarget.resolve("services/lag-exporter.jar"), port, env,
                workDir.resolve("logs"), "/actuator/health/readiness").jvmOptions(serviceJvmOptions).launchedBy(launcher).start();
        lagExporter.awaitReady(Duration.ofMinutes(2));
        return lagExporter;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public String registryUrl() {
        if (registry == null && fixedPorts != null) {
            return "http://127.0.0.1:" + fixedPorts.of("schema-registry");
        }
        return registry.url();
    }

    /** The URL of a service this cluster started, or on the fixed ports, of the one that runs there. */
    public String serviceUrl(String name) {
        return services.stream().filter(s -> s.name().equals(name)).map(ServiceProcess::url).findFirst()
                .orElseGet(() -> {
                    if (fixedPorts == null) {
                        throw new IllegalArgumentException("no service " + name + " started");
                    }
                    return "http://127.0.0.1:" + fixedPorts.of(name);
                });
    }

    /** The metrics scraper's password (user {@code prometheus}) that the services of this cluster accept. */
    public String scraperPassword() {
        return secret("scraper-password");
    }

    /** The file of {@link #scraperPassword()} (e.g. Prometheus's basic_auth password_file). */
    public Path scraperPasswordFile() {
        scraperPassword();
        return workDir.resolve("secrets/scraper-password");
    }

    /** The file holding the secret the services verify bearer tokens with (the simulator reads it). */
    public Path jwtSecretFile() {
        secret("jwt-secret");
        return workDir.resolve("secrets/jwt-secret");
    }

    /** The Authorization header of the metrics scraper for the services of this cluster. */
    public String scraperAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(("prometheus:" + scraperPassword())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Mints tokens the services of this cluster accept. */
    public AccessTokens tokens() {
        return new AccessTokens(secret("jwt-secret"));
    }

    public List<ServiceProcess> services() {
        return Collections.unmodifiableList(services);
    }

    /** The broker's operating-system process id, or -1 when it was not started. */
    public long brokerPid() {
        return broker == null ? -1 : broker.pid();
    }

    /** The registry, once started. */
    public ServiceProcess registry() {
        return registry;
    }

    public Path workDir() {
        return workDir;
    }

    /** Stops the broker at once (kill -9), e.g. to inject a broker outage. */
    public void killBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroyForcibly().waitFor();
        }
    }

    /** Stops the broker cleanly (SIGTERM: controlled shutdown, logs flushed), e.g. a rolling restart. */
    public void stopBroker() throws InterruptedException {
        if (broker != null && broker.isAlive()) {
            broker.destroy();
            if (!broker.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor();
            }
        }
    }

    /** Starts the stopped or killed broker again on the same ports and data directory, and waits until it listens. */
    public void restartBroker() throws IOException, InterruptedException {
        if (broker != null && broker.isAlive()) {
            throw new IllegalStateException("the broker is still running");
        }
        launchBroker();
    }

    private void launchBroker() throws IOException, InterruptedException {
        broker = launcher.start("kafka", brokerCommand, Map.of(), workDir.resolve("logs/kafka.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!portOpen(brokerPort)) {
            if (!broker.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("kafka did not start; see " + workDir.resolve("logs/kafka.log"));
            }
            Thread.sleep(200);
        }
    }

    /** Stops what this object started (in detached mode too), the services first. */
    @Override
    public void close() throws InterruptedException {
        if (lagExporter != null) {
            lagExporter.stop();
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
        }
        if (registry != null) {
            registry.stop();
        }
        if (broker != null && broker.isAlive()) {
            broker.destroy();
            if (!broker.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor();
            }
        }
    }

    private int port(String component) throws IOException {
        if (fixedPorts == null) {
            return ServiceProcess.freePort();
        }
        int port = fixedPorts.of(component);
        requireFree(port);
        return port;
    }

    private static void requireFree(int port) {
        if (portOpen(port)) {
            throw new IllegalStateException("port " + port + " is taken by another process");
        }
    }

    /** A secret of this cluster, generated once into secrets/ (owner-only) and read from there afterwards. */
    private synchronized String secret(String name) {
        Path file = workDir.resolve("secrets").resolve(name);
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                byte[] random = new byte[48];
                RANDOM.nextBytes(random);
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(random).replaceAll("[/+=]", ""));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) {
            // not the command line: it may hold SCRAM passwords
            throw new IllegalStateException("kafka storage format failed; see " + log);
        }
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
