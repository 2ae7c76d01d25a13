package io.livecomplaints.triage.grading.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Repeat complaints (重复投诉): a complaint is a repeat when another complaint about the same order came before it.
 * The history keeps the ids of the latest complaints per order, so a complaint processed twice is not its own repeat.
 */
public final class OrderComplaintHistory {

    /** Whether this complaint repeats an earlier one, and the order's history including it. */
    public record Outcome(boolean repeat, List<String> history) {
    }

    private OrderComplaintHistory() {
    }

    public static Outcome record(List<String> history, String complaintId, int maxKept) {
        List<String> updated = new ArrayList<>(history == null ? List.of() : history);
        int at = updated.indexOf(complaintId);
        if (at >= 0) {
            return new Outcome(at > 0, List.copyOf(updated));
        }
        boolean repeat = !updated.isEmpty();
        updated.add(complaintId);
        while (updated.size() > maxKept) {
            updated.remove(0);
        }
        return new Outcome(repeat, List.copyOf(updated));
    }
}
