package io.livecomplaints.notification.delivery.model;

/** Where a delivery job stands: waiting to be (re)sent, or done for good. */
public enum JobStatus {
    PENDING, SENT, FAILED, SUPPRESSED;

    public boolean done() {
        return this != PENDING;
    }
}
