package io.livecomplaints.platform.runtime;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service running as its own JVM from its runnable jar, as in production: started with environment
 * variables, ready when {@code /actuator/health/readiness} answers 200, stopped gently or killed (-9).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private final String readinessPath;
    private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
    private ProcessLauncher launcher = ProcessLauncher.attached(null);
    private Process process;

    /**
     * Small heap and C1 only: the JVMs start fast, which is what tests and {@code bin/local} want; benchmarks pass
     * their own options (full JIT) through {@link #jvmOptions(List)}.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logDir, String readinessPath) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.log = logDir.resolve(name + ".log");
        this.readinessPath = readinessPath;
    }

    /** A Spring Boot service of ours on the given port, pointed at a broker and a registry. */
    public static ServiceProcess springService(String name, Path servicesDir, int port, String bootstrapServers,
                                               String registryUrl, Path workDir, Map<String, String> extraEnvironment) {
        return springService(name, servicesDir, port, bootstrapServers, registryUrl, workDir.resolve("state"),
                workDir.resolve("logs"), extraEnvironment);
    }

    /** As above, with its Kafka Streams state in {@code stateDir} and its log {@code <name>.log} in {@code logDir}. */
    public static ServiceProcess springService(String name, Path servicesDir, int port, String bootstrapServers,
                                               String registryUrl, Path stateDir, Path logDir, Map<String, String> extraEnvironment) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "SERVER_PORT", Integer.toString(port),
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "COMPLAINTS_SCHEMA_REGISTRY_URL", registryUrl,
                "COMPLAINTS_STATE_DIR", stateDir.toString()));
        env.putAll(extraEnvironment);
        return new ServiceProcess(name, servicesDir.resolve(name + ".jar"), port, env, logDir, "/actuator/health/readiness");
    }

    /** The JVM options (heap, JIT, -D system properties) the process starts with; before {@link #start()}. */
    public ServiceProcess jvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /** How it starts (default: a child of this JVM, no pid file); before {@link #start()}. */
    public ServiceProcess launchedBy(ProcessLauncher launcher) {
        this.launcher = launcher;
        return this;
    }

    public ServiceProcess start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        process = launcher.start(name, command, environment, log);
        return this;
    }

    /** Waits until the readiness endpoint answers 200; fails early if the process exits. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (ready()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    public boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + readinessPath)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** The operating-system process id, or -1 before {@link #start()}. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9: no shutdown hooks, no flushing; what a crash looks like. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** SIGTERM and wait for a graceful shutdown. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** A port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
