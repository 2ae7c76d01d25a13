package io.livecomplaints.intake.validation.model;


/** One validation rule of a complaint; it reports each bad field it finds and never stops at the first. */
public interface ComplaintRule {

    void check(ComplaintDraft draft, Violations violations);
}
