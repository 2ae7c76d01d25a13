package io.livecomplaints.triage.diagnosis;

import io.livecomplaints.triage.diagnosis.model.QosAdvice;
import io.livecomplaints.triage.diagnosis.model.QosThresholds;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code complaints.triage.qos.*}: telemetry window and thresholds of the automatic diagnosis, the advice reply. */
@ConfigurationProperties("complaints.triage.qos")
public record DiagnosisProperties(Duration lookBefore, Duration lookAfter, Duration retention, double minPushBitrateRatio,
                                  double minPushFps, double degradedShare, double maxNodeLoad, double maxStallRatio,
                                  String adviceZh, String adviceEn) {

    public QosThresholds thresholds() {
        return new QosThresholds(lookBefore, lookAfter, minPushBitrateRatio, minPushFps, degradedShare, maxNodeLoad, maxStallRatio);
    }

    public QosAdvice advice() {
        return new QosAdvice(adviceZh, adviceEn);
    }
}
