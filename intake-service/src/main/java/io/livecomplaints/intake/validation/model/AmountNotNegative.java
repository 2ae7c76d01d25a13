package io.livecomplaints.intake.validation.model;


/** A claimed amount, when given, is in fen and not negative. */
final class AmountNotNegative implements ComplaintRule {

    @Override
    public void check(ComplaintDraft draft, Violations violations) {
        if (draft.claimedAmountFen() != null && draft.claimedAmountFen() < 0) {
            violations.add("claimedAmountFen", "must not be negative (amounts are in fen)");
        }
    }
}
