package io.livecomplaints.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.platform.runtime.LocalCluster;
import io.livecomplaints.platform.simulator.EventPublisher;
import io.livecomplaints.platform.simulator.UpstreamWorld;
import io.livecomplaints.schemas.serde.HttpSchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast version of {@code bin/faults}: the five services as their own processes on a real broker, a few hundred
 * complaints through the intake API with Idempotency-Key resubmissions (some concurrent), a kill -9 of the broker that
 * keeps it down for longer than Kafka Streams' own 10-s transaction timeout, kill -9 of triage and of notification
 * mid-run (each restarted at once), poison on every consumed topic; then the verifier reads every output topic
 * read_committed and its verdict must be: nothing lost, nothing duplicated, one dead letter per poison record and
 * consuming service. No stream thread may have been fenced: the transactions open at the broker's crash must outlive
 * its outage (a fenced thread would throw its local state away). Timings (stalls, recovery) are measured by the
 * command, not asserted here.
 */
class FaultInjectionIT {

    private static final int COMPLAINTS = 600;
    /** Longer than the 10 s Kafka Streams gives a transaction by default, as a crashed broker's log recovery takes. */
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(12);

    @Test
    void killsPoisonAndResubmissionsLoseAndDuplicateNothing() throws Exception {
        Path target = Path.of(System.getProperty("services.dir", "target/services")).getParent();
        try (LocalCluster cluster = FaultInjection.start(target, Files.createTempDirectory("faults-it"))) {
            Topics topics = new Topics(new HttpSchemaRegistryClient(cluster.registryUrl()), true);
            UpstreamWorld world = new UpstreamWorld();
            try (EventPublisher publisher = new EventPublisher(cluster.bootstrapServers(), cluster.registryUrl())) {
                world.publish(topics, publisher, 5, 200, new Random(3), Instant.now());
            }
            Scenario scenario = new Scenario("ci", "broker kill -9 down 12 s at 15%, kill -9 triage at 50%, notification at 80%;"
                    + " poison; duplicates", List.of(
                    new Scenario.Fault(0.15, Scenario.Action.KILL_BROKER, null, BROKER_OUTAGE),
                    new Scenario.Fault(0.5, Scenario.Action.KILL_SERVICE, "triage-service"),
                    new Scenario.Fault(0.8, Scenario.Action.KILL_SERVICE, "notification-service")), true);
            try (LagMonitor monitor = new LagMonitor(cluster.bootstrapServers(), Scenario.SERVICES)) {
                ScenarioRunner.Result result = new ScenarioRunner(cluster, topics, world, monitor, FaultInjection.ACK_CHANNELS)
                        .run(scenario, COMPLAINTS, 8);
                String details = ReliabilityReport.details(result);
                Verdict verdict = result.verdict();

                assertThat(verdict.accepted()).as(details).isEqualTo(COMPLAINTS);
                assertThat(verdict.refusedKeys()).as(details).isZero();
                assertThat(verdict.lost()).as(details).isZero();
                assertThat(verdict.duplicated()).as(details).isZero();
                assertThat(verdict.dltExpectedTotal()).as(details).isPositive();
                assertThat(verdict.dltMatches()).as(details).isTrue();
                assertThat(result.faults()).as(details).hasSize(3).allMatch(f -> f.recoverySeconds() >= 0);
                assertThat(result.faults()).as(details).allMatch(f -> f.fenced().isEmpty());
            }
        }
    }
}
