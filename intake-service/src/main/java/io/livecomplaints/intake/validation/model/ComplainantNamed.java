package io.livecomplaints.intake.validation.model;


/** Every complaint names the user it is for (a user's token names them; a system names the user in the request). */
final class ComplainantNamed implements ComplaintRule {

    private static final int MAX = 64;

    @Override
    public void check(ComplaintDraft draft, Violations violations) {
        if (draft.userId() == null || draft.userId().isBlank()) {
            violations.add("userId", "is required when a system files on behalf of a user");
        } else if (draft.userId().length() > MAX) {
            violations.add("userId", "must be at most " + MAX + " characters");
        }
    }
}
