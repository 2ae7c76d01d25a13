package io.livecomplaints.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {

    @TempDir
    Path dir;

    @Test
    void aRunReplacesOnlyTheResultsBetweenTheMarkersAndKeepsTheProse() throws Exception {
        Path report = dir.resolve("reliability.md");
        Files.writeString(report, "# title\n\nmethod\n\n" + FaultInjection.BEGIN + "\nold table\n" + FaultInjection.END + "\n\nfindings\n");

        FaultInjection.write(report, FaultInjection.BEGIN + "\nnew table\n" + FaultInjection.END);

        assertThat(Files.readString(report)).isEqualTo("# title\n\nmethod\n\n" + FaultInjection.BEGIN + "\nnew table\n"
                + FaultInjection.END + "\n\nfindings\n");
    }

    @Test
    void withoutAReportTheResultsBecomeOne() throws Exception {
        Path report = dir.resolve("docs/reliability.md");

        FaultInjection.write(report, FaultInjection.BEGIN + "\ntable\n" + FaultInjection.END);

        assertThat(Files.readString(report)).startsWith("# Reliability under faults").contains("table");
    }
}
