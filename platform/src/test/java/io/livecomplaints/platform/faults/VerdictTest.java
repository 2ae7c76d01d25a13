package io.livecomplaints.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.platform.faults.ComplaintDriver.Submissions;
import io.livecomplaints.platform.faults.ComplaintDriver.Submissions.KeyOutcome;
import io.livecomplaints.platform.faults.ComplaintDriver.Submissions.Repeat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final Set<String> IN_APP = Set.of("IN_APP");

    @Test
    void everyAcceptedComplaintThroughEveryStageOnceIsDelivered() {
        Observations seen = new Observations();
        through(seen, "C-1", 1);
        through(seen, "C-2", 2);

        Verdict verdict = Verdict.of(submissions(accepted("k1", Repeat.NONE, "C-1"), accepted("k2", Repeat.SEQUENTIAL, "C-2", "C-2")),
                seen, IN_APP, Map.of());

        assertThat(verdict.accepted()).isEqualTo(2);
        assertThat(verdict.lost()).isZero();
        assertThat(verdict.duplicated()).isZero();
        assertThat(verdict.delivered()).isTrue();
    }

    @Test
    void aComplaintMissingFromAStageIsLost() {
        Observations seen = new Observations();
        through(seen, "C-1", 1);
        seen.received("C-2", "e-r-2");
        seen.triaged("C-2", "e-t-2");
        seen.caseChange("C-2", 1, "e-c-2");
        seen.receipt("C-2", "e-r-2", "ACKNOWLEDGMENT", "IN_APP", "DEFERRED", "e-n-2"); // not final: still lost

        Verdict verdict = Verdict.of(submissions(accepted("k1", Repeat.NONE, "C-1"), accepted("k2", Repeat.NONE, "C-2")), seen, IN_APP, Map.of());

        assertThat(verdict.lost()).isEqualTo(1);
        assertThat(verdict.problems()).anyMatch(p -> p.contains("C-2") && p.contains("acknowledgment on IN_APP"));
        assertThat(verdict.delivered()).isFalse();
    }

    @Test
    void aSecondAcknowledgmentOrASecondTriagedRecordIsADuplicate() {
        Observations seen = new Observations();
        through(seen, "C-1", 1);
        seen.triaged("C-1", "e-t-1b");
        through(seen, "C-2", 2);
        seen.receipt("C-2", "e-r-2", "ACKNOWLEDGMENT", "IN_APP", "SENT", "e-n-2b");

        Verdict verdict = Verdict.of(submissions(accepted("k1", Repeat.NONE, "C-1"), accepted("k2", Repeat.NONE, "C-2")), seen, IN_APP, Map.of());

        assertThat(verdict.duplicated()).isEqualTo(2);
        assertThat(verdict.resubmissionsAbsorbed()).isZero();
        assertThat(verdict.lost()).isZero();
    }

    @Test
    void aSecondReceivedEventAbsorbedDownstreamIsAResubmissionNotADuplicate() {
        Observations seen = new Observations();
        through(seen, "C-1", 1);
        seen.received("C-1", "e-r-1b"); // intake wrote the complaint again; triage and notification accepted it once

        Verdict verdict = Verdict.of(submissions(accepted("k1", Repeat.CONCURRENT, "C-1")), seen, IN_APP, Map.of());

        assertThat(verdict.duplicated()).isZero();
        assertThat(verdict.resubmissionsAbsorbed()).isEqualTo(1);
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.delivered()).isTrue();

        seen.receipt("C-1", "e-r-1b", "ACKNOWLEDGMENT", "IN_APP", "SENT", "e-n-1b"); // ... unless it was acknowledged twice
        Verdict notAbsorbed = Verdict.of(submissions(accepted("k1", Repeat.CONCURRENT, "C-1")), seen, IN_APP, Map.of());
        assertThat(notAbsorbed.duplicated()).isEqualTo(1);
        assertThat(notAbsorbed.delivered()).isFalse();
    }

    @Test
    void theSameEventTwiceOnATopicIsADuplicate() {
        Observations seen = new Observations();
        through(seen, "C-1", 1);
        seen.event("complaint-outcomes", "e-o-1");
        seen.event("complaint-outcomes", "e-o-1");

        Verdict verdict = Verdict.of(submissions(accepted("k1", Repeat.NONE, "C-1")), seen, IN_APP, Map.of());

        assertThat(verdict.duplicated()).isEqualTo(1);
        assertThat(verdict.problems()).anyMatch(p -> p.contains("complaint-outcomes"));
    }

    @Test
    void twoComplaintsUnderOneIdempotencyKeyBreakIdempotency() {
        Observations seen = new Observations();
        through(seen, "C-1", 1);
        through(seen, "C-1x", 2);

        Verdict verdict = Verdict.of(submissions(accepted("k1", Repeat.CONCURRENT, "C-1", "C-1x")), seen, IN_APP, Map.of());

        assertThat(verdict.accepted()).isEqualTo(2);
        assertThat(verdict.duplicated()).isEqualTo(1);
        assertThat(verdict.problems()).anyMatch(p -> p.startsWith("idempotency: key k1"));
    }

    @Test
    void aKeyNeverAcceptedFailsTheRun() {
        KeyOutcome refused = new KeyOutcome("k1", Repeat.NONE);
        refused.refused("no answer within PT5M");

        Verdict verdict = Verdict.of(submissions(refused), new Observations(), IN_APP, Map.of());

        assertThat(verdict.refusedKeys()).isEqualTo(1);
        assertThat(verdict.delivered()).isFalse();
    }

    @Test
    void deadLettersMustMatchThePoisonPerTopicAndService() {
        Observations seen = new Observations();
        seen.deadLetter("complaints-received", "triage-service");
        seen.deadLetter("complaints-received", "notification-service");
        Map<String, Map<String, Integer>> expected = Map.of("complaints-received", Map.of("triage-service", 1, "notification-service", 1));

        assertThat(Verdict.of(submissions(), seen, IN_APP, expected).dltMatches()).isTrue();

        seen.deadLetter("complaints-received", "triage-service");
        Verdict twice = Verdict.of(submissions(), seen, IN_APP, expected);
        assertThat(twice.dltMatches()).isFalse();
        assertThat(twice.dltActualTotal()).isEqualTo(3);
        assertThat(twice.dltExpectedTotal()).isEqualTo(2);
    }

    @Test
    void poisonConsumersFollowTheTopologies() {
        // a topic read only into global stores skips poison; a stream source dead-letters it once per service
        assertThat(PoisonInjector.STREAM_CONSUMERS).doesNotContainKeys("live-sessions", "live-qos", "credit-records");
        assertThat(PoisonInjector.STREAM_CONSUMERS.get("complaints-triaged"))
                .containsExactlyInAnyOrder("resolution-service", "notification-service", "analytics-service");
        assertThat(PoisonInjector.consumedTopics()).contains("live-sessions", "live-qos", "commerce-orders", "complaint-submissions");
    }

    private static void through(Observations seen, String id, long n) {
        seen.received(id, "e-r-" + n);
        seen.triaged(id, "e-t-" + n);
        seen.caseChange(id, 1, "e-c-" + n);
        seen.receipt(id, "e-r-" + n, "ACKNOWLEDGMENT", "IN_APP", "DEFERRED", "e-n-" + n + "d");
        seen.receipt(id, "e-r-" + n, "ACKNOWLEDGMENT", "IN_APP", "SENT", "e-n-" + n);
        seen.receipt(id, "e-t-" + n, "ASSIGNED", "IN_APP", "SENT", "e-n-" + n + "a");
    }

    private static KeyOutcome accepted(String key, Repeat repeat, String... complaintIds) {
        KeyOutcome outcome = new KeyOutcome(key, repeat);
        for (String id : complaintIds) {
            outcome.accepted(id);
        }
        return outcome;
    }

    private static Submissions submissions(KeyOutcome... keys) {
        return new Submissions(List.of(keys), 0, 1.0);
    }
}
