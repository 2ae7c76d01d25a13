package io.livecomplaints.triage.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The flash-sale surge alert (deploy/prometheus/rules/complaint-surge.yml, on triage's complaints_triaged_total) is
 * checked by Prometheus's own rule tester: {@code promtool test rules} runs the series of
 * deploy/prometheus/tests/complaint-surge-test.yml
 * (a LOGISTICS surge fires, steady PRODUCT_QUALITY does not, nothing fires before the surge lasts 2 minutes).
 * promtool comes with the Debian package {@code prometheus} (bin/test installs it).
 */
class PrometheusRulesTest {

    private static final Path RULES = Path.of("..", "deploy", "prometheus", "rules");
    private static final Path TESTS = Path.of("..", "deploy", "prometheus", "tests");

    @Test
    void theSurgeAlertFiresOnASustainedSurgeOnly() throws Exception {
        assertThat(RULES.resolve("complaint-surge.yml")).exists();
        Result checked = promtool("check", "rules", "complaint-surge.yml");
        assertThat(checked.exit()).as(checked.output()).isZero();
        Result tested = run(TESTS, "promtool", "test", "rules", "complaint-surge-test.yml");
        assertThat(tested.exit()).as(tested.output()).isZero();
        assertThat(tested.output()).contains("SUCCESS");
    }

    @Test
    void aWrongExpectationFailsTheRuleTest() throws Exception {
        // the rule tester is not a formality: the same series with a claim that the alert never fires must fail
        String wrong = Files.readString(TESTS.resolve("complaint-surge-test.yml"), StandardCharsets.UTF_8)
                .replace("../rules/complaint-surge.yml", "complaint-surge.yml")
                .replace("              severity: page\n              type: LOGISTICS", "              severity: page\n              type: PRODUCT_QUALITY");
        Path copy = Files.createTempDirectory("rules");
        Files.copy(RULES.resolve("complaint-surge.yml"), copy.resolve("complaint-surge.yml"));
        Files.writeString(copy.resolve("wrong-test.yml"), wrong, StandardCharsets.UTF_8);
        Result result = run(copy, "promtool", "test", "rules", "wrong-test.yml");
        assertThat(result.exit()).as(result.output()).isNotZero();
    }

    private record Result(int exit, String output) {
    }

    private static Result promtool(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "promtool";
        System.arraycopy(args, 0, command, 1, args.length);
        return run(RULES, command);
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println(String.join(" ", command) + " -> " + process.exitValue() + "\n" + output);
        return new Result(process.exitValue(), output);
    }
}
