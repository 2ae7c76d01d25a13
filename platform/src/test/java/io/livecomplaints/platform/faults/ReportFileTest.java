package io.livecomplaints.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.platform.faults.FaultInjection.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {

    @TempDir
    Path dir;

    private static String marked(String name, String content) {
        return Section.named(name, content).text();
    }

    @Test
    void aRunReplacesOnlyItsScenarioBetweenItsMarkersAndKeepsTheOtherScenariosAndTheProse() throws Exception {
        Path report = dir.resolve("reliability.md");
        String before = "# title\n\nmethod\n\n" + FaultInjection.BEGIN + "\nsummary of run 4\n\n" + marked("kill", "old kill table\n") + "\n\n"
                + marked("broker", "broker table\n") + "\n\n" + marked("kill --services analytics-service", "analytics kills\n") + "\n"
                + FaultInjection.END + "\n\nfindings\n";
        Files.writeString(report, before);

        FaultInjection.writeScenario(report, Section.named("kill", "new kill table\n"));

        assertThat(Files.readString(report)).isEqualTo(before.replace("old kill table", "new kill table"));
    }

    @Test
    void aScenarioWithoutASectionYetGetsOneAtTheEndOfTheResults() throws Exception {
        Path report = dir.resolve("reliability.md");
        String results = FaultInjection.BEGIN + "\n" + marked("kill", "kill table\n") + "\n";
        Files.writeString(report, "# title\n\n" + results + FaultInjection.END + "\n\nfindings\n");

        FaultInjection.writeScenario(report, Section.named("poison", "poison table\n"));

        assertThat(Files.readString(report)).isEqualTo("# title\n\n" + results + marked("poison", "poison table\n") + "\n\n"
                + FaultInjection.END + "\n\nfindings\n");
    }

    @Test
    void aScenarioSectionSaysHowItWasMeasuredAndHoldsItsOwnSummaryLine() {
        ScenarioRunner.Result broker = new ScenarioRunner.Result(Scenario.broker(), 300, 25, new ComplaintDriver.Submissions(List.of(), 2, 12.0),
                new Verdict(300, 0, 0, 0, 0, Map.of(), Map.of(), List.of()), 1500, "triage-service complaints-received-0",
                List.of(new ScenarioRunner.FaultRecord("broker clean stop + restart at 33%", 20.5, "ready after 4.0 s", Map.of())), Map.of(), Map.of(), null);

        Section section = FaultInjection.scenarioSection(broker, " --services triage-service", 300, 25);

        assertThat(section.begin()).isEqualTo("<!-- bin/faults broker --services triage-service results: begin -->");
        assertThat(section.text()).startsWith(section.begin() + "\n\n#### broker: ").endsWith(section.end())
                .contains("with `bin/faults broker --services triage-service --complaints 300 --rate 25`",
                        "| broker | 300 | 300 | 0 | 0 | 0 | 0 | 1.5 | 20.5 | PASS |", "| broker clean stop + restart at 33% | 20.5 | ready after 4.0 s |");
    }

    @Test
    void withoutAReportTheResultsBecomeOne() throws Exception {
        Path report = dir.resolve("docs/reliability.md");

        FaultInjection.writeScenario(report, Section.named("duplicates", "table\n"));

        assertThat(Files.readString(report)).startsWith("# Reliability under faults").contains("<!-- bin/faults duplicates results: begin -->\n\ntable\n"
                + "<!-- bin/faults duplicates results: end -->");
    }
}
