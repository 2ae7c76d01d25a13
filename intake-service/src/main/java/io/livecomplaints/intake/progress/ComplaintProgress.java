package io.livecomplaints.intake.progress;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.intake.kafka.GlobalStores;
import io.livecomplaints.intake.kafka.QueryableStores;
import io.livecomplaints.intake.kafka.StoreNames;
import io.livecomplaints.intake.progress.model.OwnerView;
import io.livecomplaints.intake.receipts.ReceivedComplaints;
import io.livecomplaints.schemas.topics.Topics;
import java.util.Optional;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.stereotype.Component;

/**
 * A complaint's progress: the case resolution-service keeps on the compacted {@code complaint-cases} topic (mirrored
 * here as a global store), or, before a case exists, the complaint as intake received it.
 */
@Component
public class ComplaintProgress {

    private final QueryableStores stores;
    private final ReceivedComplaints received;

    ComplaintProgress(StreamsBuilder builder, Topics topics, QueryableStores stores, ReceivedComplaints received) {
        this.stores = stores;
        this.received = received;
        GlobalStores.add(builder, StoreNames.CASES, topics.complaintCases, GlobalStores.latestByKey());
    }

    public Optional<OwnerView> of(String complaintId) {
        ComplaintCase kase = stores.get(StoreNames.CASES, complaintId);
        if (kase != null) {
            return Optional.of(OwnerView.ofCase(complaintId, kase));
        }
        return received.byId(complaintId).map(OwnerView::received);
    }
}
