package io.livecomplaints.resolution.search.model;

import io.livecomplaints.events.ComplaintCase;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** One page of the cases that match, newest (latest received) first, with the total count. */
public record CasePage(int page, int size, int total, List<ComplaintCase> items) {

    private static final Comparator<ComplaintCase> NEWEST_FIRST = Comparator.comparing(ComplaintCase::getReceivedAt).reversed()
            .thenComparing(c -> c.getEnvelope().getComplaintId());

    public static CasePage of(Collection<ComplaintCase> matching, int page, int size) {
        List<ComplaintCase> sorted = matching.stream().sorted(NEWEST_FIRST).toList();
        int fromIndex = (int) Math.min((long) page * size, sorted.size());
        return new CasePage(page, size, sorted.size(), sorted.subList(fromIndex, Math.min(fromIndex + size, sorted.size())));
    }
}
