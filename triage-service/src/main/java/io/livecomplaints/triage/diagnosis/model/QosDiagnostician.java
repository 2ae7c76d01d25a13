package io.livecomplaints.triage.diagnosis.model;

import io.livecomplaints.events.QosDiagnosis;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.events.QosVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * 自动化诊断 of a stream-quality complaint from the session's telemetry around the complaint time, in this order:
 * the anchor's push degraded (bitrate or fps far below expected) → ANCHOR_PUSH_DEGRADED; else a CDN node serving the
 * session overloaded (high load or stall ratio) → CDN_NODE_OVERLOADED naming the worst node; else everything healthy
 * → VIEWER_SIDE, answered automatically with advice; without samples → NO_TELEMETRY.
 */
public final class QosDiagnostician {

    private final QosThresholds thresholds;
    private final QosAdvice advice;

    public QosDiagnostician(QosThresholds thresholds, QosAdvice advice) {
        this.thresholds = thresholds;
        this.advice = advice;
    }

    public QosThresholds thresholds() {
        return thresholds;
    }

    public QosDiagnosis diagnose(String sessionId, Instant complaintAt, List<QosSample> telemetry, String language) {
        if (sessionId == null) {
            return verdict(QosVerdict.NO_TELEMETRY, null, null, List.of("no live session on the complaint"), null);
        }
        Instant from = complaintAt.minus(thresholds.lookBefore());
        Instant to = complaintAt.plus(thresholds.lookAfter());
        List<QosSample> samples = telemetry.stream()
                .filter(s -> sessionId.equals(s.getSessionId()))
                .filter(s -> s.getWindowStart().isBefore(to) && s.getWindowStart().plusSeconds(s.getWindowSeconds()).isAfter(from))
                .toList();
        if (samples.isEmpty()) {
            return verdict(QosVerdict.NO_TELEMETRY, null, null,
                    List.of("no live-qos samples of session " + sessionId + " between " + from + " and " + to), null);
        }
        List<String> findings = new ArrayList<>();
        List<QosSample> degraded = samples.stream().filter(this::pushDegraded).toList();
        String push = pushSummary(degraded.isEmpty() ? samples : degraded);
        if (degraded.size() >= thresholds.degradedShare() * samples.size()) {
            findings.add("anchor push degraded in " + degraded.size() + " of " + samples.size() + " samples: " + push);
            return verdict(QosVerdict.ANCHOR_PUSH_DEGRADED, null, samples.get(0).getRegion(), findings, null);
        }
        findings.add("anchor push healthy: " + push);
        Map<String, List<QosSample>> byNode = new TreeMap<>();
        samples.forEach(s -> byNode.computeIfAbsent(s.getCdnNode(), n -> new ArrayList<>()).add(s));
        List<NodeHealth> nodes = byNode.values().stream().map(NodeHealth::of)
                .sorted(Comparator.comparingDouble(NodeHealth::load).reversed()).toList();
        List<NodeHealth> overloaded = nodes.stream()
                .filter(n -> n.load() >= thresholds.maxNodeLoad() || n.stall() >= thresholds.maxStallRatio()).toList();
        if (!overloaded.isEmpty()) {
            NodeHealth worst = overloaded.get(0);
            overloaded.forEach(n -> findings.add("CDN node overloaded: " + n));
            return verdict(QosVerdict.CDN_NODE_OVERLOADED, worst.node(), worst.region(), findings, null);
        }
        nodes.forEach(n -> findings.add("CDN node healthy: " + n));
        return verdict(QosVerdict.VIEWER_SIDE, null, samples.get(0).getRegion(), findings, advice.in(language));
    }

    private boolean pushDegraded(QosSample sample) {
        return sample.getPushBitrateKbps() < thresholds.minPushBitrateRatio() * sample.getExpectedBitrateKbps()
                || sample.getPushFps() < thresholds.minPushFps();
    }

    private static String pushSummary(List<QosSample> samples) {
        double bitrate = samples.stream().mapToInt(QosSample::getPushBitrateKbps).average().orElse(0);
        double expected = samples.stream().mapToInt(QosSample::getExpectedBitrateKbps).average().orElse(0);
        double fps = samples.stream().mapToDouble(QosSample::getPushFps).average().orElse(0);
        return String.format(Locale.ROOT, "%.0f of %.0f kbps (%.0f%%), %.1f fps", bitrate, expected,
                expected == 0 ? 0 : 100 * bitrate / expected, fps);
    }

    private static QosDiagnosis verdict(QosVerdict verdict, String node, String region, List<String> findings, String advice) {
        return QosDiagnosis.newBuilder().setVerdict(verdict).setCdnNode(node).setRegion(region)
                .setFindings(List.copyOf(findings)).setAdvice(advice).build();
    }

    private record NodeHealth(String node, String region, double load, double stall, int samples) {

        static NodeHealth of(List<QosSample> samples) {
            return new NodeHealth(samples.get(0).getCdnNode(), samples.get(0).getRegion(),
                    samples.stream().mapToDouble(QosSample::getNodeLoad).average().orElse(0),
                    samples.stream().mapToDouble(QosSample::getStallRatio).average().orElse(0), samples.size());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (%s) load %.0f%%, stall %.1f%% over %d samples", node, region,
                    100 * load, 100 * stall, samples);
        }
    }
}
