package io.livecomplaints.triage.routing.model;

/** The agent chosen for a complaint, or none (the case waits in the team queue), and why. */
public record Assignment(String agentId, String reason) {

    public boolean assigned() {
        return agentId != null;
    }
}
