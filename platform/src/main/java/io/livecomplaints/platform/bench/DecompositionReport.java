package io.livecomplaints.platform.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes what {@code bin/bench decompose} measured as a Markdown section of docs/benchmarks.md. */
final class DecompositionReport {

    /** The section of a steady-state run; a {@code --short-deferrals true} run has its own ({@link #DEFERRED}). */
    static final String STEADY = "decompose";
    static final String DEFERRED = "decompose-deferred";

    static String start(String section) {
        return "<!-- " + section + ": written by bin/bench decompose, replaced on its next run of this kind -->";
    }

    static String end(String section) {
        return "<!-- /" + section + " -->";
    }

    private DecompositionReport() {
    }

    /** {@code document} with its section {@code name} replaced by {@code section}, or with it appended if it has none. */
    static String replaceSection(String document, String name, String section) {
        String opening = start(name);
        String closing = end(name);
        String block = opening + "\n" + section.strip() + "\n" + closing + "\n";
        int from = document.indexOf(opening);
        int to = document.indexOf(closing);
        if (from < 0 || to < from) {
            return document + (document.endsWith("\n") ? "\n" : "\n\n") + block;
        }
        String after = document.substring(to + closing.length());
        return document.substring(0, from) + block + (after.startsWith("\n") ? after.substring(1) : after);
    }

    static String markdown(Decomposition d, String header) {
        StringBuilder md = new StringBuilder();
        md.append("### Measured: where the cost goes").append(d.deferred ? ", deferred writes shown (`--short-deferrals true`)" : "").append("\n\n").append(header).append("\n\n");
        List<Decomposition.Window> w = d.windows;
        // the profiled window's CPU and latency are JFR's: it shows only in the throughput table, labelled, and with the profiles
        List<Decomposition.Window> unprofiled = w.stream().filter(x -> !x.profiled()).toList();
        Decomposition.Window profiled = w.stream().filter(Decomposition.Window::profiled).findFirst().orElse(null);
        md.append("#### Throughput\n\n| part | complaints | wall s | complaints/s | vs B0 |\n|---|---:|---:|---:|---:|\n");
        double b0 = d.b0 == null ? 0 : d.b0.endToEndPerSecond();
        if (d.b0 != null) {
            md.append(String.format("| B0 raw Kafka, 1 produce + %d exactly-once hops, %d B records | %d | | %.0f | 100 %% |%n",
                    d.b0.hops(), d.b0.recordBytes(), d.b0.delivered(), b0));
        }
        if (d.b0Footprint != null) {
            md.append(String.format("| B0′ raw Kafka, the footprint of %s: %d records of the topics' sizes, opaque | %d | %.0f | %.0f | %s |%n",
                    w.get(0).name(), d.b0Footprint.records(), d.b0Footprint.complaints(), d.b0Footprint.seconds(),
                    d.b0Footprint.complaintsPerSecond(), b0 > 0 ? String.format("%.1f %%", 100 * d.b0Footprint.complaintsPerSecond() / b0) : ""));
        }
        for (Decomposition.Window window : w) {
            md.append(String.format("| %s | %d | %.0f | %.1f | %s |%n", window.label(), window.complaints(), window.wallSeconds(),
                    window.completedPerSecond(), b0 > 0 ? String.format("%.1f %%", 100 * window.completedPerSecond() / b0) : ""));
        }
        Decomposition.Window drain = w.stream().filter(x -> x.name().startsWith("B1")).findFirst().orElse(null);
        if (drain != null && d.b0Footprint != null) {
            md.append(String.format("%nB1 / B0′ = %.1f %% (target ≥ 35 %%).%n", 100 * drain.completedPerSecond() / d.b0Footprint.complaintsPerSecond()));
        }
        md.append("\nB0 counts records (one per complaint); B3 rows are offered rates (completed/s is the output stream's rate); B1 is the drain rate of the backlog ")
                .append("between 10 % and 90 % of it completed (triaged, case opened, acknowledged, as B3 counts it), its costs are from the restart (start-up included) until every ")
                .append("group caught up, and its offsets leave out the backlog's own complaints-received records. ")
                .append(profiledWindowNote(profiled)).append("\n\n");

        md.append(b2(d.b2));

        md.append("#### Log offsets per complaint, per topic\n\n");
        md.append(table("topic", unprofiled, Decomposition.Window::offsetsPerComplaint, "%.2f", true));
        if (!d.footprintBytes.isEmpty()) {
            md.append("\nMean value bytes per topic (B0′ replays records of these sizes): ").append(d.footprintBytes).append("\n");
        }
        md.append("\n#### CPU ms per complaint, per process (no profiler running)\n\n");
        md.append(table("process", unprofiled, Decomposition.Window::cpuMillisPerComplaint, "%.2f", true));
        if (!d.cpuCost.isEmpty()) {
            md.append("\nFixed and marginal cost from the two unprofiled B3 windows (")
                    .append(String.join(" and ", Decomposition.twoRateWindows(w).stream().map(Decomposition.Window::name).toList()))
                    .append("; CPU = fixed + marginal × rate): \n\n")
                    .append("| process | fixed, CPU ms per second | marginal, CPU ms per complaint |\n|---|---:|---:|\n");
            double fixed = 0;
            double marginal = 0;
            for (var cost : d.cpuCost.entrySet()) {
                fixed += 1000 * cost.getValue().fixedCpuSecondsPerSecond();
                marginal += cost.getValue().marginalMillisPerComplaint();
                md.append(String.format("| %s | %.0f | %.2f |%n", cost.getKey(), 1000 * cost.getValue().fixedCpuSecondsPerSecond(),
                        cost.getValue().marginalMillisPerComplaint()));
            }
            md.append(String.format("| **total** | %.0f | %.2f |%n", fixed, marginal));
        }
        md.append(byThread(Decomposition.twoRateWindows(unprofiled)));
        md.append("\n#### Broker requests per second, by type\n\n");
        md.append(table("request", unprofiled, Decomposition.Window::brokerRequestsPerSecond, "%.0f", false));
        if (profiled != null && !d.profiles.isEmpty()) {
            md.append(String.format("%nThe JFR tables below come from the profiled window only (%s, %.0f s, JFR `settings=profile` "
                            + "in every service): %.1f complaints/s, %.2f ms CPU per complaint in all processes (profiled, not comparable).%n",
                    profiled.name(), profiled.wallSeconds(), profiled.completedPerSecond(),
                    profiled.cpuMillisPerComplaint().values().stream().mapToDouble(Double::doubleValue).sum()));
        }
        for (var profile : d.profiles.entrySet()) {
            md.append("\n#### JFR: hottest methods of ").append(profile.getKey()).append(" (self samples, profiled window")
                    .append(profiled == null ? "" : ": " + profiled.name()).append(")\n\n")
                    .append("| method | samples | share |\n|---|---:|---:|\n");
            for (JfrProfile.HotMethod m : profile.getValue()) {
                md.append(String.format("| `%s` | %d | %.1f %% |%n", m.method(), m.samples(), 100 * m.share()));
            }
        }
        if (!d.problems.isEmpty()) {
            md.append("\nNot measured in this run:\n\n");
            d.problems.forEach(p -> md.append("- ").append(p).append('\n'));
        }
        return md.toString();
    }

    /**
     * The CPU of the higher-rate B3 window by kind of thread (GC, JIT and other JVM threads, which JFR's execution
     * samples leave out, next to the stream threads, Kafka client I/O, HTTP server...), per process and summed over
     * all. Empty when no window has the split.
     */
    static String byThread(List<Decomposition.Window> twoRates) {
        Decomposition.Window window = twoRates.isEmpty() ? null : twoRates.get(twoRates.size() - 1);
        if (window == null || window.cpuSecondsByThread().isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n#### CPU ms per complaint by kind of thread (").append(window.name())
                .append(", no profiler; from /proc per thread)\n\n| process | total | largest first |\n|---|---:|---|\n");
        Map<String, Double> all = new java.util.LinkedHashMap<>();
        double total = 0;
        for (var process : window.cpuSecondsByThread().entrySet()) {
            double seconds = window.cpuSeconds().getOrDefault(process.getKey(), 0.0);
            total += seconds;
            process.getValue().forEach((kind, s) -> all.merge(kind, s, Double::sum));
            md.append(String.format("| %s | %.2f | %s |%n", process.getKey(), 1000 * seconds / Math.max(1, window.complaints()),
                    ThreadCpu.largestFirst(process.getValue(), window.complaints(), 6)));
        }
        md.append(String.format("| **all processes** | **%.2f** | %s |%n", 1000 * total / Math.max(1, window.complaints()),
                ThreadCpu.largestFirst(all, window.complaints(), 8)));
        return md.toString();
    }

    /** Which window ran with JFR: the tables of offsets, CPU and broker requests and the fixed/marginal split are without it. */
    static String profiledWindowNote(Decomposition.Window profiled) {
        if (profiled == null) {
            return "No window was profiled (`--profile false`): every CPU figure is without a profiler.";
        }
        return "The profiled row (" + profiled.name() + " with JFR in every service, for the hottest methods only) is the "
                + "profiler's: JFR costs about 45 % more CPU, so its rate, CPU and latency are not comparable, and the tables "
                + "of offsets, CPU and broker requests and the fixed/marginal split below are of the unprofiled windows only.";
    }

    /**
     * B2's table: intake-service and minimal-intake (the same endpoint on the same stack without intake's work), each
     * alone under the same load generator, and intake / minimal. Empty when B2 did not run.
     */
    static String b2(List<EndpointBenchmark.Result> results) {
        if (results.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("#### B2: intake alone against a minimal endpoint on the same stack\n\n")
                .append("| endpoint | saturation, 202/s | measured at, requests/s | POST→202 p50 ms | POST→202 p99 ms ")
                .append("| CPU ms per request, endpoint | CPU ms per request, broker |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (EndpointBenchmark.Result r : results) {
            md.append(String.format("| %s | %s%.0f | %.0f | %s | %s | %s | %s |%n", r.endpoint(), r.saturationFound() ? "" : "≥ ",
                    r.saturationPerSecond(), r.measured().offered(), Latencies.ms(r.measured().millis(50)),
                    Latencies.ms(r.measured().millis(99)), cpu(r, r.endpoint()), cpu(r, "kafka broker")));
        }
        EndpointBenchmark.Result intake = find(results, "intake-service");
        EndpointBenchmark.Result minimal = find(results, "minimal-intake");
        if (intake != null && minimal != null) {
            md.append(String.format("| **intake / minimal** | **%s** | | **%s** | **%s** | **%s** | **%s** |%n",
                    saturationRatio(intake, minimal),
                    ratio(intake.measured().millis(50), minimal.measured().millis(50)),
                    ratio(intake.measured().millis(99), minimal.measured().millis(99)),
                    ratio(intake.cpuMillisPerRequest().getOrDefault("intake-service", Double.NaN),
                            minimal.cpuMillisPerRequest().getOrDefault("minimal-intake", Double.NaN)),
                    ratio(intake.cpuMillisPerRequest().getOrDefault("kafka broker", Double.NaN),
                            minimal.cpuMillisPerRequest().getOrDefault("kafka broker", Double.NaN))));
        }
        md.append("\nEach endpoint the only service running (intake with its own Kafka Streams side; triage, resolution and ")
                .append("notification stopped, and intake too while minimal-intake runs), ")
                .append("the same complaints from the same open-loop load generator: a sweep of offered rates until the 202s fall ")
                .append("under 90 % of the offered rate or their median slows past the limit (a saturated step is run once more; ")
                .append("\"≥\": no step saturated, the ratio a bound), then a run at half the saturation for the latencies (from each request's due ")
                .append("time) and the CPU per request of each process (the load generator's, on the same cores, is printed in the run's output). ")
                .append("minimal-intake: service-support's JWT check and web plumbing, Jackson, one acks=all record with intake's ")
                .append("producer settings, nothing else.\n\nSweeps (offered → 202/s):\n\n");
        for (EndpointBenchmark.Result r : results) {
            md.append("- ").append(r.endpoint()).append(": ").append(sweep(r.sweep())).append('\n');
        }
        return md.append('\n').toString();
    }

    /** "50 → 49.8, 75 → 74.9, 113 → 90.2 (saturated: …)". */
    static String sweep(List<EndpointBenchmark.Step> steps) {
        List<String> parts = new ArrayList<>();
        for (EndpointBenchmark.Step step : steps) {
            parts.add(String.format("%.0f → %.1f%s", step.offered(), step.acceptedPerSecond(),
                    step.saturated() ? " (saturated: " + step.saturation() + ")" : ""));
        }
        return String.join(", ", parts);
    }

    /**
     * intake / minimal saturation; an endpoint that never saturated gives only a lower bound of its own, so the ratio
     * is a bound ("≤", "≥"), or unknown when neither saturated.
     */
    static String saturationRatio(EndpointBenchmark.Result intake, EndpointBenchmark.Result minimal) {
        if (!intake.saturationFound() && !minimal.saturationFound()) {
            return "-";
        }
        String bound = intake.saturationFound() == minimal.saturationFound() ? "" : intake.saturationFound() ? "≤ " : "≥ ";
        return bound + ratio(intake.saturationPerSecond(), minimal.saturationPerSecond());
    }

    /** Values to two decimals, for the console: {"intake-service": 1.23, …}. */
    static Map<String, String> rounded(Map<String, Double> values) {
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        values.forEach((key, value) -> shown.put(key, String.format("%.2f", value)));
        return shown;
    }

    /** {@code a / b} as "0.42 ×", or "-" when either is unknown or b is zero. */
    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "-";
        }
        return String.format("%.2f ×", a / b);
    }

    private static String cpu(EndpointBenchmark.Result r, String process) {
        Double millis = r.cpuMillisPerRequest().get(process);
        return millis == null ? "-" : String.format("%.2f", millis);
    }

    private static EndpointBenchmark.Result find(List<EndpointBenchmark.Result> results, String endpoint) {
        return results.stream().filter(r -> r.endpoint().equals(endpoint)).findFirst().orElse(null);
    }

    /** Rows: every key of any window (ordered as the first window that has it), one column per window; a total row. */
    static String table(String what, List<Decomposition.Window> windows,
                        java.util.function.Function<Decomposition.Window, Map<String, Double>> values, String format, boolean total) {
        List<String> keys = new ArrayList<>();
        for (Decomposition.Window window : windows) {
            values.apply(window).keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        }
        StringBuilder md = new StringBuilder("| ").append(what);
        windows.forEach(window -> md.append(" | ").append(window.name()));
        md.append(" |\n|---");
        windows.forEach(window -> md.append("|---:"));
        md.append("|\n");
        for (String key : keys) {
            md.append("| ").append(key);
            windows.forEach(window -> {
                Double v = values.apply(window).get(key);
                md.append(" | ").append(v == null ? "" : String.format(format, v));
            });
            md.append(" |\n");
        }
        if (total) {
            md.append("| **total**");
            windows.forEach(window -> md.append(" | **").append(String.format(format,
                    values.apply(window).values().stream().mapToDouble(Double::doubleValue).sum())).append("**"));
            md.append(" |\n");
        }
        return md.toString();
    }
}
