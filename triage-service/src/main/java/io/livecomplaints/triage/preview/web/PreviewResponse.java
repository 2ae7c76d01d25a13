package io.livecomplaints.triage.preview.web;

import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.QosDiagnosis;
import java.util.List;

/** What triage would decide for a complaint; nothing was emitted. */
public record PreviewResponse(Classification classification, String severity, int priority, List<String> priorityReasons,
                              String team, Diagnosis diagnosis, boolean autoReply, boolean emitted) {

    public record Classification(String primaryType, List<String> secondaryTypes, double confidence, String language,
                                 List<String> signals, String modelVersion) {
    }

    public record Diagnosis(String verdict, String cdnNode, String region, List<String> findings, String advice) {
    }

    static PreviewResponse of(ComplaintTriaged triaged) {
        io.livecomplaints.events.Classification c = triaged.getClassification();
        QosDiagnosis d = triaged.getDiagnosis();
        return new PreviewResponse(
                new Classification(c.getPrimaryType().name(), c.getSecondaryTypes().stream().map(Enum::name).toList(),
                        Math.round(c.getConfidence() * 1000) / 1000.0, c.getLanguage(), c.getSignals(), c.getModelVersion()),
                triaged.getSeverity().name(), triaged.getPriority(), triaged.getPriorityReasons(), triaged.getTeam(),
                d == null ? null : new Diagnosis(d.getVerdict().name(), d.getCdnNode(), d.getRegion(), d.getFindings(), d.getAdvice()),
                triaged.getAutoReply(), false);
    }
}
