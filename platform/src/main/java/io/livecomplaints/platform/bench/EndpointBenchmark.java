package io.livecomplaints.platform.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * One HTTP endpoint alone under open-loop load, measured by its answers only (POST→202, nothing downstream): a sweep of
 * increasing offered rates until it stops keeping up (its saturation, in requests/s), then a run at half of it for the
 * latency percentiles and the CPU per request of its process and of the broker. B2 of {@code bin/bench decompose}
 * runs it against intake-service and against the minimal endpoint on the same stack ({@code minimal-intake}).
 */
final class EndpointBenchmark {

    /** How B2 loads an endpoint: the sweep, the saturation criterion, the measured run. */
    record Settings(double startRate, double stepFactor, int maxSteps, double stepSeconds, double maxP50Millis,
                    double measureSeconds, double warmupSeconds) {
    }

    /** One run at one offered rate: what was sent, how many got their 202 and how fast, and why it saturated (or null). */
    record Step(String name, double offered, double seconds, int sent, int accepted, Map<Integer, Integer> refused,
                double acceptedPerSecond, Histogram latency, String saturation) {

        boolean saturated() {
            return saturation != null;
        }

        double millis(double percentile) {
            return Latencies.millis(latency, percentile);
        }
    }

    /** An endpoint's sweep, its saturation, and the run at half of it with the CPU each process used in that run. */
    record Result(String endpoint, List<Step> sweep, double saturationPerSecond, boolean saturationFound, Step measured,
                  double measuredWallSeconds, Map<String, Double> cpuSeconds) {

        /** CPU milliseconds per accepted request of each process during the measured run. */
        Map<String, Double> cpuMillisPerRequest() {
            Map<String, Double> per = new LinkedHashMap<>();
            cpuSeconds.forEach((process, seconds) -> per.put(process, 1000 * seconds / Math.max(1, measured.accepted())));
            return per;
        }
    }

    private final OpenLoopLoad load;
    private final ComplaintFiler filer;

    EndpointBenchmark(OpenLoopLoad load, ComplaintFiler filer) {
        this.load = load;
        this.filer = filer;
    }

    /**
     * Warm-up (not reported), the sweep, then {@code settings.measureSeconds()} at half the saturation with the CPU of
     * {@code processes} (name → pid, read when the run starts) measured over it.
     */
    Result run(String endpoint, Settings settings, Supplier<Map<String, Long>> processes) throws InterruptedException {
        if (settings.warmupSeconds() > 0) {
            Step warm = step(endpoint + " warm-up", settings.startRate(), settings.warmupSeconds());
            System.out.printf("B2 %s warm-up: %d of %d accepted%n", endpoint, warm.accepted(), warm.sent());
        }
        List<Step> sweep = RateSweep.run(settings.startRate(), settings.stepFactor(), settings.maxSteps(), Step::saturated,
                (label, rate) -> {
                    Step step = judge(step(endpoint + " " + label, rate, settings.stepSeconds()), settings.maxP50Millis());
                    print(step);
                    return step;
                });
        double saturation = saturationRate(sweep);
        double half = Math.max(1, Math.round(saturation / 2));
        Thread.sleep(3_000); // the saturated steps' queues (threads, producer batches) drain before the measured run
        Map<String, Long> pids = processes.get();
        Map<String, Double> cpuBefore = CpuTime.snapshot(pids);
        long started = System.nanoTime();
        Step measured = step(endpoint + " at half saturation", half, settings.measureSeconds());
        double wall = (System.nanoTime() - started) / 1e9;
        Map<String, Double> cpu = CpuTime.used(cpuBefore, CpuTime.snapshot(pids));
        print(measured);
        Result result = new Result(endpoint, sweep, saturation, !sweep.isEmpty() && sweep.get(sweep.size() - 1).saturated(),
                measured, wall, cpu);
        System.out.printf("%s: CPU ms per request at %.0f/s: %s%n", endpoint, half, DecompositionReport.rounded(result.cpuMillisPerRequest()));
        return result;
    }

    private Step step(String name, double rate, double seconds) throws InterruptedException {
        return summarize(name, rate, seconds, load.run(List.of(new LoadPhase(name, rate, seconds)), i -> filer.file(i, false)));
    }

    /**
     * The accepted requests' latency from each one's due time to its answer, and the rate of 202s: over the offered
     * duration when the endpoint keeps up, over the longer stretch until the last answer when it queues.
     */
    static Step summarize(String name, double rate, double seconds, List<OpenLoopLoad.Sent> sent) {
        Histogram latency = Latencies.histogram();
        Map<Integer, Integer> refused = new TreeMap<>();
        int accepted = 0;
        long firstDue = Long.MAX_VALUE;
        long lastAnswer = Long.MIN_VALUE;
        for (OpenLoopLoad.Sent s : sent) {
            firstDue = Math.min(firstDue, s.dueNanos());
            if (s.filed().status() != 202) {
                refused.merge(s.filed().status(), 1, Integer::sum);
                continue;
            }
            accepted++;
            lastAnswer = Math.max(lastAnswer, s.answeredNanos());
            Latencies.record(latency, s.answeredNanos() - s.dueNanos());
        }
        double perSecond = accepted == 0 ? 0 : accepted / Math.max(seconds, (lastAnswer - firstDue) / 1e9);
        return new Step(name, rate, seconds, sent.size(), accepted, refused, perSecond, latency, null);
    }

    /**
     * Saturated: 202s at under 90 % of the offered rate, a median answer slower than {@code maxP50Millis} (queues
     * growing), or more than 1 % refused. The median, not p99: on a shared machine p99 jumps with others' load.
     */
    static Step judge(Step step, double maxP50Millis) {
        String why = null;
        int refused = step.refused().values().stream().mapToInt(Integer::intValue).sum();
        if (step.acceptedPerSecond() < 0.9 * step.offered()) {
            why = String.format("202s at %.0f/s < 90%% of offered", step.acceptedPerSecond());
        } else if (step.millis(50) > maxP50Millis) {
            why = String.format("p50 %.0f ms > %.0f ms", step.millis(50), maxP50Millis);
        } else if (refused > step.sent() / 100) {
            why = refused + " requests refused " + step.refused();
        }
        return new Step(step.name(), step.offered(), step.seconds(), step.sent(), step.accepted(), step.refused(),
                step.acceptedPerSecond(), step.latency(), why);
    }

    /** The most 202s per second any step of the sweep got (a lower bound when no step saturated). */
    static double saturationRate(List<Step> sweep) {
        return sweep.stream().mapToDouble(Step::acceptedPerSecond).max().orElse(0);
    }

    private static void print(Step step) {
        System.out.printf("%-40s offered %6.0f/s  202 %6.1f/s  POST→202 p50/p99/p99.9 %s ms  refused %s%s%n", step.name(),
                step.offered(), step.acceptedPerSecond(), Latencies.summary(step.latency()), step.refused(),
                step.saturated() ? "  SATURATED: " + step.saturation() : "");
    }
}
