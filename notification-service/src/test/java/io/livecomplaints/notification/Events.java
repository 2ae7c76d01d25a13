package io.livecomplaints.notification;

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
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.events.QosDiagnosis;
import io.livecomplaints.events.QosVerdict;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SlaEventKind;
import io.livecomplaints.events.TimelineEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Lifecycle events as the other services write them, for tests. */
public final class Events {

    private Events() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static Envelope envelope(String complaintId, String producer) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setComplaintId(complaintId)
                .setOccurredAt(now()).setProducer(producer).setTraceId("trace-" + complaintId).build();
    }

    public static PersonalContact contact(String phone, String email, boolean consent) {
        return PersonalContact.newBuilder().setName("张三").setPhone(phone).setEmail(email).setConsentToContact(consent).build();
    }

    public static ComplaintReceived received(String complaintId, String userId, String language, PersonalContact contact, Instant dueAt) {
        Instant now = now();
        return ComplaintReceived.newBuilder()
                .setEnvelope(envelope(complaintId, "intake-service"))
                .setUserId(userId).setChannel(Channel.ORDER_PAGE).setLanguage(language)
                .setText("快递丢件了").setSource("api").setContact(contact)
                .setEnrichment(Enrichment.newBuilder().build())
                .setReceivedAt(now).setFirstResponseDueAt(dueAt)
                .build();
    }

    public static ComplaintTriaged triaged(ComplaintReceived complaint, ComplaintType type, String team, boolean autoReply, String advice) {
        return ComplaintTriaged.newBuilder()
                .setEnvelope(envelope(complaint.getEnvelope().getComplaintId(), "triage-service"))
                .setComplaint(complaint)
                .setClassification(Classification.newBuilder().setPrimaryType(type).build())
                .setSeverity(Severity.MEDIUM).setPriority(50).setTeam(team)
                .setAutoReply(autoReply)
                .setDiagnosis(advice == null ? null : QosDiagnosis.newBuilder().setVerdict(QosVerdict.VIEWER_SIDE).setAdvice(advice).build())
                .build();
    }

    /** A case whose last change went from {@code from} to {@code to} by {@code action}. */
    public static ComplaintCase caseChange(String complaintId, String userId, String language, long version, String action,
                                           CaseState from, CaseState to, String note) {
        Instant now = now();
        List<TimelineEntry> timeline = new ArrayList<>();
        timeline.add(TimelineEntry.newBuilder().setAt(now).setAction("RECEIVED").setToState(CaseState.RECEIVED).setActorId(userId).build());
        timeline.add(TimelineEntry.newBuilder().setAt(now).setAction(action).setFromState(from).setToState(to)
                .setActorId("A-1").setNote(note).build());
        return ComplaintCase.newBuilder()
                .setEnvelope(envelope(complaintId, "resolution-service"))
                .setState(to).setVersion(version).setUserId(userId).setChannel(Channel.ORDER_PAGE).setLanguage(language)
                .setType(ComplaintType.LOGISTICS).setSeverity(Severity.MEDIUM).setPriority(50).setTeam("logistics")
                .setReceivedAt(now).setFirstResponseDueAt(now.plusSeconds(1800)).setTimeline(timeline)
                .build();
    }

    public static SlaEvent slaWarning(String complaintId, String userId, String language, Instant dueAt) {
        return SlaEvent.newBuilder()
                .setEnvelope(envelope(complaintId, "resolution-service"))
                .setKind(SlaEventKind.WARNING).setClock(SlaClock.RESOLUTION).setDueAt(dueAt).setFiredAt(now())
                .setUserId(userId).setLanguage(language).setType(ComplaintType.LOGISTICS)
                .build();
    }

    public static ComplaintOutcome outcome(String complaintId, String userId, String language, ComplaintType type,
                                           Remedy remedy, long refundFen, String reason, String ruleId) {
        Instant now = now();
        return ComplaintOutcome.newBuilder()
                .setEnvelope(envelope(complaintId, "resolution-service"))
                .setOutcome(remedy == Remedy.REJECT ? OutcomeResult.REJECTED : OutcomeResult.RESOLVED)
                .setUserId(userId).setChannel(Channel.ORDER_PAGE).setLanguage(language).setType(type)
                .setSeverity(Severity.MEDIUM).setTeam("logistics")
                .setDecision(RemedyDecision.newBuilder().setRemedy(remedy).setRefundFen(refundFen).setReason(reason).setRuleId(ruleId).build())
                .setReceivedAt(now).setDecidedAt(now).setDecidedBy("A-1")
                .build();
    }
}
