package io.livecomplaints.platform.runtime;

import io.livecomplaints.testkit.security.AccessTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A whole local deployment on free loopback ports, as separate processes: a standalone KRaft Kafka broker from the
 * Maven jars in {@code platform/target/kafka-broker}, the schema registry and any of the services from their
 * runnable jars in {@code platform/target/services}. Everything lives under one work directory and stops with
 * {@link #close()}. For benchmarks and fault-injection runs (kill a service, stop the broker) that must not touch
 * the fixed ports of {@code bin/local}.
 */
public final class LocalCluster implements AutoCloseable {

    /**
     * Environment of an intake-service that a load generator drives: one IP address and few users send all the
     * complaints, so intake's per-IP and per-user limits would turn the load into 429s.
     */
    public static final Map<String, String> INTAKE_LIMITS_OPENED = Map.of(
            "COMPLAINTS_INTAKE_RATELIMIT_PERUSER_LIMIT", "100000000",
            "COMPLAINTS_INTAKE_RATELIMIT_PERIP_LIMIT", "100000000");

    private final Path platformTarget;
    private final Path workDir;
    private final String jwtSecret = UUID.randomUUID() + "-" + UUID.randomUUID();
    private final String scraperPassword = UUID.randomUUID().toString();
    private final List<ServiceProcess> services = new ArrayList<>();
    private Process broker;
    private List<String> brokerCommand;
    private int brokerPort;
    private ServiceProcess registry;
    private List<String> serviceJvmOptions = ServiceProcess.DEFAULT_JVM_OPTIONS;

    private LocalCluster(Path platformTarget, Path workDir) {
        this.platformTarget = platformTarget;
        this.workDir = workDir;
    }

    /** A cluster built from {@code platformTarget} (platform/target after {@code mvn package}) in {@code workDir}. */
    public static LocalCluster in(Path platformTarget, Path workDir) throws IOException {
        Files.createDirectories(workDir.resolve("logs"));
        return new LocalCluster(platformTarget.toAbsolutePath(), workDir.toAbsolutePath());
    }

    /** Formats and starts the broker (KRaft combined mode, PLAINTEXT) and waits until it accepts connections. */
    public LocalCluster startBroker() throws IOException, InterruptedException {
        brokerPort = ServiceProcess.freePort();
        int controllerPort = ServiceProcess.freePort();
        return startBroker(controllerPort, List.of(
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"), List.of());
    }

    /**
     * Formats and starts a broker as docker-compose.yml runs it (docs/security.md): clients authenticate with
     * SASL/SCRAM-SHA-512 on the one client listener, the controller listener with SASL/PLAIN as the admin, the
     * StandardAuthorizer denies whatever no ACL allows, and {@code admin} is the only super user. {@code users}
     * (name → password, the admin included) get SCRAM credentials when the storage is formatted.
     */
    public LocalCluster startSecuredBroker(Map<String, String> users) throws IOException, InterruptedException {
        String admin = users.get("admin");
        if (admin == null) {
            throw new IllegalArgumentException("users must include admin");
        }
        brokerPort = ServiceProcess.freePort();
        int controllerPort = ServiceProcess.freePort();
        List<String> format = new ArrayList<>();
        users.forEach((name, password) -> {
            format.add("--add-scram");
            format.add("SCRAM-SHA-512=[name=" + name + ",password=" + password + "]");
        });
        return startBroker(controllerPort, List.of(
                "listeners=SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=SASL_PLAINTEXT://127.0.0.1:" + brokerPort,
                "inter.broker.listener.name=SASL_PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=SCRAM-SHA-512",
                "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"admin\" password=\"" + admin + "\" user_admin=\"" + admin + "\";",
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"admin\" password=\"" + admin + "\";",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:admin",
                "allow.everyone.if.no.acl.found=false"), format);
    }

    private LocalCluster startBroker(int controllerPort, List<String> listeners, List<String> formatOptions)
            throws IOException, InterruptedException {
        Path dir = workDir.resolve("kafka");
        Files.createDirectories(dir.resolve("data"));
        Path properties = dir.resolve("server.properties");
        List<String> config = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER"));
        config.addAll(listeners);
        config.addAll(List.of(
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false", ""));
        Files.writeString(properties, String.join("\n", config));
        Path logback = dir.resolve("logback.xml");
        Files.writeString(logback, "<configuration><appender name=\"F\" class=\"ch.qos.logback.core.ConsoleAppender\"><encoder>"
                + "<pattern>%d %p [kafka] %c{1} : %m%n</pattern></encoder></appender><root level=\"WARN\"><appender-ref ref=\"F\"/></root></configuration>");
        String classpath = platformTarget.resolve("kafka-broker") + "/*" + java.io.File.pathSeparator + platformTarget.resolve("lib") + "/*";
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        List<String> format = new ArrayList<>(List.of(java(), "-cp", classpath, "-Dlogback.configurationFile=" + logback,
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString()));
        format.addAll(formatOptions);
        run(format, workDir.resolve("logs/kafka-format.log"));
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
        int port = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>(environment);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("SCHEMA_REGISTRY_PORT", Integer.toString(port));
        registry = new ServiceProcess("schema-registry", platformTarget.resolve("services/schema-registry.jar"), port,
                env, workDir.resolve("logs"), "/actuator/health").start();
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
        env.putIfAbsent("COMPLAINTS_SECURITY_JWT_SECRET", jwtSecret);
        env.putIfAbsent("COMPLAINTS_SECURITY_SCRAPER_PASSWORD", scraperPassword);
        ServiceProcess service = ServiceProcess.springService(name, platformTarget.resolve("services"), ServiceProcess.freePort(),
                bootstrapServers(), registryUrl(), workDir.resolve(name), env).jvmOptions(serviceJvmOptions);
        services.add(service.start());
        return service;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public String registryUrl() {
        return registry.url();
    }

    /** The metrics scraper's password (user {@code prometheus}) that the services of this cluster accept. */
    public String scraperPassword() {
        return scraperPassword;
    }

    /** The Authorization header of the metrics scraper for the services of this cluster. */
    public String scraperAuthorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("prometheus:" + scraperPassword)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Mints tokens the services of this cluster accept. */
    public AccessTokens tokens() {
        return new AccessTokens(jwtSecret);
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
        broker = new ProcessBuilder(brokerCommand)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("logs/kafka.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!portOpen(brokerPort)) {
            if (!broker.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("kafka did not start; see " + workDir.resolve("logs/kafka.log"));
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() throws InterruptedException {
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

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
