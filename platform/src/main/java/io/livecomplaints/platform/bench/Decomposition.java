package io.livecomplaints.platform.bench;

import io.livecomplaints.platform.simulator.PipelineObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bin/bench decompose}: where the cost of a complaint goes, each part measured in the same run on one broker.
 * <ul>
 *   <li>B0: raw Kafka at the domain minimum, exactly-once: one produce and the pipeline's consume-produce hops
 *       ({@link KafkaBaseline});</li>
 *   <li>B3 at two offered rates (a low one and one near saturation), no profiler running: the whole pipeline as
 *       clients see it; per window the log offsets per complaint per topic, CPU per complaint per process and the
 *       broker's requests per second by type; the two windows give each process's fixed and marginal CPU
 *       ({@link CpuCost});</li>
 *   <li>then, unless profiling is off, a third B3 window at the high rate with JFR in every service
 *       ({@link JfrProfile}), for the hottest methods only: JFR costs about 45 % more CPU, so that window's CPU and
 *       latency are the profiler's and take no part in the two-rate figures;</li>
 *   <li>B1: the Streams services (triage, resolution, notification) stopped, a backlog of real complaints filed
 *       through intake (real serialization), intake stopped, the Streams services started again: the drain rate
 *       from the 10 % to the 90 % of the backlog completed (triaged, case opened, acknowledged: B3's completion),
 *       with CPU and offsets from the restart until every group caught up;</li>
 *   <li>B2, last: intake alone (its Streams side running, the other services stopped) against {@code minimal-intake} alone,
 *       the same endpoint on the same stack without intake's work, each driven by the same load generator
 *       ({@link EndpointBenchmark}): saturation, POST→202 at half of it, CPU per request.</li>
 * </ul>
 * With {@code --short-deferrals true} the services run with the SLA, survey, auto-close and retention settings of
 * {@link #SHORT_DEFERRALS}, and each window's offsets are read {@code --deferred-wait-seconds} after it, so the
 * deferred writes (timer tombstones, purges, surveys, auto-close) show in the offsets per complaint.
 */
final class Decomposition {

    /** Environment overrides (Spring relaxed binding of the services' application.yml) that bring deferred work forward. */
    static final Map<String, String> SHORT_DEFERRALS = orderedMap(
            "COMPLAINTS_SLA_FIRSTRESPONSE_FORM", "60s",             // intake: first-response clock of form channels
            "COMPLAINTS_SLA_FIRSTRESPONSE_CHAT", "60s",
            "COMPLAINTS_RESOLUTION_SLA_PLAN", "90s",                 // resolution: plan and resolution clocks
            "COMPLAINTS_RESOLUTION_SLA_RESOLUTION_LOW", "90s",
            "COMPLAINTS_RESOLUTION_SLA_RESOLUTION_MEDIUM", "90s",
            "COMPLAINTS_RESOLUTION_SLA_RESOLUTION_HIGH", "90s",
            "COMPLAINTS_RESOLUTION_AUTOCLOSEAFTER", "30s",           // a resolved case nobody disputes is closed
            "COMPLAINTS_NOTIFICATION_MESSAGES_SURVEYDELAY", "30s",   // 回访 after the result
            "COMPLAINTS_NOTIFICATION_DELIVERY_DEDUPRETENTION", "60s"); // dedup records purged

    /** How the profile-only window runs: {@code seconds} at the high rate, the {@code top} methods per service. */
    record Profiling(double seconds, int top, Path dir) {
    }

    /**
     * What one measured stretch cost. A {@code profiled} window ran with JFR in every service: its CPU and latency
     * are the profiler's, not comparable with the other windows'. {@code cpuSecondsByThread}: per process, its CPU
     * by kind of thread ({@link ThreadCpu}).
     */
    record Window(String name, long complaints, double wallSeconds, double completedPerSecond,
                  Map<String, Double> offsetsPerComplaint, Map<String, Double> cpuSeconds,
                  Map<String, Double> brokerRequestsPerSecond, boolean profiled, Map<String, Map<String, Double>> cpuSecondsByThread) {

        /** A window without a profiler, its CPU not split by thread. */
        Window(String name, long complaints, double wallSeconds, double completedPerSecond,
               Map<String, Double> offsetsPerComplaint, Map<String, Double> cpuSeconds,
               Map<String, Double> brokerRequestsPerSecond) {
            this(name, complaints, wallSeconds, completedPerSecond, offsetsPerComplaint, cpuSeconds, brokerRequestsPerSecond, false, Map.of());
        }

        Window withProfiler() {
            return new Window(name, complaints, wallSeconds, completedPerSecond, offsetsPerComplaint, cpuSeconds,
                    brokerRequestsPerSecond, true, cpuSecondsByThread);
        }

        /** The name as every table shows it: a profiled window says that its numbers are not comparable. */
        String label() {
            return profiled ? name + " (profiled, not comparable)" : name;
        }

        Map<String, Double> cpuMillisPerComplaint() {
            Map<String, Double> per = new LinkedHashMap<>();
            cpuSeconds.forEach((process, seconds) -> per.put(process, 1000 * seconds / Math.max(1, complaints)));
            return per;
        }

        CpuCost.Point cpuPoint() {
            return CpuCost.Point.of(complaints, wallSeconds, cpuSeconds);
        }
    }

    /** What the measured work returns: complaints it covered and the throughput it saw. */
    private record Work(long complaints, double completedPerSecond) {
    }

    private final BenchCluster bench;
    private final PipelineBenchmark pipeline;
    private final int senders;
    private final double deferredWaitSeconds;
    /** Whether the services run with {@link #SHORT_DEFERRALS}. */
    final boolean deferred;
    private BrokerRequests broker;

    KafkaBaseline.Result b0;
    FootprintReplay.Result b0Footprint;
    final List<Window> windows = new ArrayList<>();
    Map<String, CpuCost> cpuCost = Map.of();
    final Map<String, List<JfrProfile.HotMethod>> profiles = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    /** B2: intake-service, then minimal-intake. */
    final List<EndpointBenchmark.Result> b2 = new ArrayList<>();
    Map<String, Integer> footprintBytes = Map.of();

    Decomposition(BenchCluster bench, PipelineBenchmark pipeline, int senders, boolean deferred, double deferredWaitSeconds) {
        this.deferred = deferred;
        this.bench = bench;
        this.pipeline = pipeline;
        this.senders = senders;
        this.deferredWaitSeconds = deferredWaitSeconds;
    }

    /** {@code profiling} null: no profile-only window; {@code b2Settings} null: no B2. */
    void run(KafkaBaseline baseline, int baselineRecords, int recordBytes, int hops, double lowRate, double highRate,
             double windowSeconds, int footprintComplaints, int backlog, double backlogRate, Profiling profiling,
             EndpointBenchmark.Settings b2Settings) throws Exception {
        try {
            broker = BrokerRequests.attach(bench.cluster.brokerPid());
        } catch (Exception e) {
            problems.add("broker JMX not available, no requests per type: " + e.getMessage());
        }
        try {
            System.out.printf("B0: %d records of %d bytes through %d exactly-once hops ...%n", baselineRecords, recordBytes, hops);
            b0 = baseline.run(KafkaBaseline.Mode.EXACTLY_ONCE, baselineRecords, recordBytes, hops, Duration.ofMinutes(5));
            System.out.println(BenchmarkReport.baselineLine(b0));
            Thread.sleep(10_000); // let the broker settle after the blast

            Window low = window(b3(lowRate), () -> offered(lowRate, windowSeconds), false);
            window(b3(highRate), () -> offered(highRate, windowSeconds), false);
            splitFixedAndMarginal();
            // B0′ after both windows: its burst of several hundred thousand records may keep the broker busy into a
            // window that follows it (2026-12-05, B0′ before the high window: acknowledgment p99 626 ms there, 156 in
            // bin/bench all at the same rate)
            if (footprintComplaints > 0) {
                footprint(low, footprintComplaints);
            }
            if (profiling != null) {
                window(b3(highRate), () -> profiled(() -> offered(highRate, profiling.seconds()), profiling), true);
            }
            if (backlog > 0) {
                backlog(backlog, backlogRate);
            }
            if (b2Settings != null) {
                intakeAgainstMinimal(b2Settings);
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private static String b3(double rate) {
        return "B3 at " + Math.round(rate) + "/s";
    }

    /** The B3 windows that ran without a profiler, in run order: the two rates of the fixed/marginal split. */
    static List<Window> twoRateWindows(List<Window> windows) {
        return windows.stream().filter(w -> w.name().startsWith("B3") && !w.profiled()).toList();
    }

    /** Each process's fixed and marginal CPU from the two unprofiled B3 windows; a problem noted when there are not two. */
    void splitFixedAndMarginal() {
        List<Window> twoRates = twoRateWindows(windows);
        if (twoRates.size() != 2) {
            problems.add("no fixed/marginal CPU: " + twoRates.size() + " unprofiled B3 windows, not 2");
            return;
        }
        try {
            cpuCost = CpuCost.between(twoRates.get(0).cpuPoint(), twoRates.get(1).cpuPoint());
        } catch (IllegalArgumentException e) {
            problems.add("no fixed/marginal CPU: " + e.getMessage());
        }
    }

    /** B0′: the low window's offsets per topic replayed as opaque records of each topic's mean size. */
    private void footprint(Window measured, int complaints) throws Exception {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        Map<String, Integer> bytes = new LinkedHashMap<>();
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.cluster.bootstrapServers()))) {
            admin.describeTopics(measured.offsetsPerComplaint().keySet()).allTopicNames().get()
                    .forEach((topic, description) -> partitions.put(topic, description.partitions().size()));
        }
        for (String topic : measured.offsetsPerComplaint().keySet()) {
            bytes.put(topic, (int) Math.round(bench.meanValueBytes(topic, 200)));
        }
        System.out.printf("B0′: %d complaints' worth of the footprint of %s (%.1f offsets/complaint over %d topics) ...%n",
                complaints, measured.name(), TopicOffsets.total(measured.offsetsPerComplaint()), partitions.size());
        try {
            b0Footprint = new FootprintReplay(bench.cluster.bootstrapServers())
                    .run(measured.offsetsPerComplaint(), partitions, bytes, complaints, Duration.ofMinutes(10));
            System.out.printf("B0′: %d records in %.1f s: %.0f complaints/s%n", b0Footprint.records(), b0Footprint.seconds(),
                    b0Footprint.complaintsPerSecond());
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
        }
        footprintBytes = bytes;
        Thread.sleep(5_000);
    }

    /** One B3 window: open-loop load at {@code rate}, measured until its complaints are through. */
    private Work offered(double rate, double seconds) throws InterruptedException {
        PipelineBenchmark.Step step = pipeline.measure("B3 " + Math.round(rate) + "/s", rate, seconds);
        return new Work(step.accepted(), step.completedPerSecond());
    }

    /** Runs the work with a JFR recording in every service, then summarises each recording. */
    private Work profiled(Callable<Work> work, Profiling profiling) throws Exception {
        Map<String, Long> services = new LinkedHashMap<>();
        bench.services.forEach(name -> services.put(name, bench.service(name).pid()));
        for (var service : services.entrySet()) {
            JfrProfile.start(service.getValue());
        }
        try {
            return work.call();
        } finally {
            Files.createDirectories(profiling.dir());
            for (var service : services.entrySet()) {
                Path file = profiling.dir().resolve(service.getKey() + ".jfr");
                try {
                    JfrProfile.stop(service.getValue(), file);
                    profiles.put(service.getKey(), JfrProfile.hottest(file, profiling.top()));
                } catch (Exception e) {
                    problems.add("no profile of " + service.getKey() + ": " + e.getMessage());
                }
            }
            System.out.println("JFR recordings in " + profiling.dir());
        }
    }

    /**
     * B1: the Streams services stopped, {@code complaints} filed through intake, intake stopped, the Streams services
     * started again. The rate is taken between 10 % and 90 % of the backlog completed as B3 counts it (triaged, case
     * opened, acknowledged; start-up and tail left out); the
     * costs from the restart until every group caught up.
     */
    private void backlog(int complaints, double rate) throws Exception {
        List<String> streams = bench.services.stream().filter(s -> !s.equals("intake-service")).toList();
        System.out.printf("B1: stopping %s, filing %d complaints at %.0f/s ...%n", streams, complaints, rate);
        bench.stop(streams);
        OpenLoopLoad load = new OpenLoopLoad(senders, bench.sequence);
        List<String> ids = new ArrayList<>();
        for (OpenLoopLoad.Sent s : load.run(List.of(new LoadPhase("backlog", rate, complaints / rate)), i -> bench.filer.file(i, false))) {
            if (s.filed().status() == 202 && s.filed().complaintId() != null) {
                ids.add(s.filed().complaintId());
            }
        }
        bench.stop(List.of("intake-service"));
        System.out.printf("B1: %d in the backlog; starting %s again%n", ids.size(), streams);
        Snapshot launch = Snapshot.take(bench, broker, 0);
        Thread starter = new Thread(() -> {
            try {
                bench.restart(streams);
            } catch (Exception e) {
                System.err.println("B1: restart failed: " + e);
            }
        }, "bench-restart");
        starter.start();
        // drained = through the whole pipeline, as B3 counts a complaint completed (its acknowledgment alone is one hop).
        // Only the complaints not yet through are looked at: this loop shares the cores with the services it measures
        // (a pass over all 100,000 every 100 ms made the benchmark JVM's CPU in B1 six times that of the run before).
        List<Map<String, PipelineObserver.Seen>> completion =
                PipelineBenchmark.COMPLETION.stream().map(stage -> bench.stages.get(stage).seen()).toList();
        List<String> remaining = new ArrayList<>(ids);
        long from = Math.round(ids.size() * 0.1);
        long to = Math.round(ids.size() * 0.9);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long fromNanos = 0;
        double drainRate = 0;
        while (System.nanoTime() < deadline) {
            remaining.removeIf(id -> completion.stream().allMatch(seen -> seen.containsKey(id)));
            long done = ids.size() - remaining.size();
            if (fromNanos == 0 && done >= from) {
                fromNanos = System.nanoTime();
            }
            if (drainRate == 0 && done >= to && fromNanos > 0) {
                drainRate = (to - from) / ((System.nanoTime() - fromNanos) / 1e9);
            }
            if (remaining.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        starter.join(Duration.ofMinutes(5).toMillis());
        waitForDrainedLag(streams, Duration.ofMinutes(5));
        Snapshot end = Snapshot.take(bench, broker, ids.size());
        if (drainRate == 0) {
            problems.add("B1: the backlog was not drained to 90 % within 30 min");
        } else {
            windows.add(launch.until(end, "B1 backlog of " + ids.size(), drainRate, bench));
        }
    }

    /**
     * B2: intake-service alone (started again if B1 stopped it; its Streams side running, the other services stopped so
     * that they neither compete for the cores nor are counted), then {@code minimal-intake} alone (intake stopped), each
     * swept and measured with the same complaints by the same load generator. Runs last: it leaves the pipeline's
     * services stopped and the complaints it files unprocessed.
     */
    void intakeAgainstMinimal(EndpointBenchmark.Settings settings) throws Exception {
        List<String> others = bench.services.stream().filter(s -> !s.equals("intake-service")).toList();
        System.out.printf("B2: stopping %s; intake alone, then minimal-intake ...%n", others);
        bench.stop(others);
        if (!bench.service("intake-service").alive()) {
            bench.restart(List.of("intake-service"));
        }
        OpenLoopLoad load = new OpenLoopLoad(senders, bench.sequence);
        b2.add(endpoint(load, "intake-service", settings));
        bench.stop(List.of("intake-service")); // its Streams side polls and commits even idle: not beside the yardstick
        try {
            bench.startMinimalIntake();
        } catch (Exception e) {
            problems.add("B2: minimal-intake did not start (platform/target/services/minimal-intake.jar built?): " + e.getMessage());
            return;
        }
        b2.add(endpoint(load, "minimal-intake", settings));
        bench.stop(List.of("minimal-intake"));
    }

    private EndpointBenchmark.Result endpoint(OpenLoopLoad load, String service, EndpointBenchmark.Settings settings)
            throws InterruptedException {
        var process = bench.service(service);
        return new EndpointBenchmark(load, bench.filerFor(process.url())).run(service, settings, () -> {
            Map<String, Long> pids = new LinkedHashMap<>();
            pids.put(service, process.pid());
            pids.put("kafka broker", bench.cluster.brokerPid());
            pids.put("benchmark JVM (load)", ProcessHandle.current().pid());
            return pids;
        });
    }

    /** Until the groups (stopped intake's is not one) are (almost) caught up: the backlog's later work counted too. */
    private void waitForDrainedLag(List<String> groups, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        try (LagSampler lag = new LagSampler(bench.cluster.bootstrapServers(), groups::contains)) {
            while (lag.sample().values().stream().anyMatch(records -> records > 50) && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
        }
    }

    private Window window(String name, Callable<Work> work, boolean profiled) throws Exception {
        Snapshot start = Snapshot.take(bench, broker, 0);
        Work done = work.call();
        Snapshot end = Snapshot.take(bench, broker, done.complaints());
        if (deferredWaitSeconds > 0) {
            System.out.printf("waiting %.0f s for deferred writes ...%n", deferredWaitSeconds);
            Thread.sleep((long) (deferredWaitSeconds * 1000));
            end = end.withOffsets(TopicOffsets.snapshot(bench.cluster.bootstrapServers()));
        }
        Window measured = start.until(end, name, done.completedPerSecond(), bench);
        Window window = profiled ? measured.withProfiler() : measured;
        windows.add(window);
        System.out.printf("%s: %d complaints, %.1f offsets/complaint, %.2f ms CPU/complaint%n", window.label(), window.complaints(),
                TopicOffsets.total(window.offsetsPerComplaint()),
                window.cpuMillisPerComplaint().values().stream().mapToDouble(Double::doubleValue).sum());
        return window;
    }

    /** Everything read at one instant: offsets per topic, CPU per process and per kind of thread, broker request counts. */
    private record Snapshot(long nanos, long complaints, Map<String, Long> offsets, Map<String, Double> cpu,
                            Map<String, Map<String, Double>> threads, Map<String, Long> requests) {

        static Snapshot take(BenchCluster bench, BrokerRequests broker, long complaints) throws Exception {
            Map<String, Long> requests = Map.of();
            if (broker != null) {
                try {
                    requests = broker.counts();
                } catch (Exception e) {
                    System.err.println("broker request counts not read: " + e);
                }
            }
            Map<String, Long> pids = bench.pids();
            return new Snapshot(System.nanoTime(), complaints,
                    TopicOffsets.without(TopicOffsets.snapshot(bench.cluster.bootstrapServers()), "bench-"),
                    CpuTime.snapshot(pids), ThreadCpu.snapshot(pids), requests);
        }

        Snapshot withOffsets(Map<String, Long> later) {
            return new Snapshot(nanos, complaints, TopicOffsets.without(later, "bench-"), cpu, threads, requests);
        }

        Window until(Snapshot end, String name, double completedPerSecond, BenchCluster bench) {
            long complaints = end.complaints - this.complaints;
            double seconds = (end.nanos - nanos) / 1e9;
            // a process started inside the window (B1's restarted services) used all its CPU in it
            Map<String, Double> cpuBefore = new LinkedHashMap<>(cpu);
            end.cpu.keySet().forEach(process -> cpuBefore.putIfAbsent(process, 0.0));
            Map<String, Double> cpuUsed = CpuTime.used(cpuBefore, end.cpu);
            Map<String, Map<String, Double>> byThread = new LinkedHashMap<>();
            cpuUsed.forEach((process, used) -> byThread.put(process,
                    ThreadCpu.used(threads.getOrDefault(process, Map.of()), end.threads.getOrDefault(process, Map.of()), used)));
            return new Window(name, complaints, seconds, completedPerSecond > 0 ? completedPerSecond : complaints / seconds,
                    TopicOffsets.perComplaint(offsets, end.offsets, complaints), cpuUsed,
                    BrokerRequests.perSecond(requests, end.requests, seconds), false, byThread);
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
