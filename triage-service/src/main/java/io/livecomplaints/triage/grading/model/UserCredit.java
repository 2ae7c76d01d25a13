package io.livecomplaints.triage.grading.model;

/** A user's complaint record (信用体系): how many past complaints were valid and how many were rejected. */
public record UserCredit(int validComplaints, int rejectedComplaints) {

    public int total() {
        return validComplaints + rejectedComplaints;
    }
}
