package io.livecomplaints.notification.surveys.model;

/**
 * The satisfaction survey (回访) offered for a complaint: whose it is, which result it asks about, and whether it
 * was answered.
 */
public record SurveyState(String complaintId, String userId, String outcomeEventId, String traceId, long offeredAt,
                          boolean answered) {

    public SurveyState answer() {
        return new SurveyState(complaintId, userId, outcomeEventId, traceId, offeredAt, true);
    }
}
