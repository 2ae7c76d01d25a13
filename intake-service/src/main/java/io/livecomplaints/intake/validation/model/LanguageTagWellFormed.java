package io.livecomplaints.intake.validation.model;

import java.util.regex.Pattern;

/** A language, when given, is a BCP 47 tag such as zh-CN or en (absent means zh-CN). */
final class LanguageTagWellFormed implements ComplaintRule {

    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

    @Override
    public void check(ComplaintDraft draft, Violations violations) {
        if (draft.language() != null && !TAG.matcher(draft.language()).matches()) {
            violations.add("language", "must be a language tag such as zh-CN or en");
        }
    }
}
