package io.livecomplaints.analytics;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.Classification;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Enrichment;
import io.livecomplaints.events.Envelope;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.QosDiagnosis;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.events.QosVerdict;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SlaEventKind;
import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.schemas.envelope.Envelopes;
import java.time.Duration;
import java.time.Instant;

/** Builders of the events analytics consumes, with only what the statistics look at (tests only). */
public final class Events {

    private Events() {
    }

    /** Where a complaint came from and what it was about. */
    public record About(String merchantId, String anchorId, String roomId, String sessionId, String skuId) {
    }

    public static Envelope envelope(String complaintId, Instant at) {
        return Envelopes.create(complaintId, "test", null, at);
    }

    public static ComplaintTriaged triaged(String id, ComplaintType type, Channel channel, Severity severity, String team,
                                           About about, Instant receivedAt, String diagnosedRegion) {
        ComplaintReceived received = ComplaintReceived.newBuilder()
                .setEnvelope(envelope(id, receivedAt)).setUserId("U-" + id).setChannel(channel).setText("text")
                .setSource("api").setRoomId(about.roomId()).setSessionId(about.sessionId())
                .setEnrichment(Enrichment.newBuilder().setMerchantId(about.merchantId()).setAnchorId(about.anchorId())
                        .setRoomId(about.roomId()).setSessionId(about.sessionId()).setSkuId(about.skuId()).build())
                .setReceivedAt(receivedAt).setFirstResponseDueAt(receivedAt.plus(Duration.ofMinutes(30))).build();
        return ComplaintTriaged.newBuilder().setEnvelope(envelope(id, receivedAt.plusSeconds(1))).setComplaint(received)
                .setClassification(Classification.newBuilder().setPrimaryType(type).build())
                .setSeverity(severity).setPriority(50).setTeam(team)
                .setDiagnosis(diagnosedRegion == null ? null : QosDiagnosis.newBuilder()
                        .setVerdict(QosVerdict.CDN_NODE_OVERLOADED).setRegion(diagnosedRegion).build())
                .build();
    }

    public static ComplaintCase caseVersion(ComplaintTriaged triaged, int version, CaseState state, Instant at,
                                            Instant firstRespondedAt, int reopenCount) {
        ComplaintReceived c = triaged.getComplaint();
        return ComplaintCase.newBuilder().setEnvelope(envelope(triaged.getEnvelope().getComplaintId(), at)).setState(state)
                .setVersion(version).setUserId(c.getUserId()).setChannel(c.getChannel())
                .setType(triaged.getClassification().getPrimaryType()).setSeverity(triaged.getSeverity())
                .setPriority(triaged.getPriority()).setTeam(triaged.getTeam()).setReceivedAt(c.getReceivedAt())
                .setFirstResponseDueAt(c.getFirstResponseDueAt()).setFirstRespondedAt(firstRespondedAt)
                .setReopenCount(reopenCount).build();
    }

    public static ComplaintOutcome outcome(ComplaintTriaged triaged, OutcomeResult result, Remedy remedy, long refundFen,
                                           long compensationFen, LiableParty party, Instant decidedAt) {
        ComplaintReceived c = triaged.getComplaint();
        return ComplaintOutcome.newBuilder().setEnvelope(envelope(triaged.getEnvelope().getComplaintId(), decidedAt))
                .setOutcome(result).setUserId(c.getUserId()).setChannel(c.getChannel())
                .setType(triaged.getClassification().getPrimaryType()).setSeverity(triaged.getSeverity()).setTeam(triaged.getTeam())
                .setDecision(RemedyDecision.newBuilder().setRemedy(remedy).setRefundFen(refundFen).setCompensationFen(compensationFen)
                        .setLiableParty(party).setReason("reason").build())
                .setReceivedAt(c.getReceivedAt()).setDecidedAt(decidedAt).setDecidedBy("A-1").build();
    }

    /** An SLA event that, like a real one, may leave out the complaint's attributes (type null). */
    public static SlaEvent sla(String complaintId, SlaEventKind kind, SlaClock clock, Instant firedAt, String team) {
        return SlaEvent.newBuilder().setEnvelope(envelope(complaintId, firedAt)).setKind(kind).setClock(clock)
                .setDueAt(firedAt).setFiredAt(firedAt).setTeam(team).build();
    }

    public static SurveyResponse survey(String complaintId, int score, Instant at) {
        return SurveyResponse.newBuilder().setEnvelope(envelope(complaintId, at)).setUserId("U-" + complaintId).setScore(score).build();
    }

    public static OrderEvent order(String orderId, OrderStatus status, About about, Instant placedAt) {
        return OrderEvent.newBuilder().setEnvelope(envelope(null, placedAt)).setOrderId(orderId).setUserId("U-" + orderId)
                .setStatus(status).setMerchantId(about.merchantId()).setAnchorId(about.anchorId()).setRoomId(about.roomId())
                .setSessionId(about.sessionId()).setSkuId(about.skuId()).setProductName("商品").setAmountPaidFen(12900)
                .setPlacedAt(placedAt).build();
    }

    public static QosSample qos(String sessionId, String roomId, String region, Instant at) {
        return QosSample.newBuilder().setEnvelope(envelope(null, at)).setSessionId(sessionId).setRoomId(roomId)
                .setCdnNode("cdn-" + region).setRegion(region).setWindowStart(at).setPushBitrateKbps(2900).setPushFps(30)
                .setStallRatio(0.01).setNodeLoad(0.5).setViewers(1000).build();
    }
}
