package io.livecomplaints.resolution.queue.model;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.resolution.cases.model.CaseStateMachine;
import io.livecomplaints.resolution.remedies.model.AuthorityLadder;
import io.livecomplaints.resolution.sla.model.SlaClocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An agent's queue: open cases assigned to them, proposals of their team they may approve, and their team's
 * unassigned cases; a supervisor also sees the escalated cases of the team they supervise (every team's without a team
 * claim). Ordered by priority (highest first), then by the
 * nearest running deadline.
 */
public final class AgentQueue {

    /** Why a case is in the queue. */
    public enum Reason { ASSIGNED_TO_YOU, AWAITING_YOUR_APPROVAL, TEAM_QUEUE, ESCALATED }

    /** Who looks at the queue. */
    public record Viewer(String agentId, AgentTier tier, String team, boolean supervisor) {
    }

    /** A case in the queue, why, and its nearest running deadline (null if none runs). */
    public record Entry(ComplaintCase complaintCase, Reason reason, Instant nextDueAt, SlaClock nextClock) {
    }

    private static final Comparator<Entry> ORDER = Comparator
            .comparingInt((Entry e) -> e.complaintCase().getPriority()).reversed()
            .thenComparing(Entry::nextDueAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private AgentQueue() {
    }

    public static List<Entry> of(Viewer viewer, Collection<ComplaintCase> cases) {
        List<Entry> entries = new ArrayList<>();
        for (ComplaintCase c : cases) {
            Reason reason = reason(viewer, c);
            if (reason != null) {
                SlaClockStatus next = nextDeadline(c);
                entries.add(new Entry(c, reason, next == null ? null : next.getDueAt(), next == null ? null : next.getClock()));
            }
        }
        entries.sort(ORDER);
        return entries;
    }

    private static Reason reason(Viewer viewer, ComplaintCase c) {
        if (!CaseStateMachine.OPEN.contains(c.getState())) {
            return null;
        }
        boolean ownTeam = viewer.supervisor() || Objects.equals(viewer.team(), c.getTeam());
        if (viewer.agentId().equals(c.getAssigneeId()) && c.getState() != CaseState.AWAITING_APPROVAL) {
            return Reason.ASSIGNED_TO_YOU;
        }
        if (c.getState() == CaseState.AWAITING_APPROVAL && ownTeam && !viewer.agentId().equals(c.getPendingProposedBy())
                && (c.getRequiredTier() == null || AuthorityLadder.atLeast(viewer.tier(), c.getRequiredTier()))) {
            return Reason.AWAITING_YOUR_APPROVAL;
        }
        if (ownTeam && c.getAssigneeId() == null && Objects.equals(viewer.team(), c.getTeam())) {
            return Reason.TEAM_QUEUE;
        }
        if (viewer.supervisor() && c.getState() == CaseState.ESCALATED
                && (viewer.team() == null || viewer.team().equals(c.getTeam()))) {
            return Reason.ESCALATED; // a supervisor with a team claim supervises that team; without one, every team
        }
        return null;
    }

    /** The running clock due first; while the merchant is asked, only the merchant's clock runs. */
    public static SlaClockStatus nextDeadline(ComplaintCase c) {
        boolean waiting = c.getState() == CaseState.AWAITING_MERCHANT;
        return c.getSlaClocks().stream()
                .filter(SlaClocks::running)
                .filter(s -> !(waiting && SlaClocks.pausable(s.getClock())))
                .min(Comparator.comparing(SlaClockStatus::getDueAt))
                .orElse(null);
    }
}
