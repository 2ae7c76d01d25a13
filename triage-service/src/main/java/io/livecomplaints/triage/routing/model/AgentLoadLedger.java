package io.livecomplaints.triage.routing.model;

import io.livecomplaints.events.CaseState;
import java.util.Set;

/**
 * An agent's load is the number of open cases assigned to them. Triage counts a case the moment it assigns it
 * (before resolution-service has opened it), a case frees its agent's slot when it is RESOLVED, CLOSED or REJECTED,
 * a reassignment moves it to the new agent, and a reopened case counts again.
 */
public final class AgentLoadLedger {

    private static final Set<CaseState> FREES_THE_AGENT = Set.of(CaseState.RESOLVED, CaseState.CLOSED, CaseState.REJECTED);

    private final AgentLoadBook book;

    public AgentLoadLedger(AgentLoadBook book) {
        this.book = book;
    }

    public static boolean isOpen(CaseState state) {
        return !FREES_THE_AGENT.contains(state);
    }

    public void assigned(String caseId, String agentId) {
        caseChanged(caseId, agentId, CaseState.ASSIGNED);
    }

    public void caseChanged(String caseId, String assignee, CaseState state) {
        String previous = book.assigneeOf(caseId);
        boolean openNow = assignee != null && isOpen(state);
        if (previous != null && (!openNow || !previous.equals(assignee))) {
            book.setOpenCases(previous, Math.max(0, book.openCases(previous) - 1));
            book.removeOpenCase(caseId);
        }
        if (openNow && !assignee.equals(previous)) {
            book.setOpenCases(assignee, book.openCases(assignee) + 1);
            book.putOpenCase(caseId, assignee);
        }
    }
}
