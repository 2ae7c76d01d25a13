package io.livecomplaints.triage.routing.model;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Severity;

/**
 * What agent selection needs to know about a complaint.
 *
 * @param incidentOwner the agent already handling the complaint's incident, or null
 */
public record AssignmentRequest(String team, ComplaintType type, String language, Severity severity, String incidentOwner) {
}
