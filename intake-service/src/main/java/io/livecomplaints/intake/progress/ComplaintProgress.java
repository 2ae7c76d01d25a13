package io.livecomplaints.intake.progress;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.intake.kafka.IntakeQueries;
import io.livecomplaints.intake.progress.model.OwnerView;
import io.livecomplaints.intake.receipts.ReceivedComplaints;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A complaint's progress: the case resolution-service keeps on the compacted {@code complaint-cases} topic (mirrored
 * here as a global store), or, before a case exists, the complaint as intake received it.
 */
@Component
public class ComplaintProgress {

    private final IntakeQueries queries;
    private final ReceivedComplaints received;

    ComplaintProgress(IntakeQueries queries, ReceivedComplaints received) {
        this.queries = queries;
        this.received = received;
    }

    public Optional<OwnerView> of(String complaintId) {
        ComplaintCase kase = queries.caseOf(complaintId);
        if (kase != null) {
            return Optional.of(OwnerView.ofCase(complaintId, kase));
        }
        return received.byId(complaintId).map(OwnerView::received);
    }
}
