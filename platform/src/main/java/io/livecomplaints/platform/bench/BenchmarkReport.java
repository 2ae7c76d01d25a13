package io.livecomplaints.platform.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Collects what {@code bin/bench all} measured and writes it as Markdown tables and charts. */
final class BenchmarkReport {

    static final String NOTES_MARKER = "<!-- hand-written notes below: kept when bin/bench all rewrites this file -->";

    /** Issue 16's end-to-end target: saturation ≥ 10 % of the exactly-once baseline (its 35 % is B1 / B0′, see decompose). */
    static final double TARGET_RATIO = 0.10;
    static final double TARGET_ACK_P99_MS = 250;

    final String arguments;
    final List<String> jvmOptions;
    final Map<String, String> overrides;
    final boolean analytics;
    String loadAtStart;
    String loadAtEnd;
    Instant startedAt;
    double minutes;
    List<String> services = List.of();
    final Map<String, Double> recordBytes = new LinkedHashMap<>();
    final List<KafkaBaseline.Result> baseline = new ArrayList<>();
    List<PipelineBenchmark.Step> sweep = List.of();
    double saturation;
    boolean saturationFound;
    PipelineBenchmark.Step measured;
    double offsetsPerComplaint;
    double measuredWallSeconds;
    Map<String, Double> cpuSeconds = Map.of();
    BurstBenchmark.Result burst;

    BenchmarkReport(String arguments, List<String> jvmOptions, Map<String, String> overrides, boolean analytics) {
        this.arguments = arguments;
        this.jvmOptions = jvmOptions;
        this.overrides = overrides;
        this.analytics = analytics;
    }

    static String baselineLine(KafkaBaseline.Result r) {
        StringBuilder hops = new StringBuilder();
        for (double h : r.hopPerSecond()) {
            hops.append(String.format(" %.0f", h));
        }
        return String.format("%-15s produced %.0f/s  per hop%s /s  end-to-end %.0f/s  delivered %d/%d  latency p50/p99 %s ms",
                r.mode(), r.producedPerSecond(), hops, r.endToEndPerSecond(), r.delivered(), r.records(), Latencies.summary(r.latencyMicros()));
    }

    private KafkaBaseline.Result baseline(KafkaBaseline.Mode mode) {
        return baseline.stream().filter(r -> r.mode() == mode).findFirst().orElse(null);
    }

    String markdown(String pngName, String notes) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks: raw Kafka baseline, full pipeline, flash-sale burst\n\n");
        md.append("Measured ").append(startedAt).append(" with `bin/bench ").append(arguments).append("` in ")
                .append(String.format("%.1f", minutes)).append(" min on this machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ").append(System.getProperty("java.version"))
                .append(". Load average (1/5/15 min) at the start ").append(loadAtStart).append(", at the end ").append(loadAtEnd)
                .append(". **The machine is shared**: other developers' builds and tests ran on the same 2 cores during the run, ")
                .append("and the load generator, the broker and every service share them too. Read the numbers as what this ")
                .append("machine did in this run, not as a capacity plan.\n\n");
        md.append("Setup: one standalone KRaft broker, the schema registry and ").append(String.join(", ", services))
                .append(" as separate processes on loopback (`LocalCluster`, free ports), service JVM options `")
                .append(String.join(" ", jvmOptions)).append("` (full JIT; the tests and `bin/local` keep `-Xmx384m -XX:TieredStopAtLevel=1`), ")
                .append("service environment ").append(overrides.isEmpty() ? "unchanged" : "`" + overrides + "`")
                .append(", intake rate limits raised (one IP address, few users). ")
                .append(analytics ? "analytics-service runs too. " : "analytics-service (a reader of every topic, not on the measured path) is not started. ")
                .append("Upstream orders are published first, so every complaint is enriched. Every complaint is an ORDER_PAGE complaint ")
                .append("by the order's owner demanding a refund: every second one claims ¥30 (express refund, 极速退款, ")
                .append("decided without an agent when the user is in good standing and it is not a repeat), the others the full price (an agent decides).\n\n");

        md.append("## Summary\n\n");
        KafkaBaseline.Result eos = baseline(KafkaBaseline.Mode.EXACTLY_ONCE);
        KafkaBaseline.Result alo = baseline(KafkaBaseline.Mode.AT_LEAST_ONCE);
        md.append("| measure | value | target | met |\n| --- | ---: | ---: | --- |\n");
        if (eos != null) {
            md.append(String.format("| raw Kafka, exactly-once, %d hops: end-to-end records/s | %.0f | | |%n", eos.hops(), eos.endToEndPerSecond()));
        }
        if (alo != null) {
            md.append(String.format("| raw Kafka, at-least-once, %d hops: end-to-end records/s | %.0f | | |%n", alo.hops(), alo.endToEndPerSecond()));
        }
        if (!sweep.isEmpty()) {
            md.append(String.format("| pipeline saturation: complaints/s from POST to case + acknowledgment | %s%.0f | | |%n",
                    saturationFound ? "" : "≥ ", saturation));
            if (eos != null) {
                double ratio = saturation / eos.endToEndPerSecond();
                md.append(String.format("| pipeline / exactly-once baseline | %.1f %% | ≥ %.0f %% | %s |%n", 100 * ratio, 100 * TARGET_RATIO,
                        ratio >= TARGET_RATIO ? "yes" : "**no**"));
            }
        }
        if (burst != null && eos != null) {
            PipelineBenchmark.Step peak = burst.perPhase().get(1);
            md.append(String.format("| pipeline during the burst: complaints/s completed at %.0f offered (/ exactly-once baseline) | %.0f (%.1f %%) | | |%n",
                    peak.offered(), peak.completedPerSecond(), 100 * peak.completedPerSecond() / eos.endToEndPerSecond()));
        }
        if (measured != null) {
            double p99 = Latencies.millis(measured.latency().get("ack"), 99);
            md.append(String.format("| acknowledgment p99 at %.0f complaints/s (half saturation) | %s ms | < %.0f ms | %s |%n",
                    measured.offered(), Latencies.ms(p99), TARGET_ACK_P99_MS, p99 < TARGET_ACK_P99_MS ? "yes" : "**no**"));
        }
        if (burst != null) {
            long peak = burst.peakLag().values().stream().mapToLong(Long::longValue).max().orElse(0);
            double drain = burst.drainSeconds().values().stream().mapToDouble(Double::doubleValue).max().orElse(-1);
            boolean never = burst.drainSeconds().values().stream().anyMatch(d -> d < 0);
            md.append(String.format("| burst %.0fx (%.0f → %.0f complaints/s for %.0f s): peak lag, slowest drain | %d records, %s | drains | %s |%n",
                    burst.multiplier(), burst.steadyRate(), burst.steadyRate() * burst.multiplier(), burst.phases().get(1).seconds(),
                    peak, never ? "did not drain" : String.format("%.0f s", drain), never ? "**no**" : "yes"));
        }
        md.append("\n![latency and throughput against offered load; consumer lag during the burst](").append(pngName).append(")\n\n");

        if (!baseline.isEmpty()) {
            appendBaseline(md);
        }
        if (!sweep.isEmpty()) {
            appendPipeline(md);
        }
        if (burst != null) {
            appendBurst(md);
        }
        md.append("## How to run\n\n`bin/bench all` (about 15 minutes; builds the jars if needed, uses only free loopback ports, stops ")
                .append("everything it started, rewrites this file and the PNG but keeps the notes below the marker). `bin/bench baseline`, ")
                .append("`bin/bench pipeline` and `bin/bench burst` run one part and print it. Flags: `bin/bench` without arguments.\n\n");
        md.append(NOTES_MARKER);
        md.append(notes != null ? notes : "\n\n## Tuning notes\n\n(none yet)\n");
        return md.toString();
    }

    private void appendBaseline(StringBuilder md) {
        KafkaBaseline.Result any = baseline.get(0);
        md.append("## (a) Raw Kafka baseline\n\n");
        md.append(String.format("Plain `KafkaProducer`/`KafkaConsumer` in the benchmark JVM against the same broker: %d records of %d bytes ",
                any.records(), any.recordBytes()));
        md.append("(the mean serialized `ComplaintReceived` measured in this run) and a 36-character key, produced as fast as the ")
                .append("producer can (acks=all, idempotent, linger 5 ms; the hops' transactional producers 100 ms, as the Streams services), then copied through ").append(any.hops())
                .append(" consume-produce hops, one thread each (as one stream thread per service), ").append(any.partitions())
                .append(" partitions per topic as ours. Hops counted honestly: from `complaints-received` to a RESULT notification the ")
                .append("pipeline has 6 consume-produce hops, each an exactly-once commit: triage is 4 (its topology repartitions by order, ")
                .append("by grouping and by team before writing `complaints-triaged`), resolution 1 (→ `complaint-cases`, `complaint-outcomes`), ")
                .append("notification 1 (→ `notifications`); the acknowledgment is 1 hop from `complaints-received`, the triaged event 4, the case 5. ")
                .append("At-least-once: every commit interval flush the sends, then commit the consumed offsets. Exactly-once: ")
                .append("transactional producer, offsets sent to the transaction, one transaction per ").append(any.commitIntervalMs())
                .append(" ms (Kafka Streams' exactly_once_v2 commit interval, which our services use), read_committed consumers. ")
                .append("Latency is from the first produce to the sink under this full-speed load (queueing included), not an idle latency.\n\n");
        md.append("| mode | produced records/s |");
        for (int h = 1; h <= any.hops(); h++) {
            md.append(" hop ").append(h).append(" records/s |");
        }
        md.append(" end-to-end records/s | delivered | latency p50 / p99 / p99.9 ms |\n| --- | ---: |");
        md.append(" ---: |".repeat(any.hops()));
        md.append(" ---: | ---: | ---: |\n");
        for (KafkaBaseline.Result r : baseline) {
            md.append("| ").append(r.mode() == KafkaBaseline.Mode.EXACTLY_ONCE ? "exactly-once" : "at-least-once")
                    .append(String.format(" | %.0f |", r.producedPerSecond()));
            for (double h : r.hopPerSecond()) {
                md.append(String.format(" %.0f |", h));
            }
            md.append(String.format(" %.0f | %d / %d | %s |%n", r.endToEndPerSecond(), r.delivered(), r.records(), Latencies.summary(r.latencyMicros())));
        }
        md.append("\nMean serialized value sizes in this run (bytes, Confluent wire format): ");
        List<String> sizes = new ArrayList<>();
        recordBytes.forEach((topic, bytes) -> sizes.add(String.format("`%s` %.0f", topic, bytes)));
        md.append(String.join(", ", sizes)).append(".\n\n");
    }

    private void appendPipeline(StringBuilder md) {
        md.append("## (b) Full pipeline\n\n");
        md.append("Open-loop load: a dispatcher hands each `POST /api/v1/complaints` to a pool of senders at its due time (fixed rate), ")
                .append("and every latency is measured from that due time, so a slow server cannot hide its latency by slowing the load. ")
                .append("Arrival is when an observer in the benchmark JVM (read_committed, real Avro serde) first sees the complaint on the topic: ")
                .append("`complaints-triaged`; `complaint-cases`; the ACKNOWLEDGMENT receipt on `notifications`; `complaint-outcomes` and the ")
                .append("RESULT receipt for complaints resolved without an agent (极速退款, express refund). A complaint is *completed* when it ")
                .append("has been triaged, its case opened and its acknowledgment sent; completed/s is their number over the time from the first ")
                .append("to the last completion (at least the step's duration): the offered rate while the pipeline keeps up, its capacity when it queues. A step saturates when completed/s falls under 90 % of offered, the median acknowledgment latency passes `--max-p50-ms` (1 s by default: queues grow; ")
                .append("the median, because on this shared machine the p99 jumps with other processes' load), ")
                .append("more than 1 % are refused, or complaints are not through 45 s after the step; a saturated step is repeated once at the same rate and only two in a row end the sweep (other processes on this machine can fake one).\n\n");
        md.append("### Sweep\n\n");
        md.append("| step | offered /s | s | sent | 202 | refused | completed /s | POST→202 p50 / p99 / p99.9 ms | POST→triaged | POST→ack notification | POST→case | saturated |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (PipelineBenchmark.Step s : sweep) {
            stepRow(md, s, s.saturated() ? s.saturation() : "-");
        }
        md.append(String.format("%nSaturation rate: **%s%.0f complaints/s**%s.%n%n", saturationFound ? "" : "≥ ", saturation,
                saturationFound ? " (the most completed per second in the sweep)" : " (no step saturated: a lower bound; raise --max-steps)"));
        if (measured != null) {
            md.append(String.format("### At half the saturation rate: %.0f complaints/s for %.0f s%n%n", measured.offered(), measured.seconds()));
            md.append("| from POST (due time) to | complaints | p50 ms | p99 ms | p99.9 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
            String[][] rows = {{"http-202", "the 202 answer"}, {"triaged", "`complaints-triaged` event"}, {"ack", "acknowledgment notification"},
                    {"case", "`complaint-cases` (case opened)"}, {"outcome", "`complaint-outcomes` (express refund)"},
                    {"result", "RESULT notification (express refund)"}};
            for (String[] row : rows) {
                Histogram h = measured.latency().get(row[0]);
                md.append(String.format("| %s | %d | %s | %s | %s | %s |%n", row[1], h.getTotalCount(), Latencies.ms(Latencies.millis(h, 50)),
                        Latencies.ms(Latencies.millis(h, 99)), Latencies.ms(Latencies.millis(h, 99.9)),
                        h.getTotalCount() == 0 ? "-" : Latencies.ms(h.getMaxValue() / 1000.0)));
            }
            md.append(String.format("%nSustained: %.1f complaints/s completed (of %.0f offered; %d sent, %d accepted, %d completed, refused %s). ",
                    measured.completedPerSecond(), measured.offered(), measured.sent(), measured.accepted(), measured.completed(),
                    measured.refused().isEmpty() ? "none" : measured.refused().toString()));
            md.append(String.format("%d of %d reached `complaint-outcomes` without an agent (express refund: the half claiming ¥30, from a user "
                    + "in good standing, not a repeat on the order, not HIGH severity); every other complaint waits for an agent's decision, "
                    + "so outcome latency exists only for that fast path. ", measured.outcomes(), measured.accepted()));
            md.append(String.format("The logs advanced by %.1f offsets per complaint over all topics (records of every hop, changelogs, "
                    + "repartition topics and transaction markers), against %d records per complaint in the baseline's chain.%n%n", offsetsPerComplaint,
                    baseline.isEmpty() ? 7 : baseline.get(0).hops() + 1));
            if (!cpuSeconds.isEmpty()) {
                double total = cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
                md.append(String.format("Where the CPU went during this run (%.0f s wall clock including the wait for the last complaints; "
                        + "user + system time from /proc; %d cores = %.0f CPU seconds available, shared with other developers' work):%n%n",
                        measuredWallSeconds, Runtime.getRuntime().availableProcessors(), measuredWallSeconds * Runtime.getRuntime().availableProcessors()));
                md.append("| process | CPU s | CPU ms per complaint | share of our CPU |\n| --- | ---: | ---: | ---: |\n");
                cpuSeconds.forEach((name, cpu) -> md.append(String.format("| %s | %.1f | %.1f | %.0f %% |%n", name, cpu,
                        1000 * cpu / Math.max(1, measured.accepted()), 100 * cpu / Math.max(1e-9, total))));
                md.append(String.format("| all of ours | %.1f | %.1f | 100 %% |%n%n", total, 1000 * total / Math.max(1, measured.accepted())));
            }
        }
    }

    private static void stepRow(StringBuilder md, PipelineBenchmark.Step s, String last) {
        md.append(String.format("| %s | %.0f | %.0f | %d | %d | %s | %.1f | %s | %s | %s | %s | %s |%n", s.name(), s.offered(), s.seconds(),
                s.sent(), s.accepted(), s.refused().isEmpty() ? "-" : s.refused().toString(), s.completedPerSecond(),
                Latencies.summary(s.latency().get("http-202")), Latencies.summary(s.latency().get("triaged")),
                Latencies.summary(s.latency().get("ack")), Latencies.summary(s.latency().get("case")), last));
    }

    private void appendBurst(StringBuilder md) {
        BurstBenchmark.Result b = burst;
        md.append("## (c) Flash-sale burst\n\n");
        md.append(String.format("%.0f complaints/s for %.0f s, then %.0fx (%.0f/s) for %.0f s, then %.0f/s again for %.0f s, open loop as above. ",
                b.steadyRate(), b.phases().get(0).seconds(), b.multiplier(), b.steadyRate() * b.multiplier(), b.phases().get(1).seconds(),
                b.steadyRate(), b.phases().get(2).seconds()));
        md.append("Every second the AdminClient compares each service's consumer-group committed offsets with the last stable offsets ")
                .append("(read_committed end offsets) of the same partitions, repartition topics included. Drained = lag at most ")
                .append(b.drainThreshold()).append(" records (two seconds of steady traffic) from then to the end of the run, counted from the end of the burst ")
                .append("(a service behind the bottleneck may get its backlog only after the burst).\n\n");
        md.append("| phase | offered /s | s | sent | 202 | refused | completed /s | POST→202 p50 / p99 / p99.9 ms | POST→triaged | POST→ack notification | POST→case | |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (PipelineBenchmark.Step s : b.perPhase()) {
            stepRow(md, s, "");
        }
        md.append("\n| service (consumer group) | peak lag (records) | drained after the burst |\n| --- | ---: | ---: |\n");
        b.peakLag().forEach((group, peak) -> {
            double d = b.drainSeconds().get(group);
            md.append(String.format("| %s | %d | %s |%n", group, peak, d < 0 ? "not within the run" : String.format("%.0f s", d)));
        });
        md.append(String.format("%n%s%n%n", b.notCompleted() == 0 ? "Every accepted complaint of the run was triaged, opened as a case and acknowledged."
                : b.notCompleted() + " accepted complaints were not through (triaged, case, acknowledgment) when the run ended."));
    }

    /** The sweep's steps, of a step repeated at the same rate only the repetition. */
    private List<PipelineBenchmark.Step> lastPerRate() {
        List<PipelineBenchmark.Step> last = new ArrayList<>();
        for (int i = 0; i < sweep.size(); i++) {
            if (i + 1 == sweep.size() || sweep.get(i + 1).offered() != sweep.get(i).offered()) {
                last.add(sweep.get(i));
            }
        }
        return last;
    }

    /** Throughput and latency against offered load (sweep), and lag over time during the burst. */
    List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        if (!sweep.isEmpty()) {
            List<double[]> offered = new ArrayList<>();
            List<double[]> accepted = new ArrayList<>();
            List<double[]> completed = new ArrayList<>();
            for (PipelineBenchmark.Step s : lastPerRate()) {
                offered.add(new double[] {s.offered(), s.offered()});
                accepted.add(new double[] {s.offered(), s.accepted() / s.seconds()});
                completed.add(new double[] {s.offered(), s.completedPerSecond()});
            }
            charts.add(new Chart("Pipeline throughput vs offered load", "offered complaints/s", "complaints/s", false)
                    .add("offered", offered).add("202 accepted /s", accepted).add("completed /s", completed));
            Chart latency = new Chart("Pipeline latency vs offered load (from POST due time)", "offered complaints/s", "ms", true);
            for (String[] p : new String[][] {{"ack", "50", "ack p50"}, {"ack", "99", "ack p99"}, {"ack", "99.9", "ack p99.9"},
                    {"triaged", "50", "triaged p50"}, {"triaged", "99", "triaged p99"}}) {
                List<double[]> points = new ArrayList<>();
                for (PipelineBenchmark.Step s : lastPerRate()) {
                    double v = Latencies.millis(s.latency().get(p[0]), Double.parseDouble(p[1]));
                    if (!Double.isNaN(v)) {
                        points.add(new double[] {s.offered(), v});
                    }
                }
                latency.add(p[2], points);
            }
            charts.add(latency);
        }
        if (burst != null) {
            Chart lag = new Chart(String.format("Consumer lag during the %.0fx burst (shaded)", burst.multiplier()), "seconds", "records behind", false)
                    .shade(burst.burstStartSeconds(), burst.burstEndSeconds());
            for (String group : burst.peakLag().keySet()) {
                List<double[]> points = new ArrayList<>();
                for (ConsumerLag.Sample s : burst.lag()) {
                    points.add(new double[] {s.atSeconds(), s.lagByGroup().getOrDefault(group, 0L)});
                }
                lag.add(group, points);
            }
            charts.add(lag);
        }
        return charts;
    }
}
