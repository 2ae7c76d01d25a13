package io.livecomplaints.notification.inbox.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InboxKeysTest {

    @Test
    void keysAreTheFormattedLayoutTheStoredEntriesHave() {
        Random random = new Random(16);
        long[] edges = {0, 1, 9, 10, 999_999_999, 1_000_000_000, 1_733_366_400_000L, 999_999_999_999_999L, 1_000_000_000_000_000L};
        List<long[]> cases = new ArrayList<>();
        for (long a : edges) {
            for (long b : edges) {
                cases.add(new long[] {a, b});
            }
        }
        for (int i = 0; i < 10_000; i++) {
            cases.add(new long[] {random.nextLong(0, Long.MAX_VALUE), random.nextLong(0, Long.MAX_VALUE)});
        }
        for (long[] c : cases) {
            // the layout entries already in the store were written with
            String expected = InboxKeys.prefix("U-10") + String.format("%015d.%09d", c[0], c[1] % 1_000_000_000L) + "|" + "m-1";
            assertThat(InboxKeys.key("U-10", c[0], c[1], "m-1")).isEqualTo(expected);
        }
    }

    @Test
    void oneUsersPrefixNeverMatchesAnothersKeys() {
        assertThat(InboxKeys.key("U-10", 5, 0, "m")).doesNotStartWith(InboxKeys.prefix("U-1"));
        assertThat(InboxKeys.key("U-1", 5, 0, "m")).startsWith(InboxKeys.prefix("U-1"));
    }

    @Test
    void keysOfOneUserSortInFilingOrder() {
        List<String> filed = List.of(InboxKeys.key("U", 9, 0, "z"), InboxKeys.key("U", 10, 0, "a"), InboxKeys.key("U", 10, 1, "a"),
                InboxKeys.key("U", 1_733_366_400_000L, 7, "b"));
        assertThat(filed.stream().sorted().toList()).isEqualTo(filed);
    }
}
