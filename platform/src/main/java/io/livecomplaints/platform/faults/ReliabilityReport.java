package io.livecomplaints.platform.faults;

import io.livecomplaints.platform.faults.ScenarioRunner.FaultRecord;
import io.livecomplaints.platform.faults.ScenarioRunner.Result;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The per-scenario tables of a fault-injection run, for the console and docs/reliability.md. */
public final class ReliabilityReport {

    private ReliabilityReport() {
    }

    /** One line per scenario: the figures the issue asks for and the verdict. */
    public static String summary(List<Result> results) {
        StringBuilder md = new StringBuilder();
        md.append("| scenario | complaints filed | accepted | lost | duplicated | DLT expected | DLT actual | max stall s | max recovery s | verdict |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Result r : results) {
            Verdict v = r.verdict();
            md.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %.1f | %s | %s |%n", r.scenario().name(), r.complaints(),
                    v.accepted(), v.lost() + v.refusedKeys(), v.duplicated(), v.dltExpectedTotal(), v.dltActualTotal(),
                    r.maxStallMillis() / 1000.0, r.faults().isEmpty() ? "-" : String.format("%.1f", r.maxRecoverySeconds()),
                    r.passed() ? "PASS" : "**FAIL**"));
        }
        return md.toString();
    }

    /** The details of one scenario: faults with their recovery, dead letters per topic and service, problems found. */
    public static String details(Result r) {
        return heading(r) + body(r);
    }

    /**
     * One scenario's own section of docs/reliability.md: its heading, when and how it was measured, its summary line
     * and its details, so that it can be rewritten without the other scenarios' records.
     */
    public static String section(Result r, String command) {
        return heading(r) + measuredOn(command) + "\n\n" + summary(List.of(r)) + "\n" + body(r);
    }

    private static String heading(Result r) {
        return "#### " + r.scenario().name() + ": " + r.scenario().description() + "\n\n";
    }

    private static String body(Result r) {
        StringBuilder md = new StringBuilder();
        Verdict v = r.verdict();
        md.append(String.format("%d complaints at %.0f/s filed in %.0f s (%d HTTP retries with the same Idempotency-Key); "
                        + "%d distinct complaints accepted, %d keys never accepted; longest partition stall %.1f s (%s).%n%n",
                r.complaints(), r.rate(), r.submissions().seconds(), r.submissions().retries(), v.accepted(), v.refusedKeys(),
                r.maxStallMillis() / 1000.0, r.maxStallWhere()));
        if (!r.faults().isEmpty()) {
            md.append("| fault | recovery s | |\n| --- | ---: | --- |\n");
            for (FaultRecord f : r.faults()) {
                md.append(String.format("| %s | %s | %s |%n", f.fault(), f.recoverySeconds() < 0 ? "not recovered" : String.format("%.1f", f.recoverySeconds()),
                        f.note()));
            }
            md.append('\n');
        }
        if (!r.poisonWritten().isEmpty()) {
            md.append("| topic | poison written | dead letters expected (service=n) | dead letters found | skipped by global stores, expected | skipped, counted |\n")
                    .append("| --- | ---: | --- | --- | --- | --- |\n");
            java.util.Set<String> topics = new java.util.TreeSet<>(r.poisonWritten().keySet());
            topics.addAll(v.dltActual().keySet());
            for (String topic : topics) {
                md.append(String.format("| %s | %d | %s | %s | %s | %s |%n", topic, r.poisonWritten().getOrDefault(topic, 0),
                        v.dltExpected().getOrDefault(topic, java.util.Map.of()), v.dltActual().getOrDefault(topic, java.util.Map.of()),
                        r.skippedExpected().getOrDefault(topic, java.util.Map.of()), r.skippedActual() == null ? "not measured (services restarted)" : r.skippedActual().getOrDefault(topic, java.util.Map.of())));
            }
            md.append('\n');
        }
        appendProblems(md, v);
        return md.toString();
    }

    /** The verdict's problems as a list under "Problems found:", nothing when there are none. */
    static void appendProblems(StringBuilder md, Verdict v) {
        if (!v.problems().isEmpty()) {
            md.append("Problems found:\n\n");
            v.problems().forEach(p -> md.append("- ").append(p).append('\n'));
            md.append('\n');
        }
    }

    public static String measuredOn(String command) {
        return "Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " with `" + command + "` on this machine: "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ".";
    }
}
