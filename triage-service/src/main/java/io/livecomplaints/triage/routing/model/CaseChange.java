package io.livecomplaints.triage.routing.model;

import io.livecomplaints.events.CaseState;

/** The part of a complaint case the load books need: its assignee (null while none) and state. */
public record CaseChange(String complaintId, String assigneeId, CaseState state) {
}
