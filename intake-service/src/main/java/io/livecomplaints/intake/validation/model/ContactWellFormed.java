package io.livecomplaints.intake.validation.model;

import io.livecomplaints.intake.validation.model.ComplaintDraft.ContactDraft;
import java.util.regex.Pattern;

/**
 * Contact data, when given, is usable: a phone of 7 to 15 digits (spaces, dashes and a leading + allowed), an
 * e-mail address that looks like one, a name of bounded length. The message never repeats the value (it is personal).
 */
final class ContactWellFormed implements ComplaintRule {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,18}[0-9]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final int NAME_MAX = 64;

    @Override
    public void check(ComplaintDraft draft, Violations violations) {
        ContactDraft contact = draft.contact();
        if (contact == null) {
            return;
        }
        if (contact.phone() != null) {
            long digits = contact.phone().chars().filter(Character::isDigit).count();
            if (!PHONE.matcher(contact.phone()).matches() || digits < 7 || digits > 15) {
                violations.add("contact.phone", "must be a phone number of 7 to 15 digits");
            }
        }
        if (contact.email() != null && !EMAIL.matcher(contact.email()).matches()) {
            violations.add("contact.email", "must be an e-mail address");
        }
        if (contact.name() != null && contact.name().length() > NAME_MAX) {
            violations.add("contact.name", "must be at most " + NAME_MAX + " characters");
        }
    }
}
