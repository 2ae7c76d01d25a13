package io.livecomplaints.resolution.cases;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SlaEventKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * What the SLA schedule costs in the log: every write to the schedule store's changelog (puts and tombstones) over a
 * case's whole life, read from the changelog topic the TopologyTestDriver captures, with time moving five minutes per
 * punctuation. One entry per case, moved only when the case's next timer moves: a worked case 6 writes, a fast-path
 * case 2, an unattended case 2 per distinct instant its timers fire at. (The former encoding, one entry per timer
 * including those of clocks already met, each deleted when due: 10, 10 and 8 for the same three lives.)
 */
class ScheduleChangelogTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private static final String CHANGELOG = "resolution-test-" + CaseTopology.DEADLINES + "-changelog";

    @Test
    void aWorkedCaseWritesItsEntryWhenOpenedAndAgainOnlyWhenItsNextTimerMoves() throws Exception {
        try (CaseTopologyHarness h = new CaseTopologyHarness(policies(), T0)) {
            h.open(triaged("C-w", T0).build()); // put: first-response warning
            pass(h, Duration.ofMinutes(10));
            // answered: delete + put (resolution warning); resolved: delete + put (auto-close)
            h.send(command("C-w", agent("A-1", AgentTier.JUNIOR), CommandAction.ACCEPT, h.clock.instant()).build());
            h.send(command("C-w", agent("A-1", AgentTier.JUNIOR), CommandAction.PROGRESS_NOTE, h.clock.instant())
                    .setNote("refund on its way").build()); // no timer moves: no write
            h.send(command("C-w", agent("A-1", AgentTier.JUNIOR), CommandAction.RESOLVE, h.clock.instant()).setDecision(exchange()).build());
            pass(h, Duration.ofDays(8)); // auto-close fires: delete

            assertThat(h.caseOf("C-w").getState()).isEqualTo(CaseState.CLOSED);
            assertThat(h.slaEvents.isEmpty()).isTrue();
            assertThat(writesOf(h, "C-w")).isEqualTo(6);
            assertThat(h.scheduled()).isEmpty();
        }
    }

    @Test
    void anUnattendedCaseWritesTwicePerInstantItsTimersFireAt() throws Exception {
        try (CaseTopologyHarness h = new CaseTopologyHarness(policies(), T0)) {
            h.open(triaged("C-u", T0).build()); // put
            pass(h, Duration.ofDays(3)); // first-response warning, breach, resolution warning: delete + put each; breach: delete

            assertThat(h.slaEvents.readValuesToList()).extracting(SlaEvent::getKind).containsExactly(SlaEventKind.WARNING,
                    SlaEventKind.BREACHED, SlaEventKind.ESCALATED, SlaEventKind.WARNING, SlaEventKind.BREACHED, SlaEventKind.ESCALATED);
            assertThat(h.caseOf("C-u").getEscalationLevel()).isEqualTo(2);
            assertThat(writesOf(h, "C-u")).isEqualTo(8);
            assertThat(h.scheduled()).isEmpty();
        }
    }

    @Test
    void aCaseResolvedAtOpeningWritesOnlyItsAutoClose() throws Exception {
        try (CaseTopologyHarness h = new CaseTopologyHarness(policies(), T0)) {
            h.open(smallClaim("C-f", T0)); // express refund: every clock met at once; put: auto-close
            pass(h, Duration.ofDays(8)); // delete

            assertThat(h.caseOf("C-f").getState()).isEqualTo(CaseState.CLOSED);
            assertThat(writesOf(h, "C-f")).isEqualTo(2);
        }
    }

    /** Lets {@code total} pass, a punctuation every five minutes. */
    private static void pass(CaseTopologyHarness h, Duration total) {
        Duration step = Duration.ofMinutes(5);
        for (Duration passed = Duration.ZERO; passed.compareTo(total) < 0; passed = passed.plus(step)) {
            h.advance(step.compareTo(total.minus(passed)) < 0 ? step : total.minus(passed));
        }
    }

    /** Changelog records (puts and tombstones) of one case's schedule entries: key = 8 time bytes + complaint id. */
    private static int writesOf(CaseTopologyHarness h, String complaintId) {
        List<TestRecord<byte[], byte[]>> records = h.driver.createOutputTopic(CHANGELOG, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readRecordsToList();
        assertThat(records).as("the changelog of " + CaseTopology.DEADLINES).isNotEmpty();
        return (int) records.stream().map(r -> new String(r.key(), Long.BYTES, r.key().length - Long.BYTES, StandardCharsets.UTF_8))
                .filter(complaintId::equals).count();
    }
}
