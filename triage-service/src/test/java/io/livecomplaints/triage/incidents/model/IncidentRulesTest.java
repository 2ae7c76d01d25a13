package io.livecomplaints.triage.incidents.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.IncidentKind;
import io.livecomplaints.events.QosVerdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncidentRulesTest {

    private static final long T0 = Instant.parse("2025-06-18T20:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    @Test
    void qosComplaintsJoinTheOpenIncidentUntilAQuietGap() {
        QosIncidents qos = new QosIncidents(Duration.ofMinutes(30));
        IncidentState first = qos.join(null, "cdn-cdn-sh-1", T0);
        IncidentState second = qos.join(first, "cdn-cdn-sh-1", T0 + 10 * MINUTE);
        IncidentState afterGap = qos.join(second, "cdn-cdn-sh-1", T0 + 41 * MINUTE);
        assertThat(first.incidentId()).isEqualTo("INC-QOS-cdn-cdn-sh-1-20250618T200000Z");
        assertThat(second.incidentId()).isEqualTo(first.incidentId());
        assertThat(second.size()).isEqualTo(2);
        assertThat(afterGap.incidentId()).isNotEqualTo(first.incidentId());
        assertThat(afterGap.size()).isEqualTo(1);
    }

    @Test
    void aSurgeOpensAtTheThresholdCountingTheWholeBurst() {
        SurgeDetector surge = new SurgeDetector(Duration.ofMinutes(5), 3);
        IncidentState s = surge.record(null, "S-1-PRICE", T0);
        s = surge.record(s, "S-1-PRICE", T0 + MINUTE);
        assertThat(s.open()).isFalse();
        s = surge.record(s, "S-1-PRICE", T0 + 2 * MINUTE);
        assertThat(s.open()).isTrue();
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.firstSeenAt()).isEqualTo(T0);
        assertThat(s.kind()).isEqualTo(IncidentKind.SURGE);
        IncidentState next = surge.record(s, "S-1-PRICE", T0 + 6 * MINUTE);
        assertThat(next.incidentId()).isEqualTo(s.incidentId());
        assertThat(next.size()).isEqualTo(4);
    }

    @Test
    void complaintsSpreadOverMoreThanTheWindowAreNoSurge() {
        SurgeDetector surge = new SurgeDetector(Duration.ofMinutes(5), 3);
        IncidentState s = null;
        for (int i = 0; i < 10; i++) {
            s = surge.record(s, "S-1-PRICE", T0 + i * 3 * MINUTE);
        }
        assertThat(s.open()).isFalse();
        assertThat(s.recent()).hasSize(2);
    }

    @Test
    void platformFaultsGroupByCauseOtherComplaintsBySessionAndType() {
        assertThat(Grouping.of(QosVerdict.CDN_NODE_OVERLOADED, "cdn-1", "S-1", ComplaintType.STREAM_QUALITY))
                .contains(new Grouping(IncidentKind.QOS, "cdn-cdn-1"));
        assertThat(Grouping.of(QosVerdict.ANCHOR_PUSH_DEGRADED, null, "S-1", ComplaintType.STREAM_QUALITY))
                .contains(new Grouping(IncidentKind.QOS, "push-S-1"));
        assertThat(Grouping.of(QosVerdict.VIEWER_SIDE, null, "S-1", ComplaintType.STREAM_QUALITY))
                .contains(new Grouping(IncidentKind.SURGE, "S-1-STREAM_QUALITY"));
        assertThat(Grouping.of(null, null, null, ComplaintType.PRICE)).isEmpty();
    }
}
