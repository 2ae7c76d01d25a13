package io.livecomplaints.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailoverReportTest {

    @TempDir
    Path dir;

    private static Map<String, Double> apis(double triage) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("intake-service", 1.5);
        seconds.put("triage-service", triage);
        seconds.put("resolution-service", 12.0);
        seconds.put("notification-service", 14.25);
        seconds.put("analytics-service", 3.0);
        return seconds;
    }

    private static FailoverRun.Result result(FailoverRun.Kill kill, int lost) {
        Verdict verdict = new Verdict(100, 0, lost, 0, 0, Map.of(), Map.of(), List.of());
        return new FailoverRun.Result(1, 2, ComplaintDriver.Routing.BY_USER, 100, 25, new ComplaintDriver.Submissions(List.of(), 3, 4.0), verdict, List.of(kill),
                0, "-", "1.00 1.00 1.00 → 2.00 2.00 2.00");
    }

    @Test
    void aRoundHasRecoveredWhenEveryServiceAnsweredAndTheFlowMoved() {
        FailoverRun.Kill kill = new FailoverRun.Kill(1, 0.5, 50, List.of("intake-service-1"), apis(2.0), Map.of(), 0.8, 20.0, 25.0, 30.0, FailoverRun.Floor.counted(40));

        assertThat(kill.allApisSeconds()).isEqualTo(14.25);
        assertThat(kill.recovered()).isTrue();
        assertThat(result(kill, 0).passed()).isTrue();
        assertThat(result(kill, 1).passed()).isFalse();
        assertThat(FailoverReport.of(result(kill, 0))).contains("PASS", "| 1 | 50% (complaint 50) | intake-service-1 | 1.5 | 2.0 | 12.0 | 14.3 | 3.0 | 14.3 | 0.8 | 20.0 | 25.0 | 30.0 |");
    }

    @Test
    void aServiceThatNeverAnsweredCorrectlyFailsTheRunAndShowsItsLastAnswer() {
        FailoverRun.Kill kill = new FailoverRun.Kill(1, 0.2, 20, List.of("triage-service-1"), apis(-1), Map.of("triage-service",
                "GET /api/v1/triage/agents → 503 {}"), 0.8, 20.0, 25.0, 30.0, FailoverRun.Floor.counted(40));

        assertThat(kill.allApisSeconds()).isEqualTo(-1);
        assertThat(kill.recovered()).isFalse();
        assertThat(FailoverReport.of(result(kill, 0))).contains("**FAIL**", "not in time",
                "- round 1, triage-service: `GET /api/v1/triage/agents → 503 {}`");
    }

    @Test
    void aRoundWithoutAnAnalyticsFloorSaysWhy() {
        FailoverRun.Kill kill = new FailoverRun.Kill(3, 0.8, 80, List.of("analytics-service-1"), apis(2.0), Map.of(), 0.8, 20.0, 25.0, 30.0,
                FailoverRun.Floor.none("analytics answered 503: statistics store stats-total is migrating"));

        assertThat(kill.recovered()).isTrue();
        assertThat(FailoverReport.of(result(kill, 0))).contains("PASS", "- round 3, analytics-service: no floor: analytics unavailable before the kill "
                + "(analytics answered 503: statistics store stats-total is migrating)");
        assertThat(FailoverReport.of(result(new FailoverRun.Kill(1, 0.5, 50, List.of("intake-service-1"), apis(2.0), Map.of(), 0.8, 20.0, 25.0,
                30.0, FailoverRun.Floor.counted(40)), 0))).doesNotContain("no floor");
    }

    @Test
    void theProblemsOfTheVerdictAreListedAfterTheTable() {
        FailoverRun.Kill kill = new FailoverRun.Kill(1, 0.5, 50, List.of("intake-service-1"), apis(2.0), Map.of(), 0.8, 20.0, 25.0, 30.0, FailoverRun.Floor.counted(40));
        Verdict verdict = new Verdict(100, 0, 1, 0, 0, Map.of(), Map.of(), List.of("complaint c-7 has no case"));
        FailoverRun.Result run = new FailoverRun.Result(1, 2, ComplaintDriver.Routing.BY_USER, 100, 25, new ComplaintDriver.Submissions(List.of(), 3, 4.0),
                verdict, List.of(kill), 0, "-", "1.00 1.00 1.00 → 2.00 2.00 2.00");

        assertThat(FailoverReport.of(run)).endsWith("Problems found:\n\n- complaint c-7 has no case\n\n");
        assertThat(FailoverReport.of(result(kill, 0))).doesNotContain("Problems found");
    }

    @Test
    void eachStandbySettingHasItsOwnSectionBesideTheOtherResults() throws Exception {
        Path report = dir.resolve("reliability.md");
        Files.writeString(report, "prose\n" + FaultInjection.BEGIN + "\nkill table\n" + FaultInjection.END + "\n");
        String begin = "<!-- s0: begin -->";
        String end = "<!-- s0: end -->";

        FaultInjection.write(report, begin, end, begin + "\nfirst\n" + end);
        FaultInjection.write(report, begin, end, begin + "\nsecond\n" + end);

        assertThat(Files.readString(report)).isEqualTo("prose\n" + FaultInjection.BEGIN + "\nkill table\n" + FaultInjection.END + "\n\n"
                + begin + "\nsecond\n" + end + "\n");
    }
}
