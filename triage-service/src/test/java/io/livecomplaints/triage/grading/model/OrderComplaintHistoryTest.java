package io.livecomplaints.triage.grading.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderComplaintHistoryTest {

    @Test
    void theFirstComplaintOfAnOrderIsNoRepeatTheSecondIs() {
        OrderComplaintHistory.Outcome first = OrderComplaintHistory.record(List.of(), "C-1", 5);
        OrderComplaintHistory.Outcome second = OrderComplaintHistory.record(first.history(), "C-2", 5);
        assertThat(first.repeat()).isFalse();
        assertThat(second.repeat()).isTrue();
        assertThat(second.history()).containsExactly("C-1", "C-2");
    }

    @Test
    void theSameComplaintSeenAgainKeepsItsAnswer() {
        assertThat(OrderComplaintHistory.record(List.of("C-1", "C-2"), "C-1", 5).repeat()).isFalse();
        assertThat(OrderComplaintHistory.record(List.of("C-1", "C-2"), "C-2", 5).repeat()).isTrue();
    }

    @Test
    void theHistoryIsBounded() {
        assertThat(OrderComplaintHistory.record(List.of("C-1", "C-2", "C-3"), "C-4", 3).history()).containsExactly("C-2", "C-3", "C-4");
    }
}
