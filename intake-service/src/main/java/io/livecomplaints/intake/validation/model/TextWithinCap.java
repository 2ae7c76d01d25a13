package io.livecomplaints.intake.validation.model;


/**
 * The complaint says what happened: text with at least one visible character (spaces of any kind, zero-width and
 * control characters alone are blank) and at most the configured number of characters.
 */
final class TextWithinCap implements ComplaintRule {

    private final int maxChars;

    TextWithinCap(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void check(ComplaintDraft draft, Violations violations) {
        if (draft.text() == null || !VisibleText.hasVisible(draft.text())) {
            violations.add("text", "is required: describe what happened");
            return;
        }
        int length = draft.text().strip().codePointCount(0, draft.text().strip().length());
        if (length > maxChars) {
            violations.add("text", "is " + length + " characters long, at most " + maxChars + " are allowed");
        }
    }
}
