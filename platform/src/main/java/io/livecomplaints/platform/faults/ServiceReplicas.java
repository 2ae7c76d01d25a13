package io.livecomplaints.platform.faults;

import io.livecomplaints.platform.runtime.LocalCluster;
import io.livecomplaints.platform.runtime.ServiceProcess;
import io.livecomplaints.testkit.security.AccessTokens;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Several instances of each of the five services on a {@link LocalCluster}'s broker and registry, as a scaled-out
 * deployment runs them: one consumer group per service, each instance with its own port, state directory and log
 * ({@code <work>/<service>-<n>/}). The instances share one token secret ({@link #tokens()}) and the cluster's scraper
 * password. Started here rather than through {@link LocalCluster#startService}, which keeps one work directory per
 * service name.
 */
public final class ServiceReplicas implements AutoCloseable {

    private final LocalCluster cluster;
    private final Path servicesDir;
    private final String jwtSecret = UUID.randomUUID() + "-" + UUID.randomUUID();
    private final Map<String, List<ServiceProcess>> instances = new LinkedHashMap<>();

    private ServiceReplicas(LocalCluster cluster, Path platformTarget) {
        this.cluster = cluster;
        this.servicesDir = platformTarget.toAbsolutePath().resolve("services");
    }

    /**
     * Starts {@code count} instances of each service at once and waits until all are ready.
     *
     * @param environment extra environment of every instance (e.g. COMPLAINTS_STREAMS_STANDBY_REPLICAS)
     */
    public static ServiceReplicas start(LocalCluster cluster, Path platformTarget, List<String> services, int count,
                                        Map<String, String> environment) throws IOException, InterruptedException {
        ServiceReplicas replicas = new ServiceReplicas(cluster, platformTarget);
        try {
            for (int n = 1; n <= count; n++) {
                for (String service : services) {
                    replicas.launch(service, n, environment);
                }
            }
            for (List<ServiceProcess> each : replicas.instances.values()) {
                for (ServiceProcess instance : each) {
                    instance.awaitReady(Duration.ofMinutes(6));
                }
            }
            return replicas;
        } catch (IOException | InterruptedException | RuntimeException e) {
            replicas.close();
            throw e;
        }
    }

    private void launch(String service, int n, Map<String, String> environment) throws IOException {
        Map<String, String> env = new HashMap<>(environment);
        env.put("COMPLAINTS_SECURITY_JWT_SECRET", jwtSecret);
        env.put("COMPLAINTS_SECURITY_SCRAPER_PASSWORD", cluster.scraperPassword());
        if (service.equals("intake-service")) {
            env.putAll(LocalCluster.INTAKE_LIMITS_OPENED);
        }
        ServiceProcess instance = ServiceProcess.springService(service, servicesDir, ServiceProcess.freePort(),
                cluster.bootstrapServers(), cluster.registryUrl(), cluster.workDir().resolve(service + "-" + n), env);
        instances.computeIfAbsent(service, s -> new ArrayList<>()).add(instance.start());
    }

    /** The instances of a service, in the order started (instance n at index n - 1), dead or alive. */
    public List<ServiceProcess> of(String service) {
        List<ServiceProcess> each = instances.get(service);
        if (each == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        return List.copyOf(each);
    }

    /** The running instances of a service. */
    public List<ServiceProcess> alive(String service) {
        return of(service).stream().filter(ServiceProcess::alive).toList();
    }

    /** Every instance, for the per-instance counters (dead letters, skipped records). */
    public List<ServiceProcess> all() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    /** Mints tokens every instance accepts. */
    public AccessTokens tokens() {
        return new AccessTokens(jwtSecret);
    }

    @Override
    public void close() throws InterruptedException {
        List<ServiceProcess> all = all();
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).stop();
        }
    }
}
