package io.livecomplaints.support.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A gather answers only when the owners' partitions cover the store: 0..n-1, each once. */
class PartitionCoverTest {

    @Test
    void everyPartitionOnceIsComplete() {
        assertThat(PartitionCover.complete(Set.of(0, 1, 2), 3)).isTrue();
        assertThat(PartitionCover.complete(Set.of(0), 1)).isTrue();
    }

    @Test
    void aGapNoOwnersOrAPartitionOwnedTwiceIsNot() {
        assertThat(PartitionCover.complete(Set.of(0, 2), 2)).as("partition 1 has no owner").isFalse();
        assertThat(PartitionCover.complete(Set.of(), 0)).as("no owner at all").isFalse();
        assertThat(PartitionCover.complete(Set.of(0, 1), 3)).as("a partition named by two owners").isFalse();
    }
}
