package io.livecomplaints.intake.submission.model;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.intake.acknowledgment.model.FirstResponsePolicy;
import io.livecomplaints.intake.enrichment.model.Enricher;
import io.livecomplaints.intake.enrichment.model.ReplayMoment;
import io.livecomplaints.intake.enrichment.model.UpstreamLookup;
import io.livecomplaints.intake.validation.model.NewComplaint;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Parties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Receiving (受理) a valid complaint: it gets its id, what upstream data tells about its order and session, a
 * reference to the live replay at its moment (unless the user gave one), and the first-response deadline that the
 * acknowledgment promises. The complainant is a VIP when the upstream system filing for them says so, or when their
 * own order says its buyer is one (so app users who are VIP are raised too, whatever token they file with). The result is the {@code complaints-received} event.
 */
public final class Reception {

    private final FirstResponsePolicy firstResponse;

    public Reception(FirstResponsePolicy firstResponse) {
        this.firstResponse = firstResponse;
    }

    /**
     * @param idempotencyKey the client's key or the submission id, null if none
     * @param traceId        the trace to continue, null to start one
     */
    public ComplaintReceived receive(String complaintId, NewComplaint complaint, Filer filer, String idempotencyKey,
                                     String fingerprint, String traceId, UpstreamLookup upstream, Instant now) {
        Enricher.Result enriched = Enricher.enrich(new Enricher.References(complaint.userId(), complaint.orderId(),
                complaint.roomId(), complaint.sessionId()), upstream);
        List<Evidence> evidence = new ArrayList<>(complaint.evidence());
        boolean userGaveReplay = evidence.stream().anyMatch(e -> e.getKind() == EvidenceKind.LIVE_REPLAY);
        if (!userGaveReplay) {
            ReplayMoment.of(complaint.channel(), complaint.incidentAt(), now, enriched.session()).ifPresent(evidence::add);
        }
        return ComplaintReceived.newBuilder()
                .setEnvelope(Envelopes.create(complaintId, Parties.INTAKE, traceId, now))
                .setUserId(complaint.userId())
                .setChannel(complaint.channel())
                .setLanguage(complaint.language())
                .setText(complaint.text())
                .setDemands(complaint.demands())
                .setOrderId(complaint.orderId())
                .setRoomId(complaint.roomId() != null ? complaint.roomId() : enriched.enrichment().getRoomId())
                .setSessionId(complaint.sessionId() != null ? complaint.sessionId() : enriched.enrichment().getSessionId())
                .setClaimedAmountFen(complaint.claimedAmountFen())
                .setIncidentAt(complaint.incidentAt())
                .setEvidence(evidence)
                .setContact(complaint.contact())
                .setVip(complaint.vip() || enriched.buyerVip())
                .setSource(filer.source())
                .setIdempotencyKey(idempotencyKey)
                .setEnrichment(enriched.enrichment())
                .setReceivedAt(now)
                .setFirstResponseDueAt(firstResponse.dueAt(complaint.channel(), now))
                .setRequestFingerprint(fingerprint)
                .setRegulatorTicket(complaint.regulatorTicket())
                .build();
    }
}
