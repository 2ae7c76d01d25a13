package io.livecomplaints.intake.progress.web;

import io.livecomplaints.intake.progress.model.OwnerView;
import java.time.Instant;
import java.util.List;

/** The owner's view as JSON: state, deadlines, timeline, decision. */
public record ProgressResponse(String complaintId, String state, String channel, Instant receivedAt, Deadlines deadlines,
                               List<OwnerView.Step> timeline, OwnerView.Decision decision) {

    /** What was promised and what was kept. */
    public record Deadlines(Instant firstResponseDueAt, Instant firstRespondedAt, Instant planDueAt, Instant resolutionDueAt) {
    }

    static ProgressResponse of(OwnerView v) {
        return new ProgressResponse(v.complaintId(), v.state().name(), v.channel(), v.receivedAt(),
                new Deadlines(v.firstResponseDueAt(), v.firstRespondedAt(), v.planDueAt(), v.resolutionDueAt()),
                v.timeline(), v.decision());
    }
}
