package io.livecomplaints.platform.faults;

import io.livecomplaints.platform.faults.ComplaintDriver.Submissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The delivery verdict of one run: every complaint the intake accepted must appear on complaints-received, exactly
 * once on complaints-triaged, have a case, and exactly one final acknowledgment receipt on each
 * required channel; resubmissions under one Idempotency-Key must name one complaint; no event may appear twice; each
 * injected poison record must produce one dead letter per consuming service. Pure: decoded events in, verdict out.
 *
 * @param accepted      distinct complaints the intake accepted
 * @param refusedKeys   keys the driver gave up on (no 202 within its retry window)
 * @param lost          accepted complaints missing from some stage, with a few examples
 * @param duplicated    user-visible duplicates of any kind (triaged complaints, cases, receipts, events, idempotency breaches)
 * @param resubmissionsAbsorbed extra complaints-received records of a complaint (intake wrote it again: an
 *                      Idempotency-Key retry on another instance within its cross-instance window): not a duplicate by
 *                      themselves, since triage and notification accept each complaint once; what they cause downstream
 *                      (a second triaged record or acknowledgment) is counted in {@code duplicated}
 * @param dltExpected   source topic → service → dead letters expected
 * @param dltActual     source topic → service → dead letters found
 * @param problems      what went wrong, readable, at most a few per kind
 */
public record Verdict(int accepted, int refusedKeys, int lost, int duplicated, int resubmissionsAbsorbed, Map<String, Map<String, Integer>> dltExpected,
                      Map<String, Map<String, Integer>> dltActual, List<String> problems) {

    private static final int EXAMPLES = 5;

    public boolean dltMatches() {
        return normalized(dltExpected).equals(normalized(dltActual));
    }

    public int dltExpectedTotal() {
        return total(dltExpected);
    }

    public int dltActualTotal() {
        return total(dltActual);
    }

    public boolean delivered() {
        return refusedKeys == 0 && lost == 0 && duplicated == 0 && dltMatches();
    }

    public static Verdict of(Submissions submissions, Observations seen, Set<String> requiredAckChannels,
                             Map<String, Map<String, Integer>> dltExpected) {
        List<String> problems = new ArrayList<>();
        Set<String> accepted = new HashSet<>();
        int refused = 0;
        int idempotencyBreaches = 0;
        Map<String, String> keyOfComplaint = new HashMap<>();
        for (Submissions.KeyOutcome key : submissions.keys()) {
            Set<String> ids = new HashSet<>(key.complaintIds());
            if (ids.isEmpty()) {
                refused++;
                note(problems, "refused", "key " + key.key() + " never accepted: " + key.refusals());
                continue;
            }
            if (ids.size() > 1) {
                idempotencyBreaches++;
                note(problems, "idempotency", "key " + key.key() + " (" + key.repeat() + ") filed " + ids.size() + " complaints: " + ids);
            }
            for (String id : ids) {
                String other = keyOfComplaint.putIfAbsent(id, key.key());
                if (other != null) {
                    idempotencyBreaches++;
                    note(problems, "idempotency", "complaint " + id + " answered for two keys: " + other + ", " + key.key());
                }
            }
            accepted.addAll(ids);
        }

        int lost = 0;
        int duplicated = idempotencyBreaches;
        int resubmissionsAbsorbed = 0;
        for (String id : accepted) {
            List<String> missing = new ArrayList<>();
            int received = seen.received.getOrDefault(id, 0);
            int triaged = seen.triaged.getOrDefault(id, 0);
            if (received == 0) {
                missing.add("complaints-received");
            }
            if (triaged == 0) {
                missing.add("complaints-triaged");
            }
            if (seen.caseRecords.getOrDefault(id, 0) == 0) {
                missing.add("complaint-cases");
            }
            Map<String, Integer> acks = seen.acknowledgments.getOrDefault(id, Map.of());
            for (String channel : requiredAckChannels) {
                if (acks.getOrDefault(channel, 0) == 0) {
                    missing.add("acknowledgment on " + channel);
                }
            }
            if (!missing.isEmpty()) {
                lost++;
                note(problems, "lost", id + " missing on " + missing);
            }
            List<String> twice = new ArrayList<>();
            if (received > 1) {
                resubmissionsAbsorbed += received - 1; // not a problem: counted, reported apart from the duplicates
            }
            if (triaged > 1) {
                twice.add(triaged + "x complaints-triaged");
            }
            if (seen.duplicateCaseVersions.containsKey(id)) {
                twice.add("case versions repeated");
            }
            acks.forEach((channel, n) -> {
                if (n > 1) {
                    twice.add(n + "x acknowledgment on " + channel);
                }
            });
            if (!twice.isEmpty()) {
                duplicated++;
                note(problems, "duplicated", id + ": " + twice);
            }
        }
        // the notification service's own exactly-once key over the other receipts (acknowledgments are counted above)
        for (Map.Entry<String, Integer> receipt : seen.receiptsByDedupKey.entrySet()) {
            if (receipt.getValue() > 1 && !receipt.getKey().contains(":ACKNOWLEDGMENT:")) {
                duplicated++;
                note(problems, "duplicated", receipt.getValue() + " final receipts for " + receipt.getKey());
            }
        }
        for (Map.Entry<String, Integer> topic : seen.duplicateEventIds.entrySet()) {
            duplicated += topic.getValue();
            note(problems, "duplicated", topic.getValue() + " event ids repeated on " + topic.getKey());
        }
        Verdict verdict = new Verdict(accepted.size(), refused, lost, duplicated, resubmissionsAbsorbed, copy(dltExpected), copy(seen.deadLetters), problems);
        if (!verdict.dltMatches()) {
            problems.add("dead letters: expected " + normalized(dltExpected) + ", found " + normalized(seen.deadLetters));
        }
        return verdict;
    }

    private static void note(List<String> problems, String kind, String problem) {
        long already = problems.stream().filter(p -> p.startsWith(kind + ": ")).count();
        if (already < EXAMPLES) {
            problems.add(kind + ": " + problem);
        }
    }

    private static Map<String, Map<String, Integer>> normalized(Map<String, Map<String, Integer>> counts) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        counts.forEach((topic, byService) -> byService.forEach((service, n) -> {
            if (n != 0) {
                out.computeIfAbsent(topic, t -> new TreeMap<>()).put(service, n);
            }
        }));
        return out;
    }

    private static int total(Map<String, Map<String, Integer>> counts) {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    private static Map<String, Map<String, Integer>> copy(Map<String, Map<String, Integer>> counts) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        counts.forEach((topic, byService) -> out.put(topic, new TreeMap<>(byService)));
        return out;
    }
}
