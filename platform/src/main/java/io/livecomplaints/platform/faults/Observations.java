package io.livecomplaints.platform.faults;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the output topics hold, reduced to what the verdict needs: how often each complaint appears per stage, every
 * final acknowledgment receipt per channel, event ids seen twice, and dead letters by source topic and service.
 * Filled by {@link OutputReader} from the decoded records, or directly in tests. Not thread-safe.
 */
public final class Observations {

    /** Delivery statuses after which a notification job is over (DEFERRED is a retry in between). */
    private static final Set<String> FINAL_STATUSES = Set.of("SENT", "FAILED", "SUPPRESSED");

    final Map<String, Integer> received = new HashMap<>();
    final Map<String, Integer> triaged = new HashMap<>();
    final Map<String, Integer> caseRecords = new HashMap<>();
    final Map<String, Integer> duplicateCaseVersions = new HashMap<>();
    /** complaintId → channel → final acknowledgment receipts */
    final Map<String, Map<String, Integer>> acknowledgments = new HashMap<>();
    /** notification-service's dedup key sourceEventId:KIND:CHANNEL → final receipts */
    final Map<String, Integer> receiptsByDedupKey = new HashMap<>();
    final Map<String, Integer> duplicateEventIds = new TreeMap<>();
    /** source topic → writing service → dead letters */
    final Map<String, Map<String, Integer>> deadLetters = new TreeMap<>();
    int undecodable;

    private final Map<String, Set<String>> eventIds = new HashMap<>();
    private final Set<String> caseVersions = new HashSet<>();

    public void received(String complaintId, String eventId) {
        received.merge(complaintId, 1, Integer::sum);
        event("complaints-received", eventId);
    }

    public void triaged(String complaintId, String eventId) {
        triaged.merge(complaintId, 1, Integer::sum);
        event("complaints-triaged", eventId);
    }

    public void caseChange(String complaintId, long version, String eventId) {
        caseRecords.merge(complaintId, 1, Integer::sum);
        if (!caseVersions.add(complaintId + "@" + version)) {
            duplicateCaseVersions.merge(complaintId, 1, Integer::sum);
        }
        event("complaint-cases", eventId);
    }

    public void receipt(String complaintId, String sourceEventId, String kind, String channel, String status, String eventId) {
        event("notifications", eventId);
        if (!FINAL_STATUSES.contains(status)) {
            return;
        }
        receiptsByDedupKey.merge(sourceEventId + ":" + kind + ":" + channel, 1, Integer::sum);
        if (kind.equals("ACKNOWLEDGMENT")) {
            acknowledgments.computeIfAbsent(complaintId, id -> new TreeMap<>()).merge(channel, 1, Integer::sum);
        }
    }

    /** Any other event of an output topic (outcomes, SLA events ...): only checked for duplicates. */
    public void event(String topic, String eventId) {
        if (eventId != null && !eventIds.computeIfAbsent(topic, t -> new HashSet<>()).add(eventId)) {
            duplicateEventIds.merge(topic, 1, Integer::sum);
        }
    }

    public void deadLetter(String sourceTopic, String service) {
        deadLetters.computeIfAbsent(sourceTopic, t -> new TreeMap<>()).merge(service, 1, Integer::sum);
    }

    /** A record of an output topic that the real serde cannot read (poison injected there counts here too). */
    public void undecodable() {
        undecodable++;
    }
}
