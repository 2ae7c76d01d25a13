package io.livecomplaints.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static EndpointBenchmark.Step saturated(EndpointBenchmark.Step s) {
        return new EndpointBenchmark.Step(s.name(), s.offered(), s.seconds(), s.sent(), s.accepted(), s.refused(),
                s.acceptedPerSecond(), s.latency(), "test");
    }

    private static Decomposition.Window window(String name, Map<String, Double> offsets) {
        return new Decomposition.Window(name, 100, 10, 10, offsets, Map.of(), Map.of());
    }
}
