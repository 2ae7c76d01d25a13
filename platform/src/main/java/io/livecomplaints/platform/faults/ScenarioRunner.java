package io.livecomplaints.platform.faults;

import io.livecomplaints.platform.runtime.LocalCluster;
import io.livecomplaints.platform.runtime.ServiceProcess;
import io.livecomplaints.platform.simulator.IntakeClient;
import io.livecomplaints.platform.simulator.UpstreamWorld;
import io.livecomplaints.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs one {@link Scenario} on a running {@link LocalCluster}: files the complaints, injects the faults when the
 * driver passes their points (and poison along the run), waits for the pipeline to drain, then reads every output
 * topic and judges.
 */
public final class ScenarioRunner {

    /** The limits of the issue: no partition stalls over 10 s, recovery within 60 s. */
    public static final Duration MAX_STALL = Duration.ofSeconds(10);
    public static final Duration MAX_RECOVERY = Duration.ofSeconds(60);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(4);

    /**
     * A fault and how long the pipeline took from it to caught up (killed service ready, every group's lag back), and
     * per service how many of its stream threads were fenced between the fault and then ({@link FencedThreads}).
     */
    public record FaultRecord(String fault, double recoverySeconds, String note, Map<String, Integer> fenced) {
    }

    /** @param skippedActual null when not measured (no poison, or services restarted during the scenario) */
    public record Result(Scenario scenario, int complaints, double rate, ComplaintDriver.Submissions submissions, Verdict verdict,
                         long maxStallMillis, String maxStallWhere, List<FaultRecord> faults, Map<String, Integer> poisonWritten,
                         Map<String, Map<String, Integer>> skippedExpected, Map<String, Map<String, Integer>> skippedActual) {
        public double maxRecoverySeconds() {
            return faults.stream().mapToDouble(FaultRecord::recoverySeconds).max().orElse(0);
        }

        public boolean passed() {
            return verdict.delivered() && (skippedActual == null || skippedExpected.equals(skippedActual)) && maxStallMillis <= MAX_STALL.toMillis()
                    && faults.stream().allMatch(f -> f.recoverySeconds() >= 0 && f.recoverySeconds() <= MAX_RECOVERY.toSeconds());
        }
    }

    /** Told once per fault when it has not been recovered from after a while. */
    public interface SlowRecoveryListener {
        void slowRecovery(String fault, long seconds, Map<String, Long> lagByGroup) throws Exception;
    }

    private static final Duration TIMELINE_STEP = Duration.ofSeconds(5);

    /** Null until {@link #onSlowRecovery}: then no capture. */
    private SlowRecoveryListener slowRecoveryListener;
    private Duration slowRecoveryAfter;

    private final LocalCluster cluster;
    private final Topics topics;
    private final UpstreamWorld world;
    private final LagMonitor monitor;
    private final Set<String> requiredAckChannels;

    public ScenarioRunner(LocalCluster cluster, Topics topics, UpstreamWorld world, LagMonitor monitor, Set<String> requiredAckChannels) {
        this.cluster = cluster;
        this.topics = topics;
        this.world = world;
        this.monitor = monitor;
        this.requiredAckChannels = requiredAckChannels;
    }

    /** Tells {@code listener} (off the timing thread) when a fault has not been recovered from after {@code after}. */
    public ScenarioRunner onSlowRecovery(Duration after, SlowRecoveryListener listener) {
        this.slowRecoveryAfter = after;
        this.slowRecoveryListener = listener;
        return this;
    }

    public Result run(Scenario scenario, int complaints, double rate) throws Exception {
        String tag = scenario.name() + "-" + Long.toString(System.currentTimeMillis(), 36);
        long startedAt = System.currentTimeMillis();
        log("%s: %d complaints at %.0f/s — %s", scenario.name(), complaints, rate, scenario.description());
        monitor.resetStalls();
        ServiceProcess intakeService = service("intake-service");
        ComplaintDriver driver = new ComplaintDriver(new IntakeClient(intakeService.url(), cluster.tokens()), world, "fi-" + tag);
        List<FaultRecord> faults = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        long threshold = Math.max(50, Math.round(rate * 2));

        Thread faulter = new Thread(() -> {
            try {
                for (Scenario.Fault fault : scenario.faults()) {
                    awaitIssued(driver, (int) Math.ceil(fault.atFraction() * complaints));
                    int issuedAt = driver.issued();
                    FaultRecord done = inject(fault, threshold);
                    faults.add(new FaultRecord(done.fault() + " (injected at complaint " + issuedAt + " of " + complaints + ")",
                            done.recoverySeconds(), done.note(), done.fenced()));
                }
            } catch (Throwable e) {
                errors.add(e);
            }
        }, "faults-" + scenario.name());
        PoisonInjector poison = scenario.injectsPoison() ? new PoisonInjector(cluster.bootstrapServers(), topics, tag) : null;
        Thread poisoner = new Thread(() -> {
            try {
                for (int round = 0; round < complaints / 100; round++) {
                    awaitIssued(driver, round * 100 + 50);
                    poison.injectRound(round);
                }
                poison.flush();
            } catch (Throwable e) {
                errors.add(e);
            }
        }, "poison-" + scenario.name());
        Map<String, Map<String, Integer>> skippedBefore = poison == null ? Map.of() : SkippedRecords.read(cluster.services(), cluster.scraperAuthorization());
        faulter.start();
        if (poison != null) {
            poisoner.start();
        }
        ComplaintDriver.Submissions submissions = driver.run(complaints, rate, tag.hashCode());
        faulter.join();
        if (poison != null) {
            poisoner.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("fault injection failed", errors.get(0));
        }
        log("%s: filed in %.0f s (%d retries); draining", scenario.name(), submissions.seconds(), submissions.retries());

        awaitDrained(monitor, Math.max(10, threshold / 5));
        OutputReader reader = new OutputReader(cluster.bootstrapServers(), topics);
        Map<String, Map<String, Integer>> expectedDlt = poison == null ? Map.of() : poison.expectedDeadLetters();
        String poisonPrefix = poison == null ? PoisonInjector.KEY_PREFIX + tag + "-" : poison.keyPrefix();
        Verdict verdict = awaitVerdict(scenario.name(), reader, submissions, poisonPrefix, startedAt, requiredAckChannels, expectedDlt);
        Map<String, Integer> written = poison == null ? Map.of() : poison.written();
        Map<String, Map<String, Integer>> skippedExpected = poison == null ? Map.of() : poison.expectedSkipped();
        // global stores skip poison; a scenario with poison and restarts could not compare the (restarted) counters
        Map<String, Map<String, Integer>> skippedActual = poison == null || !scenario.faults().isEmpty() ? null
                : SkippedRecords.difference(SkippedRecords.read(cluster.services(), cluster.scraperAuthorization()), skippedBefore);
        if (poison != null) {
            poison.close();
        }
        return new Result(scenario, complaints, rate, submissions, verdict, monitor.maxStallMillis(), monitor.maxStallWhere(),
                new ArrayList<>(faults), written, skippedExpected, skippedActual);
    }

    private FaultRecord inject(Scenario.Fault fault, long threshold) throws Exception {
        long t0 = System.nanoTime();
        log("  fault: %s", fault.describe());
        FencedThreads fencings = FencedThreads.mark(cluster.services());
        switch (fault.action()) {
            case KILL_SERVICE -> {
                ServiceProcess victim = service(fault.service());
                monitor.down(fault.service());
                victim.kill();
                victim.start();
                victim.awaitReady(RECOVERY_TIMEOUT);
                monitor.up(fault.service());
            }
            case STOP_BROKER, KILL_BROKER -> {
                monitor.brokerDown(true);
                if (fault.action() == Scenario.Action.STOP_BROKER) {
                    cluster.stopBroker();
                } else {
                    cluster.killBroker();
                }
                Thread.sleep(fault.down().toMillis());
                cluster.restartBroker();
                for (ServiceProcess s : cluster.services()) {
                    s.awaitReady(RECOVERY_TIMEOUT);
                }
                monitor.brokerDown(false);
            }
        }
        double readySeconds = (System.nanoTime() - t0) / 1e9;
        long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        long nextTimeline = System.nanoTime();
        boolean told = false;
        Set<String> behind;
        do {
            monitor.awaitFreshSample(Duration.ofSeconds(10));
            behind = monitor.behind(threshold);
            long elapsed = System.nanoTime() - t0;
            if (!behind.isEmpty() && System.nanoTime() >= nextTimeline) {
                // the recovery's course in the run's output: which groups are behind, by how much
                log("    +%.0f s: behind %s", elapsed / 1e9, lagOf(behind));
                nextTimeline = System.nanoTime() + TIMELINE_STEP.toNanos();
            }
            if (!behind.isEmpty() && !told && slowRecoveryListener != null && elapsed >= slowRecoveryAfter.toNanos()) {
                told = true;
                tellSlowRecovery(fault.describe(), elapsed / 1_000_000_000L, monitor.lag());
            }
        } while (!behind.isEmpty() && System.nanoTime() < deadline);
        double seconds = behind.isEmpty() ? (System.nanoTime() - t0) / 1e9 : -1;
        Map<String, Integer> fenced = fencings.since();
        String note = String.format("ready after %.1f s%s%s", readySeconds, behind.isEmpty() ? "" : "; still behind: " + behind,
                fenced.isEmpty() ? "" : "; stream threads fenced: " + fenced);
        log("  recovered from %s in %s (%s)", fault.describe(), seconds < 0 ? "NOT within " + RECOVERY_TIMEOUT : String.format("%.1f s", seconds), note);
        return new FaultRecord(fault.describe(), seconds, note, fenced);
    }

    private Map<String, Long> lagOf(Set<String> groups) {
        Map<String, Long> lag = new java.util.TreeMap<>(monitor.lag());
        lag.keySet().retainAll(groups);
        return lag;
    }

    private void tellSlowRecovery(String fault, long seconds, Map<String, Long> lag) {
        SlowRecoveryListener listener = slowRecoveryListener;
        Thread capture = new Thread(() -> {
            try {
                listener.slowRecovery(fault, seconds, lag);
            } catch (Exception e) {
                log("  (what the recovery from %s looked like could not be written: %s)", fault, e);
            }
        }, "slow-recovery-capture");
        capture.setDaemon(true);
        capture.start();
    }

    /**
     * Reads the output topics until every accepted complaint is through and the dead letters are as expected, or
     * {@link #DRAIN_TIMEOUT} has passed, and returns the verdict of the last reading.
     */
    static Verdict awaitVerdict(String name, OutputReader reader, ComplaintDriver.Submissions submissions, String poisonPrefix,
                                long startedAt, Set<String> requiredAckChannels, Map<String, Map<String, Integer>> expectedDlt)
            throws Exception {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (true) {
            Verdict verdict = Verdict.of(submissions, reader.read(poisonPrefix, startedAt), requiredAckChannels, expectedDlt);
            if ((verdict.lost() == 0 && verdict.dltMatches()) || System.nanoTime() > deadline) {
                return verdict;
            }
            log("%s: %d complaints not through yet, dead letters %d of %d; reading again in 10 s", name, verdict.lost(),
                    verdict.dltActualTotal(), verdict.dltExpectedTotal());
            Thread.sleep(10_000);
        }
    }

    /** Waits until every group's lag is at most {@code lag} (only commit markers left). */
    static void awaitDrained(LagMonitor monitor, long lag) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        do {
            monitor.awaitFreshSample(Duration.ofSeconds(10));
        } while (!monitor.behind(lag).isEmpty() && System.nanoTime() < deadline);
    }

    static void awaitIssued(ComplaintDriver driver, int count) throws InterruptedException {
        while (driver.issued() < count) {
            Thread.sleep(50);
        }
    }

    private ServiceProcess service(String name) {
        return cluster.services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    static void log(String format, Object... args) {
        System.out.printf("%tT " + format + "%n", prepend(System.currentTimeMillis(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
