package io.livecomplaints.triage.pipeline;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Enrichment;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.events.Severity;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Parties;
import io.livecomplaints.triage.classification.ClassifierHolder;
import io.livecomplaints.triage.classification.SmartChineseSegmenter;
import io.livecomplaints.triage.classification.model.ClassifierSettings;
import io.livecomplaints.triage.diagnosis.model.QosAdvice;
import io.livecomplaints.triage.diagnosis.model.QosDiagnostician;
import io.livecomplaints.triage.diagnosis.model.QosThresholds;
import io.livecomplaints.triage.grading.model.AmountRule;
import io.livecomplaints.triage.grading.model.BaselineSeverity;
import io.livecomplaints.triage.grading.model.EmotionDetector;
import io.livecomplaints.triage.grading.model.FundsSafetyRule;
import io.livecomplaints.triage.grading.model.Grader;
import io.livecomplaints.triage.grading.model.LowTrustRule;
import io.livecomplaints.triage.grading.model.PriorityScale;
import io.livecomplaints.triage.grading.model.PublicOpinionChannelRule;
import io.livecomplaints.triage.grading.model.RepeatComplaintRule;
import io.livecomplaints.triage.routing.model.Agent;
import io.livecomplaints.triage.routing.model.AgentRoster;
import io.livecomplaints.triage.routing.model.AgentSelection;
import io.livecomplaints.triage.routing.model.TeamRouting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Builders of complaints and telemetry, and a triage with small, explicit numbers, for topology tests. */
public final class TriageFixtures {

    public static final ClassifierHolder CLASSIFIER = new ClassifierHolder("classpath:classifier/", new SmartChineseSegmenter(),
            ClassifierSettings.defaults(), Clock.systemUTC());

    private TriageFixtures() {
    }

    public static ComplaintTriage triage(Clock clock) {
        Grader grader = new Grader(new BaselineSeverity(Set.of(ComplaintType.LOGISTICS)), List.of(
                new FundsSafetyRule(40), new AmountRule(50_000, 15, 20_000, 5),
                new PublicOpinionChannelRule(Set.of(Channel.REGULATOR, Channel.SOCIAL_MEDIA), 20),
                new RepeatComplaintRule(10), new LowTrustRule(3, 0.5, -15)),
                new PriorityScale(Map.of(Severity.LOW, 20, Severity.MEDIUM, 40, Severity.HIGH, 60), 90));
        return new ComplaintTriage(CLASSIFIER::classifier,
                new TeamRouting(Map.of(ComplaintType.LOGISTICS, "logistics", ComplaintType.STREAM_QUALITY, "tech-support",
                        ComplaintType.PRICE, "after-sales"), "after-sales", "tech-support"),
                new QosDiagnostician(new QosThresholds(Duration.ofMinutes(3), Duration.ofMinutes(1), 0.6, 20, 0.5, 0.85, 0.08),
                        new QosAdvice("请检查您的网络", "Please check your network")),
                grader, new EmotionDetector(List.of("气死"), 2), clock);
    }

    public static AgentSelection agents(int cap) {
        return new AgentSelection(new AgentRoster(List.of(
                new Agent("L-1", "logistics", AgentTier.INTERMEDIATE, Set.of(), Set.of(), 0),
                new Agent("L-2", "logistics", AgentTier.JUNIOR, Set.of(), Set.of(), 0),
                new Agent("T-1", "tech-support", AgentTier.SENIOR, Set.of(), Set.of(), 0))), cap, AgentTier.SENIOR);
    }

    public static ComplaintReceived complaint(String id, String text, Instant at) {
        return ComplaintReceived.newBuilder()
                .setEnvelope(Envelopes.create(id, Parties.INTAKE, null, at))
                .setUserId("U-" + id)
                .setChannel(Channel.APP_CHAT)
                .setText(text)
                .setSource("test")
                .setEnrichment(Enrichment.newBuilder().build())
                .setReceivedAt(at)
                .setFirstResponseDueAt(at.plus(Duration.ofMinutes(5)))
                .build();
    }

    public static ComplaintReceived aboutSession(String id, String text, String sessionId, Instant at) {
        return ComplaintReceived.newBuilder(complaint(id, text, at)).setChannel(Channel.LIVE_ROOM_BUTTON).setSessionId(sessionId).build();
    }

    public static ComplaintReceived aboutOrder(String id, String text, String orderId, Instant at) {
        return ComplaintReceived.newBuilder(complaint(id, text, at)).setChannel(Channel.ORDER_PAGE).setOrderId(orderId).build();
    }

    /** One 30 s telemetry window of a session on a CDN node. */
    public static QosSample sample(String sessionId, String cdnNode, Instant windowStart, int pushKbps, double fps, double stall, double load) {
        return QosSample.newBuilder()
                .setEnvelope(Envelopes.create(null, Parties.UPSTREAM, UUID.randomUUID().toString(), windowStart))
                .setSessionId(sessionId).setRoomId("R-" + sessionId).setCdnNode(cdnNode).setRegion("east-china")
                .setWindowStart(windowStart).setWindowSeconds(30).setPushBitrateKbps(pushKbps).setExpectedBitrateKbps(3000)
                .setPushFps(fps).setStallRatio(stall).setNodeLoad(load).setViewers(1000).build();
    }

    public static QosSample healthy(String sessionId, String cdnNode, Instant windowStart) {
        return sample(sessionId, cdnNode, windowStart, 2900, 29.5, 0.01, 0.4);
    }
}
