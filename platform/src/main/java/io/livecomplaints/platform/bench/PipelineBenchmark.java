package io.livecomplaints.platform.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The full pipeline under open-loop load: real HTTP POSTs with real tokens about published orders, measured from
 * each request's due time to its arrival on the output topics (seen read_committed by observers in this JVM).
 * First a sweep of increasing offered rates until the pipeline stops keeping up (the saturation rate), then a
 * longer run at half of it for the latency percentiles.
 */
final class PipelineBenchmark {

    /** Stages a complaint must reach to count as completed: its case opened and its acknowledgment sent. */
    static final List<String> COMPLETION = List.of("triaged", "case", "ack");

    /** One run at one offered rate. */
    record Step(String name, double offered, double seconds, int sent, int accepted, Map<Integer, Integer> refused,
                int completed, double completedPerSecond, Map<String, Histogram> latency, int outcomes, String saturation) {

        boolean saturated() {
            return saturation != null;
        }
    }

    private final BenchCluster bench;
    private final OpenLoopLoad load;

    PipelineBenchmark(BenchCluster bench, int senders) {
        this.bench = bench;
        this.load = new OpenLoopLoad(senders, bench.sequence);
    }

    /** Fills the JIT and the caches; not reported. */
    void warmUp(double rate, double seconds) throws InterruptedException {
        System.out.printf("warm-up: %.0f complaints/s for %.0f s%n", rate, seconds);
        Step step = run("warm-up", rate, seconds, Duration.ofSeconds(60));
        System.out.printf("warm-up done: %d accepted, %d completed%n", step.accepted(), step.completed());
    }

    /**
     * Offered rates from {@code start}, times {@code factor} each step, until a step saturates (completed/s under
     * 90 % of offered, the median acknowledgment latency over {@code maxP50Millis}: queues growing, more than 1 %
     * refused, or not drained). The median, not p99: on a shared machine p99 jumps with other processes' load.
     */
    List<Step> sweep(double start, double factor, int maxSteps, double seconds, double maxP50Millis) throws InterruptedException {
        return RateSweep.run(start, factor, maxSteps, Step::saturated, (label, rate) -> {
            Step step = judge(run(label, rate, seconds, Duration.ofSeconds(45)), maxP50Millis);
            print(step);
            return step;
        });
    }

    /**
     * The saturation rate: the most complaints/s completed in the sweep (a lower bound if nothing saturated). A step
     * that saturated is run once more at the same rate, and only two saturated runs in a row end the sweep.
     */
    static double saturationRate(List<Step> steps) {
        return steps.stream().filter(s -> !s.name().equals("warm-up")).mapToDouble(Step::completedPerSecond).max().orElse(0);
    }

    Step measure(String name, double rate, double seconds) throws InterruptedException {
        Step step = run(name, rate, seconds, Duration.ofSeconds(90));
        print(step);
        return step;
    }

    private static Step judge(Step step, double maxP50Millis) {
        String why = null;
        double ackP50 = Latencies.millis(step.latency().get("ack"), 50);
        int refused = step.refused().values().stream().mapToInt(Integer::intValue).sum();
        if (step.completed() < step.accepted()) {
            why = (step.accepted() - step.completed()) + " complaints not through within 45 s";
        } else if (step.completedPerSecond() < 0.9 * step.offered()) {
            why = String.format("completed %.0f/s < 90%% of offered", step.completedPerSecond());
        } else if (ackP50 > maxP50Millis) {
            why = String.format("ack p50 %.0f ms > %.0f ms", ackP50, maxP50Millis);
        } else if (refused > step.sent() / 100) {
            why = refused + " requests refused " + step.refused();
        }
        return new Step(step.name(), step.offered(), step.seconds(), step.sent(), step.accepted(), step.refused(), step.completed(),
                step.completedPerSecond(), step.latency(), step.outcomes(), why);
    }

    private Step run(String name, double rate, double seconds, Duration drain) throws InterruptedException {
        List<OpenLoopLoad.Sent> sent = load.run(List.of(new LoadPhase(name, rate, seconds)), i -> bench.filer.file(i, false));
        List<String> accepted = new ArrayList<>();
        Map<Integer, Integer> refused = new TreeMap<>();
        for (OpenLoopLoad.Sent s : sent) {
            if (s.filed().status() == 202 && s.filed().complaintId() != null) {
                accepted.add(s.filed().complaintId());
            } else {
                refused.merge(s.filed().status(), 1, Integer::sum);
            }
        }
        bench.awaitStages(accepted, COMPLETION, drain);
        return summarize(name, rate, seconds, sent, refused);
    }

    /** Latencies per stage from each request's due time, and the completed throughput. */
    Step summarize(String name, double rate, double seconds, List<OpenLoopLoad.Sent> sent, Map<Integer, Integer> refused) {
        Map<String, Histogram> latency = new TreeMap<>();
        latency.put("http-202", Latencies.histogram());
        bench.stages.keySet().forEach(stage -> latency.put(stage, Latencies.histogram()));
        int accepted = 0;
        int completed = 0;
        int outcomes = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (OpenLoopLoad.Sent s : sent) {
            String id = s.filed().complaintId();
            if (s.filed().status() != 202 || id == null) {
                continue;
            }
            accepted++;
            Latencies.record(latency.get("http-202"), s.answeredNanos() - s.dueNanos());
            boolean done = true;
            long doneAt = s.answeredNanos();
            for (String stage : bench.stages.keySet()) {
                var seen = bench.seen(stage, id);
                if (seen != null) {
                    Latencies.record(latency.get(stage), seen.atNanos() - s.dueNanos());
                    if (COMPLETION.contains(stage)) {
                        doneAt = Math.max(doneAt, seen.atNanos());
                    }
                } else if (COMPLETION.contains(stage)) {
                    done = false;
                }
            }
            if (bench.seen("outcome", id) != null) {
                outcomes++;
            }
            if (done) {
                completed++;
                first = Math.min(first, doneAt);
                last = Math.max(last, doneAt);
            }
        }
        // the output stream's rate: spread over the offered duration when the pipeline keeps up, longer when it queues
        double completedPerSecond = completed == 0 ? 0 : completed / Math.max(seconds, (last - first) / 1e9);
        return new Step(name, rate, seconds, sent.size(), accepted, refused, completed, completedPerSecond, latency, outcomes, null);
    }

    static void print(Step s) {
        System.out.printf("%-22s offered %6.0f/s  sent %6d  202 %6d  completed %6d (%6.1f/s)  ack p50/p99/p99.9 %s ms  triaged %s ms%s%n",
                s.name(), s.offered(), s.sent(), s.accepted(), s.completed(), s.completedPerSecond(),
                Latencies.summary(s.latency().get("ack")), Latencies.summary(s.latency().get("triaged")),
                s.saturated() ? "  SATURATED: " + s.saturation() : "");
    }
}
