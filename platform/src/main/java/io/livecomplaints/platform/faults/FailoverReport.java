package io.livecomplaints.platform.faults;

import io.livecomplaints.platform.faults.FailoverRun.Kill;
import io.livecomplaints.platform.faults.FailoverRun.Result;
import java.util.Map;

/** The tables of a {@code bin/faults instances} run, for the console and docs/reliability.md. */
public final class FailoverReport {

    private FailoverReport() {
    }

    /** The delivery verdict and, per kill round, the survivors' recovery times. */
    public static String of(Result r) {
        Verdict v = r.verdict();
        StringBuilder md = new StringBuilder();
        md.append(String.format("#### %d instances of each service, num.standby.replicas=%d: %s%n%n", r.instances(), r.standbyReplicas(),
                r.passed() ? "PASS" : "**FAIL**"));
        md.append(String.format("%d complaints at %.0f/s filed in %.0f s over the intake instances (%s; %d HTTP retries with the same "
                        + "Idempotency-Key); %d distinct complaints accepted, %d keys never accepted, **%d lost, %d duplicated** (%d resubmissions absorbed: "
                        + "a complaint intake wrote twice, accepted once downstream); "
                        + "longest partition stall outside the kills %.1f s (%s). Load average (1/5/15 min) %s.%n%n",
                r.complaints(), r.rate(), r.submissions().seconds(), r.routing() == ComplaintDriver.Routing.BY_USER
                        ? "affinity by user, another instance only when one does not answer" : "round robin, every retry on the next instance",
                r.submissions().retries(), v.accepted(), v.refusedKeys(), v.lost(),
                v.duplicated(), v.resubmissionsAbsorbed(), r.maxStallMillis() / 1000.0, r.maxStallWhere(), r.load()));
        md.append("Seconds from the kill -9 until the survivor answered every probe correctly, per service; until a survivor's intake "
                + "accepted a complaint; until that complaint's case and acknowledgment were readable (flow moving); until every "
                + "group had caught up; and the victims' restart until ready (\"not in time\": not within 240 s, a restart not within 360 s).\n\n");
        md.append("| round | at | killed | intake | triage | resolution | notification | analytics | all APIs | accepts | flow moving | caught up | restart |\n");
        md.append("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Kill k : r.kills()) {
            md.append(String.format("| %d | %d%% (complaint %d) | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", k.round(),
                    Math.round(k.atFraction() * 100), k.issuedAt(), String.join(", ", k.victims()),
                    s(k.apiSeconds().get("intake-service")), s(k.apiSeconds().get("triage-service")),
                    s(k.apiSeconds().get("resolution-service")), s(k.apiSeconds().get("notification-service")),
                    s(k.apiSeconds().get("analytics-service")), s(k.allApisSeconds()), s(k.acceptSeconds()), s(k.flowSeconds()),
                    s(k.caughtUpSeconds()), s(k.restartSeconds())));
        }
        md.append('\n');
        boolean anyWrong = r.kills().stream().anyMatch(k -> !k.lastFailures().isEmpty());
        if (anyWrong) {
            md.append("Last wrong answer of each survivor before it answered correctly:\n\n");
            for (Kill k : r.kills()) {
                for (Map.Entry<String, String> wrong : k.lastFailures().entrySet()) {
                    md.append("- round ").append(k.round()).append(", ").append(wrong.getKey()).append(": `")
                            .append(wrong.getValue().replace('`', '\'').replace('\n', ' ')).append("`\n");
                }
            }
            md.append('\n');
        }
        for (Kill k : r.kills()) {
            if (k.analyticsFloor().unavailable() != null) {
                md.append("- round ").append(k.round()).append(", analytics-service: ").append(k.analyticsFloor().describe().replace('`', '\'')
                        .replace('\n', ' ')).append(" — its probe only needed a 200 with counts\n");
            }
        }
        if (r.kills().stream().anyMatch(k -> k.analyticsFloor().unavailable() != null)) {
            md.append('\n');
        }
        ReliabilityReport.appendProblems(md, v);
        return md.toString();
    }

    private static String s(Double seconds) {
        return seconds == null || seconds < 0 ? "not in time" : String.format("%.1f", seconds);
    }
}
