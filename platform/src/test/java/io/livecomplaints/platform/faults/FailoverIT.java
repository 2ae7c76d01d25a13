package io.livecomplaints.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.platform.runtime.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The small version of {@code bin/faults instances}: two instances of each of the five services (their own processes)
 * on a real broker, 1,500 complaints spread over both intakes round robin (as a plain load balancer does: every retry of
 * an Idempotency-Key on the other instance, so intake's cross-instance window writes some complaints twice, which
 * triage and notification must absorb), kill -9 of one instance of every service at once
 * half-way (restarted after the survivors recovered). The verifier must find nothing lost and nothing duplicated, and
 * every survivor must have answered its public read APIs correctly about complaints filed before the kill, its intake
 * accepted a complaint, and that complaint must have gone through the chain on the survivors. The times are measured
 * (printed), not asserted: they depend on the machine's load.
 */
class FailoverIT {

    @Test
    void survivorsAnswerEveryApiAndNothingIsLostOrDuplicated() throws Exception {
        Path target = Path.of(System.getProperty("services.dir", "target/services")).getParent();
        try (LocalCluster cluster = LocalCluster.in(target, Files.createTempDirectory("failover-it"))) {
            cluster.startBroker().startRegistry();
            try (ServiceReplicas replicas = ServiceReplicas.start(cluster, target, Scenario.SERVICES, 2, FaultInjection.standbyEnvironment(1))) {
                FailoverRun.Result result = FaultInjection.failoverOn(cluster, replicas, 1, ComplaintDriver.Routing.ROUND_ROBIN, 1500, 30, List.of(0.5));
                String report = FailoverReport.of(result);
                System.out.println(report);
                Verdict verdict = result.verdict();

                assertThat(verdict.accepted()).as(report).isEqualTo(1500);
                assertThat(verdict.refusedKeys()).as(report).isZero();
                assertThat(verdict.lost()).as(report).isZero();
                assertThat(verdict.duplicated()).as(report).isZero();
                assertThat(result.kills()).as(report).hasSize(1);
                FailoverRun.Kill kill = result.kills().get(0);
                assertThat(kill.victims()).as(report).hasSize(5);
                assertThat(kill.apiSeconds()).as(report).hasSize(5).allSatisfy((service, seconds) -> assertThat(seconds).isNotNegative());
                assertThat(kill.analyticsFloor().unavailable()).as(report).isNull();
                assertThat(kill.acceptSeconds()).as(report).isNotNegative();
                assertThat(kill.flowSeconds()).as(report).isNotNegative();
                assertThat(result.passed()).as(report).isTrue();
            }
        }
    }
}
