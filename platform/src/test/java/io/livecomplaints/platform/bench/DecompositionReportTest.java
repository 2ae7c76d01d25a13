package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecompositionReportTest {

    @Test
    void appendsTheSectionWhenTheDocumentHasNone() {
        String doc = DecompositionReport.replaceSection("# Benchmarks\n\nkept\n", "decompose", "## new\n");

        assertThat(doc).isEqualTo("# Benchmarks\n\nkept\n\n" + DecompositionReport.start("decompose") + "\n## new\n"
                + DecompositionReport.end("decompose") + "\n");
    }

    @Test
    void replacesOnlyItsOwnSectionKeepingWhatIsAroundItAndTheOtherKindsSection() {
        String steady = DecompositionReport.start("decompose") + "\nold\n" + DecompositionReport.end("decompose") + "\n";
        String deferred = DecompositionReport.start("decompose-deferred") + "\nother\n" + DecompositionReport.end("decompose-deferred") + "\n";
        String doc = "before\n" + steady + deferred + "after\n";

        assertThat(DecompositionReport.replaceSection(doc, "decompose", "new")).isEqualTo("before\n"
                + DecompositionReport.start("decompose") + "\nnew\n" + DecompositionReport.end("decompose") + "\n" + deferred + "after\n");
    }

    @Test
    void tableHasAColumnPerWindowARowPerKeyOfAnyWindowAndATotal() {
        Map<String, Double> first = new LinkedHashMap<>();
        first.put("notifications", 4.0);
        first.put("complaints-received", 1.0);
        Decomposition.Window a = window("low", first);
        Decomposition.Window b = window("high", Map.of("complaints-received", 1.0, "changelog", 0.5));

        String table = DecompositionReport.table("topic", List.of(a, b), Decomposition.Window::offsetsPerComplaint, "%.2f", true);

        assertThat(table).isEqualTo("""
                | topic | low | high |
                |---|---:|---:|
                | notifications | 4.00 |  |
                | complaints-received | 1.00 | 1.00 |
                | changelog |  | 0.50 |
                | **total** | **5.00** | **1.50** |
                """);
    }

    @Test
    void cpuMillisPerComplaintDividesEachProcessByTheWindowsComplaints() {
        Decomposition.Window w = new Decomposition.Window("w", 200, 10, 20, Map.of(), Map.of("broker", 1.0), Map.of());

        assertThat(w.cpuMillisPerComplaint()).containsExactly(Map.entry("broker", 5.0));
        assertThat(w.cpuPoint().complaintsPerSecond()).isEqualTo(20.0);
    }

    @Test
    void cpuByKindOfThreadIsShownForTheHigherRateWindowPerProcessAndSummedOverAll() {
        Map<String, Map<String, Double>> threads = new LinkedHashMap<>();
        threads.put("triage-service", Map.of(ThreadCpu.STREAMS, 0.6, ThreadCpu.GC, 0.2));
        threads.put("kafka broker", Map.of("data-plane-kafk", 0.5, ThreadCpu.GC, 0.1));
        Decomposition.Window low = b3("B3 at 10/s", 100, 1.0);
        Decomposition.Window high = new Decomposition.Window("B3 at 30/s", 200, 10, 20, Map.of(),
                Map.of("triage-service", 0.8, "kafka broker", 0.6), Map.of(), false, threads);

        String md = DecompositionReport.byThread(List.of(low, high));

        assertThat(md).contains("#### CPU ms per complaint by kind of thread (B3 at 30/s")
                .contains("| triage-service | 4.00 | Kafka Streams threads 3.00, GC 1.00 |")
                .contains("| kafka broker | 3.00 | data-plane-kafk 2.50, GC 0.50 |")
                .contains("| **all processes** | **7.00** | Kafka Streams threads 3.00, data-plane-kafk 2.50, GC 1.50 |");
        assertThat(DecompositionReport.byThread(List.of(low))).isEmpty();
    }

    @Test
    void b2TableHasARowPerEndpointAndIntakeOverMinimal() {
        EndpointBenchmark.Result intake = new EndpointBenchmark.Result("intake-service",
                List.of(EndpointBenchmarkTest.step(50, 500, 50, 4, Map.of()), saturated(EndpointBenchmarkTest.step(75, 750, 60, 300, Map.of()))),
                60, true, EndpointBenchmarkTest.step(30, 300, 30, 8, Map.of()), 10,
                Map.of("intake-service", 0.9, "kafka broker", 0.3));
        EndpointBenchmark.Result minimal = new EndpointBenchmark.Result("minimal-intake",
                List.of(EndpointBenchmarkTest.step(50, 500, 50, 2, Map.of())),
                240, false, EndpointBenchmarkTest.step(120, 1200, 120, 2, Map.of()), 10,
                Map.of("minimal-intake", 0.6, "kafka broker", 0.6));

        String md = DecompositionReport.b2(List.of(intake, minimal));

        assertThat(md).contains("| intake-service | 60 | 30 | 8.0 | 8.0 | 3.00 | 1.00 |\n")
                .contains("| minimal-intake | ≥ 240 | 120 | 2.0 | 2.0 | 0.50 | 0.50 |\n")
                .contains("| **intake / minimal** | **≤ 0.25 ×** | | **4.00 ×** | **4.00 ×** | **6.00 ×** | **2.00 ×** |\n")
                .contains("- intake-service: 50 → 50.0, 75 → 60.0 (saturated: test)\n")
                .contains("- minimal-intake: 50 → 50.0\n");
    }

    @Test
    void noB2NoTableAndUnknownRatiosAreADash() {
        assertThat(DecompositionReport.b2(List.of())).isEmpty();
        assertThat(DecompositionReport.ratio(1, 0)).isEqualTo("-");
        assertThat(DecompositionReport.ratio(Double.NaN, 2)).isEqualTo("-");
        assertThat(DecompositionReport.ratio(3, 2)).isEqualTo("1.50 ×");
    }

    @Test
    void theSaturationRatioIsABoundWhenOnlyOneEndpointSaturatedAndUnknownWhenNeitherDid() {
        EndpointBenchmark.Step any = EndpointBenchmarkTest.step(10, 10, 10, 1, Map.of());
        var intake = new EndpointBenchmark.Result("intake-service", List.of(), 50, true, any, 1, Map.of());
        var intakeUnsaturated = new EndpointBenchmark.Result("intake-service", List.of(), 50, false, any, 1, Map.of());
        var minimal = new EndpointBenchmark.Result("minimal-intake", List.of(), 200, true, any, 1, Map.of());
        var minimalUnsaturated = new EndpointBenchmark.Result("minimal-intake", List.of(), 200, false, any, 1, Map.of());

        assertThat(DecompositionReport.saturationRatio(intake, minimal)).isEqualTo("0.25 ×");
        assertThat(DecompositionReport.saturationRatio(intake, minimalUnsaturated)).isEqualTo("≤ 0.25 ×");
        assertThat(DecompositionReport.saturationRatio(intakeUnsaturated, minimal)).isEqualTo("≥ 0.25 ×");
        assertThat(DecompositionReport.saturationRatio(intakeUnsaturated, minimalUnsaturated)).isEqualTo("-");
    }

    @Test
    void theFixedAndMarginalSplitUsesTheTwoUnprofiledB3WindowsNotTheProfiledOneAfterThem() {
        Decomposition d = decompositionWithAProfiledWindow();

        d.splitFixedAndMarginal();

        // low: 10/s at 0.1 CPU s/s, high: 30/s at 0.2 → marginal 0.1 / 20 = 5 ms, fixed 0.1 − 0.005 × 10 = 50 ms/s;
        // the profiled window (25/s at 0.9 CPU s/s) would give a line with a negative fixed cost
        assertThat(Decomposition.twoRateWindows(d.windows)).extracting(Decomposition.Window::name).containsExactly("B3 at 10/s", "B3 at 30/s");
        assertThat(d.cpuCost.get("broker").fixedCpuSecondsPerSecond()).isCloseTo(0.05, within(1e-9));
        assertThat(d.cpuCost.get("broker").marginalMillisPerComplaint()).isCloseTo(5.0, within(1e-9));
        assertThat(d.problems).isEmpty();
    }

    @Test
    void withoutTwoUnprofiledB3WindowsThereIsNoSplitButAProblem() {
        Decomposition d = new Decomposition(null, null, 0, false, 0);
        d.windows.add(b3("B3 at 10/s", 100, 1.0));
        d.windows.add(b3("B3 at 30/s", 250, 9.0).withProfiler());

        d.splitFixedAndMarginal();

        assertThat(d.cpuCost).isEmpty();
        assertThat(d.problems).containsExactly("no fixed/marginal CPU: 1 unprofiled B3 windows, not 2");
    }

    @Test
    void theReportNamesTheProfiledWindowAndKeepsItsNumbersOutOfTheTwoRateTables() {
        Decomposition d = decompositionWithAProfiledWindow();
        d.splitFixedAndMarginal();
        d.profiles.put("triage-service", List.of(new JfrProfile.HotMethod("a.B.c", 40, 0.4)));

        String md = DecompositionReport.markdown(d, "header");

        assertThat(md).contains("| B3 at 10/s | 100 | 10 | 10.0 |  |\n")
                .contains("| B3 at 30/s | 300 | 10 | 30.0 |  |\n")
                .contains("| B3 at 30/s (profiled, not comparable) | 250 | 10 | 25.0 |  |\n")
                .contains("The profiled row (B3 at 30/s with JFR in every service, for the hottest methods only) is the profiler's")
                .contains("#### CPU ms per complaint, per process (no profiler running)\n\n| process | B3 at 10/s | B3 at 30/s |\n")
                .contains("| broker | 10.00 | 6.67 |\n")
                .contains("| topic | B3 at 10/s | B3 at 30/s |\n")
                .contains("| request | B3 at 10/s | B3 at 30/s |\n")
                .contains("Fixed and marginal cost from the two unprofiled B3 windows (B3 at 10/s and B3 at 30/s;")
                .contains("| broker | 50 | 5.00 |\n")
                .contains("The JFR tables below come from the profiled window only (B3 at 30/s, 10 s, JFR `settings=profile` in every "
                        + "service): 25.0 complaints/s, 36.00 ms CPU per complaint in all processes (profiled, not comparable).")
                .contains("#### JFR: hottest methods of triage-service (self samples, profiled window: B3 at 30/s)\n")
                .contains("| `a.B.c` | 40 | 40.0 % |\n");
        // the profiled window's 36 ms per complaint appears only in the sentence that says it is not comparable
        assertThat(md.split("36\\.00", -1)).hasSize(2);
    }

    @Test
    void aRunWithoutProfilingSaysEveryCpuFigureIsWithoutAProfiler() {
        Decomposition d = new Decomposition(null, null, 0, false, 0);
        d.windows.add(b3("B3 at 10/s", 100, 1.0));
        d.windows.add(b3("B3 at 30/s", 300, 2.0));
        d.splitFixedAndMarginal();

        String md = DecompositionReport.markdown(d, "header");

        assertThat(md).contains("No window was profiled (`--profile false`): every CPU figure is without a profiler.")
                .doesNotContain("profiled, not comparable")
                .doesNotContain("#### JFR");
        assertThat(d.cpuCost).containsKey("broker");
    }

    /** Low and high windows as the run makes them, then the profile-only window at the high rate. */
    private static Decomposition decompositionWithAProfiledWindow() {
        Decomposition d = new Decomposition(null, null, 0, false, 0);
        d.windows.add(b3("B3 at 10/s", 100, 1.0));
        d.windows.add(b3("B3 at 30/s", 300, 2.0));
        d.windows.add(b3("B3 at 30/s", 250, 9.0).withProfiler());
        return d;
    }

    /** A 10 s window: {@code complaints} completed, {@code brokerCpuSeconds} of the broker's CPU. */
    private static Decomposition.Window b3(String name, long complaints, double brokerCpuSeconds) {
        return new Decomposition.Window(name, complaints, 10, complaints / 10.0, Map.of("complaints-received", 1.0),
                Map.of("broker", brokerCpuSeconds), Map.of("Produce", 5.0));
    }

    private static EndpointBenchmark.Step saturated(EndpointBenchmark.Step s) {
        return new EndpointBenchmark.Step(s.name(), s.offered(), s.seconds(), s.sent(), s.accepted(), s.refused(),
                s.acceptedPerSecond(), s.latency(), "test");
    }

    private static Decomposition.Window window(String name, Map<String, Double> offsets) {
        return new Decomposition.Window(name, 100, 10, 10, offsets, Map.of(), Map.of());
    }
}
