package io.livecomplaints.resolution.board.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.resolution.cases.model.CaseStateMachine;
import io.livecomplaints.resolution.queue.model.AgentQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A supervisor's view of one team at {@code now}: its open cases by state, each agent's load (open cases assigned,
 * how many escalated), cases whose next running deadline is inside its warning window (warnAt passed, deadline not),
 * cases with a breached clock, the oldest open case, escalations waiting for a higher tier, and cases with new input
 * from the user.
 */
public record TeamBoard(String team, Instant at, int open, Map<CaseState, Integer> byState, List<AgentLoad> agents,
                        int unassigned, List<Item> atRisk, List<Item> breached, Item oldestOpen, List<Item> escalations,
                        List<Item> newInput) {

    /** One agent's open cases. */
    public record AgentLoad(String agentId, int open, int escalated) {
    }

    /** A case on the board, with its next running deadline (if any). */
    public record Item(String complaintId, CaseState state, int priority, String assigneeId, Instant receivedAt,
                       Instant nextDueAt, String nextClock, int escalationLevel) {

        static Item of(ComplaintCase c) {
            SlaClockStatus next = AgentQueue.nextDeadline(c);
            return new Item(c.getEnvelope().getComplaintId(), c.getState(), c.getPriority(), c.getAssigneeId(), c.getReceivedAt(),
                    next == null ? null : next.getDueAt(), next == null ? null : next.getClock().name(), c.getEscalationLevel());
        }
    }

    private static final Comparator<ComplaintCase> URGENT_FIRST = Comparator.comparingInt(ComplaintCase::getPriority).reversed()
            .thenComparing(ComplaintCase::getReceivedAt);

    public static TeamBoard of(String team, List<ComplaintCase> cases, Instant now) {
        List<ComplaintCase> open = cases.stream()
                .filter(c -> Objects.equals(team, c.getTeam()) && CaseStateMachine.OPEN.contains(c.getState()))
                .sorted(URGENT_FIRST).toList();
        Map<CaseState, Integer> byState = new EnumMap<>(CaseState.class);
        Map<String, int[]> load = new TreeMap<>();
        List<Item> atRisk = new ArrayList<>();
        List<Item> breached = new ArrayList<>();
        List<Item> escalations = new ArrayList<>();
        List<Item> newInput = new ArrayList<>();
        int unassigned = 0;
        for (ComplaintCase c : open) {
            byState.merge(c.getState(), 1, Integer::sum);
            if (c.getAssigneeId() == null) {
                unassigned++;
            } else {
                int[] l = load.computeIfAbsent(c.getAssigneeId(), a -> new int[2]);
                l[0]++;
                l[1] += c.getState() == CaseState.ESCALATED ? 1 : 0;
            }
            SlaClockStatus next = AgentQueue.nextDeadline(c);
            if (next != null && next.getWarnAt() != null && !now.isBefore(next.getWarnAt()) && now.isBefore(next.getDueAt())) {
                atRisk.add(Item.of(c));
            }
            if (c.getSlaClocks().stream().anyMatch(s -> s.getBreachedAt() != null)) {
                breached.add(Item.of(c));
            }
            if (c.getState() == CaseState.ESCALATED) {
                escalations.add(Item.of(c));
            }
            if (c.getNewInputAt() != null) {
                newInput.add(Item.of(c));
            }
        }
        List<AgentLoad> agents = load.entrySet().stream().map(e -> new AgentLoad(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        Item oldest = open.stream().min(Comparator.comparing(ComplaintCase::getReceivedAt)).map(Item::of).orElse(null);
        return new TeamBoard(team, now, open.size(), byState, agents, unassigned, atRisk, breached, oldest, escalations, newInput);
    }
}
