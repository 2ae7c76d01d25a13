package io.livecomplaints.support.streams.query;

import java.util.Set;

/** Whether the owners' partitions of a store cover it: partitions 0..n-1, each owned once. */
final class PartitionCover {

    private PartitionCover() {
    }

    /** @param all the distinct partitions owned; @param assigned how many were named over all owners */
    static boolean complete(Set<Integer> all, int assigned) {
        if (all.isEmpty() || assigned != all.size()) {
            return false;
        }
        int max = all.stream().mapToInt(Integer::intValue).max().orElse(-1);
        return all.size() == max + 1 && all.stream().allMatch(p -> p >= 0);
    }
}
