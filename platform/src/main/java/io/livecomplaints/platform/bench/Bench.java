package io.livecomplaints.platform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/bench baseline|pipeline|burst|all}: starts its own broker, registry and services on free loopback
 * ports, runs the chosen benchmarks against that one broker and prints the results; {@code all} runs the three in
 * one run and writes {@code docs/benchmarks.md} and {@code docs/benchmarks.png}. See {@link #USAGE} for the flags.
 */
public final class Bench {

    static final String USAGE = """
            bin/bench baseline|pipeline|burst|all|decompose|b2 [--flag value ...]
              cluster:  --jvm-options "-Xmx512m" (service JVMs; the tests' default is "-Xmx384m -XX:TieredStopAtLevel=1")
                        --set KEY=VALUE[,KEY=VALUE] (environment of every service)  --quiet-logs true  --analytics false
                        --orders 80000 --users 20000 --senders 64 --warmup-seconds 30
                        (complaint i is about order i mod orders: a reused order is a repeat, never an express refund)
              baseline: --baseline-records 100000 --hops 6 --partitions 3 --commit-interval-ms 100 [--record-bytes N]
              pipeline: --start-rate 20 --step-factor 1.5 --max-steps 9 --step-seconds 20 --max-p50-ms 1000
                        --measure-seconds 60 [--measure-rate N (default: half the saturation rate)]
              burst:    [--steady-rate N (default: saturation/10 in all, else 10)] --burst-multiplier 20
                        --steady-seconds 30 --burst-seconds 60 --recovery-seconds 120
              decompose: B0 (--baseline-records, --hops), B3 at --low-rate 50 and --high-rate 150 for
                        --window-seconds 60 each, no profiler (the two-rate CPU, latency, offsets, fixed/marginal split),
                        then B3 at --high-rate again for --profile-seconds 30 with JFR in every service, for the
                        hottest methods only (--profile false: no such window; --profile-top 15; --profile-dir DIR),
                        B0′ replaying --footprint-complaints 20000 complaints' worth of the low window's records per
                        topic (0: no B0′), B1 draining --backlog 100000 complaints filed at --backlog-rate 300
                        (0: no B1); --short-deferrals true (SLA/survey/auto-close/retention shortened) with
                        --deferred-wait-seconds 150 after each window; --write false (print only,
                        docs/benchmarks.md untouched); last, --b2 true: B2 below
              b2:       (also alone: bin/bench b2, printed) intake-service alone, then the minimal endpoint on its stack:
                        each swept from --b2-start-rate 50 times --b2-step-factor 1.5 for --b2-max-steps 12 of
                        --b2-step-seconds 15 until 202s < 90 % of offered or p50 > --b2-max-p50-ms 100, then
                        --b2-measure-seconds 30 at half its saturation; --b2-warmup-seconds 10 first
              output:   --out docs/benchmarks.md --png docs/benchmarks.png (written by all; decompose writes its section)
            """;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("baseline", "pipeline", "burst", "all", "decompose", "b2").contains(args[0])) {
            System.err.print(USAGE);
            System.exit(2);
        }
        String command = args[0];
        Flags flags = Flags.parse(args, 1);
        Path target = Path.of(flags.string("platform-target", "platform/target"));
        Path out = Path.of(flags.string("out", "docs/benchmarks.md"));
        Path png = Path.of(flags.string("png", "docs/benchmarks.png"));
        List<String> jvmOptions = Arrays.asList(flags.string("jvm-options", "-Xmx512m").trim().split("\\s+"));
        Map<String, String> overrides = new LinkedHashMap<>();
        if (Boolean.parseBoolean(flags.string("quiet-logs", "true"))) {
            // intake and resolution log one INFO line per complaint; a benchmark measures the pipeline, not the console
            overrides.put("LOGGING_LEVEL_IO_LIVECOMPLAINTS", "WARN");
        }
        for (String pair : flags.string("set", "").split(",")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split("=", 2);
                overrides.put(kv[0].trim(), kv[1].trim());
            }
        }
        boolean analytics = Boolean.parseBoolean(flags.string("analytics", "false"));
        int orders = flags.integer("orders", 80000);
        int users = flags.integer("users", 20000);
        int senders = flags.integer("senders", 64);
        double warmupSeconds = flags.decimal("warmup-seconds", 30);
        int baselineRecords = flags.integer("baseline-records", 100000);
        int hops = flags.integer("hops", 6);
        int partitions = flags.integer("partitions", 3);
        long commitInterval = flags.integer("commit-interval-ms", 100);
        int recordBytesFlag = flags.integer("record-bytes", 0);
        double startRate = flags.decimal("start-rate", 20);
        double stepFactor = flags.decimal("step-factor", 1.5);
        int maxSteps = flags.integer("max-steps", 9);
        double stepSeconds = flags.decimal("step-seconds", 20);
        double maxP50 = flags.decimal("max-p50-ms", 1000);
        double measureSeconds = flags.decimal("measure-seconds", 60);
        double measureRate = flags.decimal("measure-rate", 0);
        double steadyRateFlag = flags.decimal("steady-rate", 0);
        double multiplier = flags.decimal("burst-multiplier", 20);
        double steadySeconds = flags.decimal("steady-seconds", 30);
        double burstSeconds = flags.decimal("burst-seconds", 60);
        double recoverySeconds = flags.decimal("recovery-seconds", 120);
        double lowRate = flags.decimal("low-rate", 50);
        double highRate = flags.decimal("high-rate", 150);
        double windowSeconds = flags.decimal("window-seconds", 60);
        int backlog = flags.integer("backlog", 100000);
        int footprintComplaints = flags.integer("footprint-complaints", 20000);
        double backlogRate = flags.decimal("backlog-rate", 300);
        boolean shortDeferrals = Boolean.parseBoolean(flags.string("short-deferrals", "false"));
        double deferredWait = flags.decimal("deferred-wait-seconds", shortDeferrals ? 150 : 0);
        boolean profile = Boolean.parseBoolean(flags.string("profile", "true"));
        Decomposition.Profiling profiling = new Decomposition.Profiling(flags.decimal("profile-seconds", 30),
                flags.integer("profile-top", 15), Path.of(flags.string("profile-dir", "platform/target/bench-profiles")));
        boolean writeSection = Boolean.parseBoolean(flags.string("write", "true"));
        EndpointBenchmark.Settings b2 = new EndpointBenchmark.Settings(flags.decimal("b2-start-rate", 50),
                flags.decimal("b2-step-factor", 1.5), flags.integer("b2-max-steps", 12), flags.decimal("b2-step-seconds", 15),
                flags.decimal("b2-max-p50-ms", 100), flags.decimal("b2-measure-seconds", 30), flags.decimal("b2-warmup-seconds", 10));
        boolean withB2 = Boolean.parseBoolean(flags.string("b2", "true"));
        if (command.equals("decompose") && shortDeferrals) {
            overrides.putAll(Decomposition.SHORT_DEFERRALS);
        }
        if (!flags.unknown().isEmpty()) {
            System.err.println("unknown flags " + flags.unknown() + "\n" + USAGE);
            System.exit(2);
        }

        BenchmarkReport report = new BenchmarkReport(shown(args), jvmOptions, overrides, analytics);
        report.loadAtStart = IntakeBenchmark.loadAverage();
        report.startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long started = System.nanoTime();
        System.out.println("load average at start: " + report.loadAtStart);
        Path work = Files.createTempDirectory("bench-" + command);
        Decomposition decomposition = null;
        List<EndpointBenchmark.Result> b2Only = null;
        try (BenchCluster bench = BenchCluster.start(target, work, jvmOptions, overrides, analytics, orders, users)) {
            // Ctrl-C or kill: stop the broker and services this run started, not leave them running
            Thread cleanup = new Thread(() -> {
                try {
                    bench.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            report.services = bench.services;
            PipelineBenchmark pipeline = new PipelineBenchmark(bench, senders);
            pipeline.warmUp(startRate, warmupSeconds);
            report.recordBytes.put("complaints-received", bench.meanValueBytes(bench.topics.complaintsReceived.name(), 500));
            report.recordBytes.put("complaints-triaged", bench.meanValueBytes(bench.topics.complaintsTriaged.name(), 500));
            report.recordBytes.put("complaint-cases", bench.meanValueBytes(bench.topics.complaintCases.name(), 500));
            report.recordBytes.put("notifications", bench.meanValueBytes(bench.topics.notifications.name(), 500));
            System.out.println("mean value bytes: " + report.recordBytes);

            if (command.equals("baseline") || command.equals("all")) {
                int recordBytes = recordBytesFlag > 0 ? recordBytesFlag : (int) Math.round(report.recordBytes.get("complaints-received"));
                KafkaBaseline baseline = new KafkaBaseline(bench.cluster.bootstrapServers(), partitions, commitInterval);
                for (KafkaBaseline.Mode mode : KafkaBaseline.Mode.values()) {
                    System.out.printf("baseline %s: %d records of %d bytes through %d hops ...%n", mode, baselineRecords, recordBytes, hops);
                    KafkaBaseline.Result result = baseline.run(mode, baselineRecords, recordBytes, hops, Duration.ofMinutes(3));
                    report.baseline.add(result);
                    System.out.println(BenchmarkReport.baselineLine(result));
                }
                // the broker is still flushing and cleaning up after a million-record blast: let the pipeline start calm
                Thread.sleep(15_000);
            }
            double saturation = 0;
            if (command.equals("pipeline") || command.equals("all")) {
                report.sweep = pipeline.sweep(startRate, stepFactor, maxSteps, stepSeconds, maxP50);
                saturation = PipelineBenchmark.saturationRate(report.sweep);
                report.saturationFound = report.sweep.get(report.sweep.size() - 1).saturated();
                report.saturation = saturation;
                double rate = measureRate > 0 ? measureRate : Math.max(1, Math.round(saturation / 2));
                System.out.printf("saturation %.0f complaints/s%s; measuring at %.0f/s for %.0f s%n", saturation,
                        report.saturationFound ? "" : " (lower bound: no step saturated)", rate, measureSeconds);
                // the saturated steps leave backlogs (results, progress notices, timers) behind the completed complaints;
                // measuring on top of them would time the drain, not the pipeline at this rate
                waitForDrainedLag(bench, Duration.ofMinutes(2));
                long offsetsBefore = bench.totalEndOffsets();
                Map<String, Double> cpuBefore = CpuTime.snapshot(bench.pids());
                long measureStart = System.nanoTime();
                report.measured = pipeline.measure("at half saturation", rate, measureSeconds);
                report.measuredWallSeconds = (System.nanoTime() - measureStart) / 1e9;
                report.cpuSeconds = CpuTime.used(cpuBefore, CpuTime.snapshot(bench.pids()));
                report.offsetsPerComplaint = (bench.totalEndOffsets() - offsetsBefore) / (double) Math.max(1, report.measured.accepted());
            }
            if (command.equals("decompose")) {
                int recordBytes = recordBytesFlag > 0 ? recordBytesFlag : (int) Math.round(report.recordBytes.get("complaints-received"));
                decomposition = new Decomposition(bench, pipeline, senders, shortDeferrals, deferredWait);
                decomposition.run(new KafkaBaseline(bench.cluster.bootstrapServers(), partitions, commitInterval), baselineRecords,
                        recordBytes, hops, lowRate, highRate, windowSeconds, footprintComplaints, backlog, backlogRate,
                        profile ? profiling : null, withB2 ? b2 : null);
            }
            if (command.equals("b2")) {
                Decomposition alone = new Decomposition(bench, pipeline, senders, false, 0);
                alone.intakeAgainstMinimal(b2);
                b2Only = alone.b2;
            }
            if (command.equals("burst") || command.equals("all")) {
                double steady = steadyRateFlag > 0 ? steadyRateFlag : saturation > 0 ? Math.max(2, Math.round(saturation / 10)) : 10;
                BurstBenchmark burst = new BurstBenchmark(bench, pipeline, senders);
                report.burst = burst.run(steady, multiplier, steadySeconds, burstSeconds, recoverySeconds, Duration.ofMinutes(4));
            }
        }
        deleteRecursively(work); // the broker's logs of a run are gigabytes
        report.loadAtEnd = IntakeBenchmark.loadAverage();
        report.minutes = (System.nanoTime() - started) / 60e9;
        System.out.println("load average at end: " + report.loadAtEnd);
        if (b2Only != null) {
            System.out.println();
            System.out.println(DecompositionReport.b2(b2Only));
            return;
        }
        if (decomposition != null) {
            String section = DecompositionReport.markdown(decomposition, decompositionHeader(report, shortDeferrals));
            System.out.println();
            System.out.println(section);
            if (writeSection) {
                Files.writeString(out, DecompositionReport.replaceSection(Files.exists(out) ? Files.readString(out) : "",
                        shortDeferrals ? DecompositionReport.DEFERRED : DecompositionReport.STEADY, section));
                System.out.println("section written to " + out);
            }
            return;
        }
        String markdown = report.markdown(png.getFileName().toString(), existingNotes(out));
        System.out.println();
        System.out.println(markdown);
        if (command.equals("all")) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, markdown);
            Chart.write(png, report.charts());
            System.out.println("written to " + out + " and " + png);
        }
    }

    private static String decompositionHeader(BenchmarkReport report, boolean shortDeferrals) {
        return "Measured " + report.startedAt + " with `bin/bench " + report.arguments + "` in " + String.format("%.1f", report.minutes)
                + " min on this machine (" + Runtime.getRuntime().availableProcessors() + " cores, shared; load average at the start "
                + report.loadAtStart + ", at the end " + report.loadAtEnd + "), one broker, services `" + String.join(" ", report.jvmOptions)
                + "`, environment " + (report.overrides.isEmpty() ? "unchanged" : "`" + report.overrides + "`")
                + (shortDeferrals ? ". **Deferred-writes run**: SLA, survey, auto-close and retention shortened, offsets read after each window's deferred work came due; its CPU and rates are not the steady state." : ".")
                + " Mean value bytes: " + report.recordBytes + ".";
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    /** The command line as the user typed it: without the paths bin/bench adds. */
    private static String shown(String[] args) {
        StringBuilder shown = new StringBuilder(args[0]);
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!List.of("--platform-target", "--out", "--png").contains(args[i])) {
                shown.append(' ').append(args[i]).append(' ').append(args[i + 1].contains(" ") ? "\"" + args[i + 1] + "\"" : args[i + 1]);
            }
        }
        return shown.toString();
    }

    /** The hand-written part of the report (tuning notes) below {@link BenchmarkReport#NOTES_MARKER}, kept on rewrite. */
    private static String existingNotes(Path out) throws java.io.IOException {
        if (!Files.exists(out)) {
            return null;
        }
        String text = Files.readString(out);
        int at = text.indexOf(BenchmarkReport.NOTES_MARKER);
        return at < 0 ? null : text.substring(at + BenchmarkReport.NOTES_MARKER.length());
    }

    /** Waits until every service's consumer group has (almost) no lag, or the limit passes; prints how long it took. */
    private static void waitForDrainedLag(BenchCluster bench, Duration limit) throws Exception {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        try (LagSampler lag = new LagSampler(bench.cluster.bootstrapServers(), group -> bench.services.contains(group))) {
            Map<String, Long> now = lag.sample();
            while (now.values().stream().anyMatch(records -> records > 50) && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                now = lag.sample();
            }
            System.out.printf("backlog drained to %s in %.0f s%n", now, (System.nanoTime() - started) / 1e9);
        }
    }
}
