package io.livecomplaints.platform.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecomplaints.platform.runtime.LocalCluster;
import io.livecomplaints.platform.runtime.ServiceProcess;
import io.livecomplaints.platform.simulator.ComplaintCorpus;
import io.livecomplaints.platform.simulator.IntakeClient;
import io.livecomplaints.platform.simulator.UpstreamWorld;
import io.livecomplaints.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The failover proof of a scaled-out deployment ({@code bin/faults instances}): several instances of each service
 * ({@link ServiceReplicas}); the complaints are spread over the intake instances; at each kill point one instance of
 * every service is killed (-9) at the same moment. Then, against the survivors only, it times how long until every
 * service's public read APIs answer correctly about complaints filed before ({@link ApiProbes}), until a survivor's
 * intake accepts a complaint, and until that complaint has gone through the whole chain (its case readable, its
 * acknowledgment in its owner's inbox: the flow is moving), and until every group has caught up. The victims are then
 * restarted and the next kill waits for them: with two instances, a victim left dead would leave the next kill no
 * survivor. Kills alternate between the instances, so both are killed. At the end the verifier reads every output
 * topic: 0 lost, 0 duplicated.
 */
public final class FailoverRun {

    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(4);
    /** As long as {@link ServiceReplicas} gives a first start: five JVMs restart at once on a possibly loaded machine. */
    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(6);
    private static final int REFERENCES = 15;
    /** How long the count before a kill is asked for; after that the round runs without it (see {@link Floor}). */
    private static final Duration FLOOR_WAIT = Duration.ofSeconds(60);

    /**
     * One kill round; times in seconds from the kill, -1 when not within {@link #RECOVERY_TIMEOUT}.
     *
     * @param apiSeconds     per service: its survivor answered every probe correctly
     * @param lastFailures   per service: the last wrong answer before it did (what the survivors said meanwhile)
     * @param acceptSeconds  a survivor's intake accepted a complaint
     * @param flowSeconds    that complaint's case and acknowledgment readable on the survivors
     * @param caughtUpSeconds every group's lag back to the run's normal
     * @param restartSeconds  the victims ready again after their restart (from the restart)
     * @param analyticsFloor  the count analytics' survivor had to reach, or why there was none
     */
    public record Kill(int round, double atFraction, int issuedAt, List<String> victims, Map<String, Double> apiSeconds,
                       Map<String, String> lastFailures, double acceptSeconds, double flowSeconds, double caughtUpSeconds,
                       double restartSeconds, Floor analyticsFloor) {

        public double allApisSeconds() {
            return apiSeconds.values().stream().anyMatch(s -> s < 0) ? -1
                    : apiSeconds.values().stream().mapToDouble(Double::doubleValue).max().orElse(-1);
        }

        public boolean recovered() {
            return allApisSeconds() >= 0 && acceptSeconds >= 0 && flowSeconds >= 0 && caughtUpSeconds >= 0 && restartSeconds >= 0;
        }
    }

    /**
     * Analytics' all-time count before a kill, which its survivor must reach again. When analytics did not give it within
     * {@link #FLOOR_WAIT} (e.g. 503 while a rejoined instance's state migrates), the round runs without a floor: the
     * probe then only needs a 200 with counts, and the report says so.
     *
     * @param count       the count, 0 without a floor
     * @param unavailable null when counted, else analytics' last answer
     */
    public record Floor(long count, String unavailable) {

        static Floor counted(long count) {
            return new Floor(count, null);
        }

        static Floor none(String lastAnswer) {
            return new Floor(0, lastAnswer);
        }

        public String describe() {
            return unavailable == null ? "at least " + count + " complaints counted"
                    : "no floor: analytics unavailable before the kill (" + unavailable + ")";
        }
    }

    /** @param load /proc/loadavg at the start and at the end of the run */
    public record Result(int standbyReplicas, int instances, ComplaintDriver.Routing routing, int complaints, double rate,
                         ComplaintDriver.Submissions submissions,
                         Verdict verdict, List<Kill> kills, long maxStallMillis, String maxStallWhere, String load) {
        public boolean passed() {
            return verdict.delivered() && kills.stream().allMatch(Kill::recovered);
        }
    }

    private final LocalCluster cluster;
    private final ServiceReplicas replicas;
    private final Topics topics;
    private final UpstreamWorld world;
    private final LagMonitor monitor;
    private final Set<String> requiredAckChannels;
    private final ComplaintCorpus corpus = ComplaintCorpus.load();

    public FailoverRun(LocalCluster cluster, ServiceReplicas replicas, Topics topics, UpstreamWorld world, LagMonitor monitor,
                       Set<String> requiredAckChannels) {
        this.cluster = cluster;
        this.replicas = replicas;
        this.topics = topics;
        this.world = world;
        this.monitor = monitor;
        this.requiredAckChannels = requiredAckChannels;
    }

    /**
     * @param killPoints     fractions of the run at which one instance of every service is killed
     * @param standbyReplicas what the services were started with (for the report)
     * @param routing        how the complaints are spread over the intake instances
     */
    public Result run(int complaints, double rate, List<Double> killPoints, int standbyReplicas, ComplaintDriver.Routing routing)
            throws Exception {
        String tag = "failover-" + Long.toString(System.currentTimeMillis(), 36);
        long startedAt = System.currentTimeMillis();
        String loadBefore = loadAverage();
        int instances = replicas.of("intake-service").size();
        ScenarioRunner.log("%s: %d instances of each service, standby replicas %d, %d complaints at %.0f/s, kills at %s",
                tag, instances, standbyReplicas, complaints, rate, killPoints);
        monitor.resetStalls();
        ApiProbes probes = new ApiProbes(replicas.tokens(), fileReferences(tag));
        List<IntakeClient> intakes = replicas.of("intake-service").stream()
                .map(intake -> new IntakeClient(intake.url(), replicas.tokens())).toList();
        ComplaintDriver driver = new ComplaintDriver(intakes, routing, world, "fo-" + tag);
        long threshold = Math.max(50, Math.round(rate * 2));
        List<Kill> kills = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Thread faulter = new Thread(() -> {
            try {
                for (int round = 0; round < killPoints.size(); round++) {
                    ScenarioRunner.awaitIssued(driver, (int) Math.ceil(killPoints.get(round) * complaints));
                    kills.add(killRound(round, killPoints.get(round), driver.issued(), probes, tag, threshold));
                }
            } catch (Throwable e) {
                errors.add(e);
            }
        }, "failover-kills");
        faulter.start();
        ComplaintDriver.Submissions submissions = driver.run(complaints, rate, tag.hashCode());
        faulter.join();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("fault injection failed", errors.get(0));
        }
        ScenarioRunner.log("%s: filed in %.0f s (%d retries); draining", tag, submissions.seconds(), submissions.retries());
        ScenarioRunner.awaitDrained(monitor, Math.max(10, threshold / 5));
        Verdict verdict = ScenarioRunner.awaitVerdict(tag, new OutputReader(cluster.bootstrapServers(), topics), submissions,
                PoisonInjector.KEY_PREFIX + tag + "-", startedAt, requiredAckChannels, Map.of());
        return new Result(standbyReplicas, instances, routing, complaints, rate, submissions, verdict, List.copyOf(kills),
                monitor.maxStallMillis(), monitor.maxStallWhere(), loadBefore + " → " + loadAverage());
    }

    /** Kills one instance of every service at once, times the survivors' recovery, restarts the victims. */
    private Kill killRound(int round, double at, int issuedAt, ApiProbes probes, String tag, long threshold) throws Exception {
        List<ServiceProcess> victims = new ArrayList<>();
        List<String> victimNames = new ArrayList<>();
        for (String service : Scenario.SERVICES) {
            List<ServiceProcess> each = replicas.of(service);
            int index = round % each.size();
            victims.add(each.get(index));
            victimNames.add(service + "-" + (index + 1));
        }
        Floor floor = countedBefore(probes, survivor("analytics-service", victims));
        ScenarioRunner.log("  kill round %d at %d%% (complaint %d): kill -9 %s", round + 1, Math.round(at * 100), issuedAt, victimNames);
        Scenario.SERVICES.forEach(monitor::down);
        long t0 = System.nanoTime();
        for (ServiceProcess victim : victims) {
            victim.kill();
        }

        Map<String, Double> apiSeconds = new LinkedHashMap<>();
        Map<String, String> lastFailures = new LinkedHashMap<>();
        Scenario.SERVICES.forEach(s -> apiSeconds.put(s, -1.0));
        ApiProbes.Reference canary = null;
        double acceptSeconds = -1;
        double flowSeconds = -1;
        String canaryKey = tag + "-canary-" + round;
        String canaryUser = "U-canary-" + tag + "-" + round;
        ObjectNode canaryBody = complaintBody(canaryKey, new Random(round));
        long deadline = t0 + RECOVERY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && (apiSeconds.containsValue(-1.0) || flowSeconds < 0)) {
            for (String service : Scenario.SERVICES) {
                if (apiSeconds.get(service) < 0) {
                    String wrong = probes.failure(service, survivor(service, victims), floor.count());
                    if (wrong == null) {
                        apiSeconds.put(service, seconds(t0));
                        monitor.up(service);
                    } else {
                        lastFailures.put(service, wrong);
                    }
                }
            }
            if (canary == null) {
                IntakeClient intake = new IntakeClient(survivor("intake-service", victims).url(), replicas.tokens());
                try {
                    IntakeClient.Filed filed = intake.file(canaryUser, canaryBody, canaryKey);
                    if (filed.accepted()) {
                        canary = new ApiProbes.Reference(filed.complaintId(), canaryUser);
                        acceptSeconds = seconds(t0);
                    }
                } catch (IOException e) {
                    // not accepting yet
                }
            } else if (flowSeconds < 0) {
                ApiProbes canaryProbes = new ApiProbes(replicas.tokens(), List.of(canary));
                if (canaryProbes.failure("resolution-service", survivor("resolution-service", victims), 0) == null
                        && canaryProbes.failure("notification-service", survivor("notification-service", victims), 0) == null) {
                    flowSeconds = seconds(t0);
                }
            }
            Thread.sleep(250);
        }
        Scenario.SERVICES.forEach(monitor::up);
        double caughtUp = awaitCaughtUp(t0, deadline, threshold);
        ScenarioRunner.log("  round %d: APIs answering after %s s, intake accepting after %.1f s, flow moving after %.1f s, caught up after %.1f s%s",
                round + 1, apiSeconds, acceptSeconds, flowSeconds, caughtUp,
                apiSeconds.containsValue(-1.0) ? "; still wrong: " + lastFailures : "");

        long restartedAt = System.nanoTime();
        for (ServiceProcess victim : victims) {
            victim.start();
        }
        double restartSeconds = awaitReady(victims, restartedAt + RESTART_TIMEOUT.toNanos()) ? seconds(restartedAt) : -1;
        awaitCaughtUp(restartedAt, restartedAt + RECOVERY_TIMEOUT.toNanos(), threshold);
        ScenarioRunner.log("  round %d: victims ready again %.1f s after their restart", round + 1, restartSeconds);
        return new Kill(round + 1, at, issuedAt, victimNames, apiSeconds, lastFailures, acceptSeconds, flowSeconds, caughtUp,
                restartSeconds, floor);
    }

    /**
     * Analytics' all-time count before the kill, asked again for up to {@link #FLOOR_WAIT} (a loaded machine times a
     * request out now and then); without an answer by then, no floor, and the round goes on.
     */
    private static Floor countedBefore(ApiProbes probes, ServiceProcess analytics) throws InterruptedException {
        long deadline = System.nanoTime() + FLOOR_WAIT.toNanos();
        while (true) {
            try {
                return Floor.counted(probes.analyticsCount(analytics));
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    Floor none = Floor.none(ApiProbes.abbreviated(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                    ScenarioRunner.log("  analytics-service: %s", none.describe());
                    return none;
                }
                Thread.sleep(1000);
            }
        }
    }

    /** Whether every victim is ready again before the deadline (a run goes on without them, and fails, if not). */
    private static boolean awaitReady(List<ServiceProcess> victims, long deadline) throws InterruptedException {
        for (ServiceProcess victim : victims) {
            while (!victim.ready()) {
                if (System.nanoTime() > deadline || !victim.alive()) {
                    ScenarioRunner.log("  %s not ready again within %s after its restart; see %s", victim.name(), RESTART_TIMEOUT, victim.log());
                    return false;
                }
                Thread.sleep(250);
            }
        }
        return true;
    }

    private double awaitCaughtUp(long t0, long deadline, long threshold) throws InterruptedException {
        do {
            monitor.awaitFreshSample(Duration.ofSeconds(10));
            if (monitor.behind(threshold).isEmpty()) {
                return seconds(t0);
            }
        } while (System.nanoTime() < deadline);
        return -1;
    }

    /**
     * Files the reference complaints the probes ask about, each by its own user (an inbox the load does not fill), and
     * waits until some instance of every service answers each correctly.
     */
    private List<ApiProbes.Reference> fileReferences(String tag) throws Exception {
        List<ApiProbes.Reference> references = new ArrayList<>();
        List<ServiceProcess> intakes = replicas.of("intake-service");
        Random random = new Random(tag.hashCode());
        for (int n = 0; n < REFERENCES; n++) {
            String user = "U-ref-" + tag + "-" + n;
            String key = tag + "-ref-" + n;
            IntakeClient intake = new IntakeClient(intakes.get(n % intakes.size()).url(), replicas.tokens());
            IntakeClient.Filed filed = intake.file(user, complaintBody(key, random), key);
            if (!filed.accepted()) {
                throw new IllegalStateException("reference complaint refused: " + filed.status() + " " + filed.body());
            }
            references.add(new ApiProbes.Reference(filed.complaintId(), user));
        }
        long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        for (ApiProbes.Reference reference : references) {
            ApiProbes one = new ApiProbes(replicas.tokens(), List.of(reference));
            for (String service : List.of("intake-service", "resolution-service", "notification-service")) {
                while (replicas.of(service).stream().noneMatch(i -> one.failure(service, i, 0) == null)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("reference complaint " + reference + " not readable on " + service);
                    }
                    Thread.sleep(500);
                }
            }
        }
        ScenarioRunner.log("%s: %d reference complaints readable", tag, references.size());
        return references;
    }

    private ObjectNode complaintBody(String orderSuffix, Random random) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("channel", "ORDER_PAGE");
        body.put("text", corpus.pick(random).text());
        body.put("orderId", "O-" + orderSuffix);
        body.putArray("demands").add("REFUND");
        return body;
    }

    private ServiceProcess survivor(String service, List<ServiceProcess> victims) {
        return replicas.of(service).stream().filter(i -> !victims.contains(i)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no survivor of " + service));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
