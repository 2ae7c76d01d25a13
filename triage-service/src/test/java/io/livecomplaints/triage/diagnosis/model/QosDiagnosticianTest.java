package io.livecomplaints.triage.diagnosis.model;

import static io.livecomplaints.triage.pipeline.TriageFixtures.healthy;
import static io.livecomplaints.triage.pipeline.TriageFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.QosDiagnosis;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.events.QosVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QosDiagnosticianTest {

    private static final Instant AT = Instant.parse("2025-06-18T20:00:00Z");
    private final QosDiagnostician diagnostician = new QosDiagnostician(
            new QosThresholds(Duration.ofMinutes(3), Duration.ofMinutes(1), 0.6, 20, 0.5, 0.85, 0.08),
            new QosAdvice("请检查网络", "Check your network"));

    private static List<QosSample> series(java.util.function.Function<Instant, QosSample> sample) {
        List<QosSample> samples = new ArrayList<>();
        for (Instant t = AT.minus(Duration.ofMinutes(10)); t.isBefore(AT.plus(Duration.ofMinutes(5))); t = t.plusSeconds(30)) {
            samples.add(sample.apply(t));
        }
        return samples;
    }

    @Test
    void lowPushBitrateOrFpsIsTheAnchorsPush() {
        QosDiagnosis d = diagnostician.diagnose("S-1", AT, series(t -> sample("S-1", "cdn-1", t, 700, 28, 0.1, 0.4)), "zh-CN");
        assertThat(d.getVerdict()).isEqualTo(QosVerdict.ANCHOR_PUSH_DEGRADED);
        assertThat(d.getFindings()).singleElement().asString().contains("anchor push degraded in 8 of 8 samples").contains("700 of 3000 kbps (23%)");
        QosDiagnosis lowFps = diagnostician.diagnose("S-1", AT, series(t -> sample("S-1", "cdn-1", t, 2900, 12, 0.1, 0.4)), "zh-CN");
        assertThat(lowFps.getVerdict()).isEqualTo(QosVerdict.ANCHOR_PUSH_DEGRADED);
    }

    @Test
    void aHealthyPushOnAnOverloadedNodeIsTheCdnNamingTheWorstNode() {
        List<QosSample> samples = new ArrayList<>(series(t -> healthy("S-1", "cdn-good", t)));
        samples.addAll(series(t -> sample("S-1", "cdn-busy", t, 2900, 29, 0.03, 0.9)));
        samples.addAll(series(t -> sample("S-1", "cdn-stalling", t, 2900, 29, 0.2, 0.5)));
        QosDiagnosis d = diagnostician.diagnose("S-1", AT, samples, "zh-CN");
        assertThat(d.getVerdict()).isEqualTo(QosVerdict.CDN_NODE_OVERLOADED);
        assertThat(d.getCdnNode()).isEqualTo("cdn-busy");
        assertThat(d.getFindings()).anyMatch(f -> f.startsWith("anchor push healthy"))
                .anyMatch(f -> f.contains("cdn-stalling")).noneMatch(f -> f.contains("cdn-good"));
        assertThat(d.getAdvice()).isNull();
    }

    @Test
    void everythingHealthyIsTheViewerWithAdviceInTheirLanguage() {
        QosDiagnosis zh = diagnostician.diagnose("S-1", AT, series(t -> healthy("S-1", "cdn-1", t)), "zh-CN");
        QosDiagnosis en = diagnostician.diagnose("S-1", AT, series(t -> healthy("S-1", "cdn-1", t)), "en");
        assertThat(zh.getVerdict()).isEqualTo(QosVerdict.VIEWER_SIDE);
        assertThat(zh.getAdvice()).isEqualTo("请检查网络");
        assertThat(en.getAdvice()).isEqualTo("Check your network");
    }

    @Test
    void onlyTheWindowAroundTheComplaintAndItsSessionCount() {
        List<QosSample> samples = new ArrayList<>();
        samples.add(sample("S-1", "cdn-1", AT.minus(Duration.ofMinutes(20)), 500, 5, 0.5, 0.99)); // long before
        samples.add(sample("S-2", "cdn-1", AT, 500, 5, 0.5, 0.99));                               // another session
        samples.add(healthy("S-1", "cdn-1", AT.minusSeconds(60)));
        assertThat(diagnostician.diagnose("S-1", AT, samples, "en").getVerdict()).isEqualTo(QosVerdict.VIEWER_SIDE);
        assertThat(diagnostician.diagnose("S-1", AT.plus(Duration.ofHours(1)), samples, "en").getVerdict()).isEqualTo(QosVerdict.NO_TELEMETRY);
        assertThat(diagnostician.diagnose(null, AT, samples, "en").getFindings()).containsExactly("no live session on the complaint");
    }
}
