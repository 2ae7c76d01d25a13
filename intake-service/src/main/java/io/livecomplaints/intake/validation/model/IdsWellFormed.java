package io.livecomplaints.intake.validation.model;

import java.util.regex.Pattern;

/** Order, room and session ids, when given (surrounding blanks ignored), look like the commerce systems' ids (configurable pattern). */
final class IdsWellFormed implements ComplaintRule {

    private final Pattern idPattern;

    IdsWellFormed(Pattern idPattern) {
        this.idPattern = idPattern;
    }

    @Override
    public void check(ComplaintDraft draft, Violations violations) {
        check("orderId", draft.orderId(), violations);
        check("roomId", draft.roomId(), violations);
        check("sessionId", draft.sessionId(), violations);
    }

    private void check(String field, String id, Violations violations) {
        if (id != null && !id.isBlank() && !idPattern.matcher(id.strip()).matches()) { // blank means not given
            violations.add(field, "is malformed: expected an id matching " + idPattern.pattern());
        }
    }
}
