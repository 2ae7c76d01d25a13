package io.livecomplaints.resolution.credit.model;

import io.livecomplaints.events.CreditRecord;

/** Adds a delta to a subject's credit record (a missing record counts as all zeros); the latest anchor penalty wins. */
public final class CreditLedger {

    private CreditLedger() {
    }

    public static CreditRecord add(CreditRecord current, CreditRecord delta) {
        CreditRecord base = current != null ? current : CreditRecord.newBuilder()
                .setEnvelope(delta.getEnvelope()).setSubject(delta.getSubject()).setSubjectId(delta.getSubjectId()).build();
        return CreditRecord.newBuilder(base)
                .setEnvelope(delta.getEnvelope())
                .setValidComplaints(base.getValidComplaints() + delta.getValidComplaints())
                .setRejectedComplaints(base.getRejectedComplaints() + delta.getRejectedComplaints())
                .setRefundCount(base.getRefundCount() + delta.getRefundCount())
                .setRefundsFen(base.getRefundsFen() + delta.getRefundsFen())
                .setDisputes(base.getDisputes() + delta.getDisputes())
                .setMerchantResponses(base.getMerchantResponses() + delta.getMerchantResponses())
                .setMerchantResponseMillisTotal(base.getMerchantResponseMillisTotal() + delta.getMerchantResponseMillisTotal())
                .setMerchantTimeouts(base.getMerchantTimeouts() + delta.getMerchantTimeouts())
                .setSatisfactionSum(base.getSatisfactionSum() + delta.getSatisfactionSum())
                .setSatisfactionCount(base.getSatisfactionCount() + delta.getSatisfactionCount())
                .setPlatformAdvancedFen(base.getPlatformAdvancedFen() + delta.getPlatformAdvancedFen())
                .setAnchorPenalties(base.getAnchorPenalties() + delta.getAnchorPenalties())
                .setLastAnchorPenalty(delta.getLastAnchorPenalty() != null ? delta.getLastAnchorPenalty() : base.getLastAnchorPenalty())
                .build();
    }
}
