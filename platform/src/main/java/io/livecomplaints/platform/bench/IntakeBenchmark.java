package io.livecomplaints.platform.bench;

import io.livecomplaints.platform.runtime.LocalCluster;
import io.livecomplaints.platform.runtime.ServiceProcess;
import io.livecomplaints.platform.simulator.EventPublisher;
import io.livecomplaints.platform.simulator.UpstreamWorld;
import io.livecomplaints.schemas.serde.HttpSchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Benchmark (not a test) of {@code POST /api/v1/complaints}: starts its own broker, registry and intake-service on
 * free loopback ports ({@link LocalCluster}), publishes upstream orders and sessions, then files a bounded number of
 * complaints with a fixed number of concurrent clients and reports requests/s and latency percentiles per scenario.
 * Every request is an ORDER_PAGE complaint about a real order, so each one is enriched and durably written (acks=all).
 *
 * <p>{@code bin/bench intake [--requests 4000] [--concurrency 16] [--warmup 2000] [--out docs/benchmarks-intake.md]}
 */
public final class IntakeBenchmark {

    /** One measured run. */
    record Result(String scenario, int requests, int concurrency, int accepted, Map<Integer, Integer> refused,
                  double seconds, Histogram latencyMicros) {
        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            return latencyMicros.getValueAtPercentile(p) / 1000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int requests = Integer.parseInt(options.getOrDefault("requests", "4000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "2000"));
        Path target = Path.of(options.getOrDefault("platform-target", "platform/target"));
        Path out = Path.of(options.getOrDefault("out", "docs/benchmarks-intake.md"));
        Path work = Files.createTempDirectory("bench-intake");

        System.out.printf("starting broker, registry and intake-service under %s ...%n", work);
        try (LocalCluster cluster = LocalCluster.in(target, work)) {
            cluster.startBroker().startRegistry();
            // the benchmark measures the intake path, not the rate limits
            Map<String, String> env = new HashMap<>(LocalCluster.INTAKE_LIMITS_OPENED);
            env.put("COMPLAINTS_API_RATELIMIT_LIMIT", "100000000");
            env.put("LOGGING_LEVEL_IO_LIVECOMPLAINTS", "WARN");
            ServiceProcess intake = cluster.startService("intake-service", env);
            UpstreamWorld world = new UpstreamWorld();
            Topics topics = new Topics(new HttpSchemaRegistryClient(cluster.registryUrl()), true);
            try (EventPublisher publisher = new EventPublisher(cluster.bootstrapServers(), cluster.registryUrl())) {
                world.publish(topics, publisher, 20, 2000, new Random(7), Instant.now());
            }
            ComplaintFiler client = new ComplaintFiler(intake.url(), cluster.tokens(), world);
            client.awaitEnrichment();

            List<Result> results = new ArrayList<>();
            run(client, "warm-up", warmup, concurrency, false);
            results.add(run(client, "POST, no Idempotency-Key", requests, concurrency, false));
            results.add(run(client, "POST with Idempotency-Key", requests, concurrency, true));
            results.add(run(client, "POST, no Idempotency-Key, 1 client", Math.max(200, requests / 8), 1, false));

            String report = report(results, requests, concurrency, warmup);
            System.out.println();
            System.out.println(report);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
            System.out.println("written to " + out);
        }
    }

    private static Result run(ComplaintFiler client, String scenario, int requests, int concurrency, boolean idempotencyKey) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        List<Future<Histogram>> workers = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                Histogram histogram = new Histogram(60_000_000L, 3);
                Map<Integer, Integer> mine = new HashMap<>();
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long t0 = System.nanoTime();
                    int status = client.file(i, idempotencyKey).status();
                    histogram.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    mine.merge(status, 1, Integer::sum);
                }
                synchronized (statuses) {
                    mine.forEach((k, v) -> statuses.merge(k, v, Integer::sum));
                }
                return histogram;
            }));
        }
        Histogram all = new Histogram(60_000_000L, 3);
        for (Future<Histogram> worker : workers) {
            all.add(worker.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        int accepted = statuses.getOrDefault(202, 0);
        Map<Integer, Integer> refused = new TreeMap<>(statuses);
        refused.remove(202);
        Result result = new Result(scenario, requests, concurrency, accepted, refused, seconds, all);
        System.out.printf("%-40s %6d req  %3d clients  %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  refused %s%n", scenario, requests,
                concurrency, result.perSecond(), result.percentileMillis(50), result.percentileMillis(99), refused);
        return result;
    }

    private static String report(List<Result> results, int requests, int concurrency, int warmup) {
        StringBuilder md = new StringBuilder();
        md.append("# intake-service benchmark: POST /api/v1/complaints\n\n");
        md.append("Measured ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append(" with `bin/bench intake` on this machine: ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(", load average at the end ")
                .append(loadAverage()).append(".\n\n");
        md.append("Setup: one standalone KRaft broker, the schema registry and one intake-service (`-Xmx384m`) as separate ")
                .append("processes on loopback, started by the benchmark itself (`LocalCluster`). 2,000 orders and 20 live sessions ")
                .append("published first; every request is an ORDER_PAGE complaint about one of those orders by its owner (USER ")
                .append("token), so each is validated, enriched from the global stores and written with acks=all before the 202. ")
                .append(warmup).append(" warm-up requests are not counted. Rate limits are raised for the run (one IP address). ")
                .append("The load generator runs on the same 2 cores, and other developers share the machine: read the numbers as ")
                .append("an order of magnitude, not a capacity plan. The services run with `-XX:TieredStopAtLevel=1` (C1 only, as in ")
                .append("`bin/local` and the end-to-end test: fast start, lower peak throughput); scenarios run in the order listed.\n\n");
        md.append("| scenario | requests | concurrent clients | 202 | refused | requests/s | p50 ms | p99 ms | max ms |\n");
        md.append("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n");
        for (Result r : results) {
            md.append(String.format("| %s | %d | %d | %d | %s | %.0f | %.1f | %.1f | %.1f |%n", r.scenario(), r.requests(), r.concurrency(),
                    r.accepted(), r.refused().isEmpty() ? "-" : r.refused().toString(), r.perSecond(), r.percentileMillis(50),
                    r.percentileMillis(99), r.latencyMicros().getMaxValue() / 1000.0));
        }
        md.append("\nRun it again: `bin/bench intake --requests ").append(requests).append(" --concurrency ").append(concurrency)
                .append("` (builds the jars if needed; uses only free loopback ports; stops everything it started).\n");
        return md.toString();
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
