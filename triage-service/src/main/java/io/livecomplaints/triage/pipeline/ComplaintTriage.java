package io.livecomplaints.triage.pipeline;

import io.livecomplaints.schemas.records.ShallowCopy;
import io.livecomplaints.events.Classification;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.QosDiagnosis;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.events.QosVerdict;
import io.livecomplaints.events.Severity;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Parties;
import io.livecomplaints.support.privacy.MaskedContacts;
import io.livecomplaints.triage.classification.model.ClassificationResult;
import io.livecomplaints.triage.classification.model.ComplaintClassifier;
import io.livecomplaints.triage.diagnosis.ComplaintSessions;
import io.livecomplaints.triage.diagnosis.model.QosDiagnostician;
import io.livecomplaints.triage.grading.model.EmotionDetector;
import io.livecomplaints.triage.grading.model.Grade;
import io.livecomplaints.triage.grading.model.Grader;
import io.livecomplaints.triage.grading.model.GradingFacts;
import io.livecomplaints.triage.grading.model.UserCredit;
import io.livecomplaints.triage.routing.model.TeamRouting;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The steps of 分发 on one complaint, as plain functions the stream topology and the preview API share: assess
 * (classify, diagnose a stream fault, choose the team, keep only the masked contact), grade (severity and priority with their reasons);
 * the incident and the agent are added by the stateful steps ({@code IncidentMarker}, {@code AgentAssigner}).
 */
public final class ComplaintTriage {

    private static final Set<QosVerdict> PLATFORM_SIDE = Set.of(QosVerdict.ANCHOR_PUSH_DEGRADED, QosVerdict.CDN_NODE_OVERLOADED);

    private final Supplier<ComplaintClassifier> classifier;
    private final TeamRouting teams;
    private final QosDiagnostician diagnostician;
    private final Grader grader;
    private final EmotionDetector emotion;
    private final Clock clock;

    public ComplaintTriage(Supplier<ComplaintClassifier> classifier, TeamRouting teams, QosDiagnostician diagnostician,
                           Grader grader, EmotionDetector emotion, Clock clock) {
        this.classifier = classifier;
        this.teams = teams;
        this.diagnostician = diagnostician;
        this.grader = grader;
        this.emotion = emotion;
        this.clock = clock;
    }

    public QosDiagnostician diagnostician() {
        return diagnostician;
    }

    /** Where the live-qos telemetry of a session is read from. */
    @FunctionalInterface
    public interface Telemetry {
        List<QosSample> around(String sessionId, Instant from, Instant to);
    }

    /** Classification, QoS diagnosis for stream complaints, team; severity and priority are not graded yet. */
    public ComplaintTriaged assess(ComplaintReceived complaint, Telemetry telemetry) {
        ClassificationResult result = classifier.get().classify(complaint.getText());
        QosDiagnosis diagnosis = null;
        if (result.primaryType() == ComplaintType.STREAM_QUALITY || result.secondaryTypes().contains(ComplaintType.STREAM_QUALITY)) {
            String session = ComplaintSessions.sessionOf(complaint);
            Instant at = complaintTime(complaint);
            List<QosSample> samples = session == null ? List.of() : telemetry.around(session,
                    at.minus(diagnostician.thresholds().lookBefore()), at.plus(diagnostician.thresholds().lookAfter()));
            diagnosis = diagnostician.diagnose(session, at, samples, result.language());
        }
        boolean platformFault = diagnosis != null && PLATFORM_SIDE.contains(diagnosis.getVerdict());
        boolean autoReply = diagnosis != null && diagnosis.getVerdict() == QosVerdict.VIEWER_SIDE
                && result.primaryType() == ComplaintType.STREAM_QUALITY;
        return ComplaintTriaged.newBuilder()
                .setEnvelope(Envelopes.following(complaint.getEnvelope(), Parties.TRIAGE, clock.instant()))
                .setComplaint(withoutContact(complaint))
                .setMaskedContact(MaskedContacts.of(complaint.getContact()))
                .setClassification(Classification.newBuilder()
                        .setPrimaryType(result.primaryType())
                        .setSecondaryTypes(result.secondaryTypes())
                        .setConfidence(result.confidence())
                        .setLanguage(result.language())
                        .setSignals(result.signals())
                        .setModelVersion(result.modelVersion())
                        .build())
                .setSeverity(Severity.MEDIUM)
                .setPriority(0)
                .setTeam(teams.teamFor(result.primaryType(), platformFault))
                .setDiagnosis(diagnosis)
                .setAutoReply(autoReply)
                .build();
    }

    /** Severity, priority and reasons from the assessed complaint, whether it repeats one on its order, the user's credit. */
    public ComplaintTriaged grade(ComplaintTriaged assessed, boolean repeat, UserCredit credit) {
        ComplaintReceived complaint = assessed.getComplaint();
        Classification classification = assessed.getClassification();
        Grade grade = grader.grade(new GradingFacts(classification.getPrimaryType(), classification.getSecondaryTypes(),
                complaint.getChannel(), complaint.getText(), complaint.getDemands(), amountOf(complaint), complaint.getVip(),
                repeat, emotion.read(complaint.getText()), credit));
        ComplaintTriaged graded = ShallowCopy.of(assessed); // not newBuilder(assessed): that deep-copies the whole complaint
        graded.setSeverity(grade.severity());
        graded.setPriority(grade.priority());
        graded.setPriorityReasons(grade.reasons());
        graded.setRepeatComplaint(repeat);
        return graded;
    }

    /**
     * Contact data only where it is needed: notification reads it from complaints-received; resolution, analytics and
     * agents downstream of complaints-triaged get the masked contact only.
     */
    static ComplaintReceived withoutContact(ComplaintReceived complaint) {
        if (complaint.getContact() == null) {
            return complaint;
        }
        ComplaintReceived withoutContact = ShallowCopy.of(complaint);
        withoutContact.setContact(null);
        return withoutContact;
    }

    /** When the problem happened: as the user said, else when the complaint arrived. */
    public static Instant complaintTime(ComplaintReceived complaint) {
        return complaint.getIncidentAt() != null ? complaint.getIncidentAt() : complaint.getReceivedAt();
    }

    /** The money at stake: what the user claims, else what the order cost. */
    public static Long amountOf(ComplaintReceived complaint) {
        return complaint.getClaimedAmountFen() != null ? complaint.getClaimedAmountFen() : complaint.getEnrichment().getAmountPaidFen();
    }
}
