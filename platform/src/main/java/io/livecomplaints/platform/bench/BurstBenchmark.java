package io.livecomplaints.platform.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A flash sale: steady load, then 20x for a minute, then steady again, with every consumer group's lag sampled
 * once a second. Reports what intake refused, the peak lag per service and how long each took to drain after the
 * burst, and the acknowledgment latency per phase.
 */
final class BurstBenchmark {

    /** What the burst did. */
    record Result(double steadyRate, double multiplier, List<LoadPhase> phases, List<PipelineBenchmark.Step> perPhase,
                  List<ConsumerLag.Sample> lag, double burstStartSeconds, double burstEndSeconds, long drainThreshold,
                  Map<String, Long> peakLag, Map<String, Double> drainSeconds, int notCompleted) {
    }

    private final BenchCluster bench;
    private final PipelineBenchmark pipeline;
    private final OpenLoopLoad load;

    BurstBenchmark(BenchCluster bench, PipelineBenchmark pipeline, int senders) {
        this.bench = bench;
        this.pipeline = pipeline;
        this.load = new OpenLoopLoad(senders, bench.sequence);
    }

    Result run(double steadyRate, double multiplier, double steadySeconds, double burstSeconds, double recoverySeconds,
               Duration drainWait) throws Exception {
        List<LoadPhase> phases = List.of(new LoadPhase("steady before", steadyRate, steadySeconds),
                new LoadPhase("burst " + (int) multiplier + "x", steadyRate * multiplier, burstSeconds),
                new LoadPhase("steady after", steadyRate, recoverySeconds));
        System.out.printf("burst: %.0f/s for %.0f s, %.0f/s for %.0f s, %.0f/s for %.0f s%n", steadyRate, steadySeconds,
                steadyRate * multiplier, burstSeconds, steadyRate, recoverySeconds);
        try (LagSampler sampler = new LagSampler(bench.cluster.bootstrapServers(), group -> bench.services.contains(group))) {
            sampler.start();
            Thread.sleep(2000);
            double loadStart = sampler.now();
            List<OpenLoopLoad.Sent> sent = load.run(phases, i -> bench.filer.file(i, false));
            List<String> accepted = sent.stream().filter(s -> s.filed().status() == 202 && s.filed().complaintId() != null)
                    .map(s -> s.filed().complaintId()).toList();
            bench.awaitStages(accepted, PipelineBenchmark.COMPLETION, drainWait);
            Thread.sleep(3000);
            List<ConsumerLag.Sample> samples = sampler.stop();

            List<PipelineBenchmark.Step> perPhase = new ArrayList<>();
            int notCompleted = 0;
            for (int p = 0; p < phases.size(); p++) {
                int phase = p;
                List<OpenLoopLoad.Sent> mine = sent.stream().filter(s -> s.phase() == phase).toList();
                Map<Integer, Integer> refused = new TreeMap<>();
                mine.stream().filter(s -> s.filed().status() != 202).forEach(s -> refused.merge(s.filed().status(), 1, Integer::sum));
                PipelineBenchmark.Step step = pipeline.summarize(phases.get(p).name(), phases.get(p).ratePerSecond(),
                        phases.get(p).seconds(), mine, refused);
                perPhase.add(step);
                notCompleted += step.accepted() - step.completed();
                PipelineBenchmark.print(step);
            }
            double burstStart = loadStart + steadySeconds;
            double burstEnd = burstStart + burstSeconds;
            long threshold = Math.max(10, Math.round(2 * steadyRate));
            Map<String, Long> peak = new LinkedHashMap<>();
            Map<String, Double> drain = new LinkedHashMap<>();
            for (String group : bench.services) {
                if (samples.stream().anyMatch(s -> s.lagByGroup().containsKey(group))) {
                    peak.put(group, ConsumerLag.peak(samples, group));
                    drain.put(group, ConsumerLag.drainedAfter(samples, group, burstEnd, threshold));
                    System.out.printf("%-22s peak lag %7d  drained (<= %d) %s after the burst%n", group, peak.get(group), threshold,
                            drain.get(group) < 0 ? "never" : String.format("%.0f s", drain.get(group)));
                }
            }
            return new Result(steadyRate, multiplier, phases, perPhase, samples, burstStart, burstEnd, threshold, peak, drain, notCompleted);
        }
    }
}
