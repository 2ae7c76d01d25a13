package io.livecomplaints.triage.pipeline;

import io.livecomplaints.events.Classification;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Writers;
import io.livecomplaints.triage.classification.model.KeywordClassifier;
import io.livecomplaints.triage.routing.model.SeverityPolicy;
import io.livecomplaints.triage.routing.model.TeamRouting;
import java.time.Clock;

/** Turns a received complaint into a triaged one: type, severity, priority and team, each with its reasons. */
public class ComplaintTriage {

    private final KeywordClassifier classifier;
    private final SeverityPolicy severity;
    private final TeamRouting routing;
    private final Clock clock;

    public ComplaintTriage(KeywordClassifier classifier, SeverityPolicy severity, TeamRouting routing, Clock clock) {
        this.classifier = classifier;
        this.severity = severity;
        this.routing = routing;
        this.clock = clock;
    }

    public ComplaintTriaged triage(ComplaintReceived complaint) {
        Classification classification = classifier.classify(complaint.getText());
        Long amount = complaint.getClaimedAmountFen() != null ? complaint.getClaimedAmountFen()
                : complaint.getEnrichment().getAmountPaidFen();
        SeverityPolicy.Grade grade = severity.grade(classification.getPrimaryType(), complaint.getChannel(), amount);
        return ComplaintTriaged.newBuilder()
                .setEnvelope(Envelopes.following(complaint.getEnvelope(), Writers.TRIAGE, clock.instant()))
                .setComplaint(complaint)
                .setClassification(classification)
                .setSeverity(grade.severity())
                .setPriority(grade.priority())
                .setPriorityReasons(grade.reasons())
                .setTeam(routing.teamFor(classification.getPrimaryType()))
                .build();
    }
}
