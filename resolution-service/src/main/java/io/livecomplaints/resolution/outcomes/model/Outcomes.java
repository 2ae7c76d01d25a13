package io.livecomplaints.resolution.outcomes.model;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.Envelope;
import io.livecomplaints.events.OutcomeResult;
import java.time.Instant;

/**
 * The public outcome (complaint-outcomes) of a case that was resolved or rejected: remedy, amounts, liable party,
 * the basis in the user's words and the rule of a rejection, timings, and how it was decided (fast path,
 * merchant timeout, platform advance, escalation level, disputes so far).
 */
public final class Outcomes {

    private Outcomes() {
    }

    /** @param decided the case as decided (state RESOLVED or REJECTED, decision set) */
    public static ComplaintOutcome of(ComplaintCase decided, OutcomeResult result, String decidedBy, Instant decidedAt,
                                      Envelope envelope) {
        return ComplaintOutcome.newBuilder()
                .setEnvelope(envelope)
                .setOutcome(result)
                .setUserId(decided.getUserId())
                .setChannel(decided.getChannel())
                .setLanguage(decided.getLanguage())
                .setType(decided.getType())
                .setSeverity(decided.getSeverity())
                .setTeam(decided.getTeam())
                .setDecision(decided.getDecision())
                .setOrderId(decided.getOrderId())
                .setMerchantId(decided.getMerchantId())
                .setAnchorId(decided.getAnchorId())
                .setRoomId(decided.getRoomId())
                .setSessionId(decided.getSessionId())
                .setSkuId(decided.getSkuId())
                .setReceivedAt(decided.getReceivedAt())
                .setFirstRespondedAt(decided.getFirstRespondedAt())
                .setDecidedAt(decidedAt)
                .setDecidedBy(decidedBy)
                .setAutoApproved(decided.getAutoApproved())
                .setFastPath(decided.getFastPath())
                .setPlatformAdvanced(decided.getPlatformAdvanced())
                .setEscalationLevel(decided.getEscalationLevel())
                .setReopenCount(decided.getReopenCount())
                .build();
    }
}
