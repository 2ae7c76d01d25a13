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

    private static Decomposition.Window window(String name, Map<String, Double> offsets) {
        return new Decomposition.Window(name, 100, 10, 10, offsets, Map.of(), Map.of());
    }
}
