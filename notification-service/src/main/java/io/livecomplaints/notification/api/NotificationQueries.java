package io.livecomplaints.notification.api;

import io.livecomplaints.notification.delivery.NotificationStores;
import io.livecomplaints.notification.inbox.model.InboxKeys;
import io.livecomplaints.notification.inbox.model.InboxMessage;
import io.livecomplaints.notification.surveys.model.SurveyState;
import io.livecomplaints.support.streams.query.StoreOwners;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.stereotype.Component;

/**
 * The API's reads of the delivery stream's stores, which are partitioned by complaint id: a survey lives in its
 * complaint's partition (the request is routed to its owner, {@code ForwardToOwner}); an inbox holds messages about
 * complaints of every partition, so it is gathered from every instance owning some ({@link StoreOwners#gather}).
 * Unreadable stores (starting, moving, failed) are 503 with Retry-After.
 */
@Component
class NotificationQueries {

    private final StoreOwners owners;

    NotificationQueries(StoreOwners owners) {
        this.owners = owners;
    }

    /**
     * The parts of an inbox answer, one per instance owning partitions of the inbox store, each made by {@code part}
     * from that instance's messages of {@code owner} (a user id, or a merchant's or anchor's recipient), newest first.
     */
    <T> List<T> inbox(String owner, Class<T> type, Function<List<InboxMessage>, T> part) {
        return owners.gather(NotificationStores.INBOX, type, partitions -> part.apply(localInbox(owner, partitions)));
    }

    /** The survey offered for the complaint, if any (read where the request was routed: the complaint's owner). */
    Optional<SurveyState> survey(String complaintId) {
        return Optional.ofNullable(owners.<SurveyState, SurveyState>readForKey(NotificationStores.SURVEYS, complaintId, s -> s.get(complaintId)));
    }

    private List<InboxMessage> localInbox(String owner, Set<Integer> partitions) {
        List<InboxMessage> all = new ArrayList<>();
        for (int partition : partitions) {
            all.addAll(owners.<InboxMessage, List<InboxMessage>>readLocal(NotificationStores.INBOX, partition, inbox -> {
                List<InboxMessage> ofPartition = new ArrayList<>();
                try (KeyValueIterator<String, InboxMessage> entries = inbox.prefixScan(InboxKeys.prefix(owner), new StringSerializer())) {
                    entries.forEachRemaining(entry -> ofPartition.add(entry.value));
                }
                return ofPartition;
            }));
        }
        all.sort(java.util.Comparator.comparingLong(InboxMessage::sentAt)); // stable: a partition's own order (filing sequence) stays
        Collections.reverse(all); // newest first
        return all;
    }
}
