package io.livecomplaints.resolution.search.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.resolution.queue.model.AgentQueue;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A search over cases: every given filter must hold (null = any). {@code words} must each occur in the complaint's
 * text (NFKC, case-insensitive substring, so Chinese works without segmentation: 大衣 finds 收到的大衣…);
 * {@code dueBefore}: the next running SLA deadline falls before it (at risk); {@code from}/{@code to}: received in
 * [from, to). {@code teams}: the teams the caller may see (null = every team, a supervisor).
 */
public record CaseCriteria(String orderId, String userId, String merchantId, String anchorId, String incidentId, CaseState state,
                           String team, String assigneeId, Severity severity, ComplaintType type, List<String> words,
                           Instant dueBefore, Instant from, Instant to, List<String> teams) {

    /** The words of a query: split on white space, normalised like the text they are looked for in. */
    public static List<String> words(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return Arrays.stream(normalise(q).split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    public boolean matches(ComplaintCase c) {
        return (teams == null || teams.contains(c.getTeam()))
                && eq(orderId, c.getOrderId()) && eq(userId, c.getUserId()) && eq(merchantId, c.getMerchantId())
                && eq(anchorId, c.getAnchorId()) && eq(incidentId, c.getIncidentId()) && eq(team, c.getTeam())
                && eq(assigneeId, c.getAssigneeId())
                && (state == null || state == c.getState()) && (severity == null || severity == c.getSeverity())
                && (type == null || type == c.getType())
                && (from == null || !c.getReceivedAt().isBefore(from)) && (to == null || c.getReceivedAt().isBefore(to))
                && dueBefore(c) && textHasWords(c);
    }

    private boolean dueBefore(ComplaintCase c) {
        if (dueBefore == null) {
            return true;
        }
        SlaClockStatus next = AgentQueue.nextDeadline(c);
        return next != null && next.getDueAt().isBefore(dueBefore);
    }

    private boolean textHasWords(ComplaintCase c) {
        if (words == null || words.isEmpty()) {
            return true;
        }
        if (c.getComplaint() == null) {
            return false;
        }
        String text = normalise(c.getComplaint().getText());
        return words.stream().allMatch(text::contains);
    }

    private static boolean eq(String wanted, String actual) {
        return wanted == null || Objects.equals(wanted, actual);
    }

    private static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
