package io.livecomplaints.triage.routing.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentSelectionTest {

    /** The load book in memory, as the ledger and the selection see the store. */
    static final class MemoryBook implements AgentLoadBook {
        final Map<String, String> open = new HashMap<>();
        final Map<String, Long> load = new HashMap<>();
        final Map<String, Long> turns = new HashMap<>();
        long sequence;

        @Override public String assigneeOf(String caseId) { return open.get(caseId); }
        @Override public void putOpenCase(String caseId, String agentId) { open.put(caseId, agentId); }
        @Override public void removeOpenCase(String caseId) { open.remove(caseId); }
        @Override public long openCases(String agentId) { return load.getOrDefault(agentId, 0L); }
        @Override public void setOpenCases(String agentId, long count) { load.put(agentId, count); }
        @Override public long lastTurn(String agentId) { return turns.getOrDefault(agentId, 0L); }
        @Override public long takeTurn(String agentId) { turns.put(agentId, ++sequence); return sequence; }
    }

    private final AgentSelection selection = new AgentSelection(new AgentRoster(List.of(
            new Agent("AS-1", "after-sales", AgentTier.SENIOR, Set.of(ComplaintType.PRICE, ComplaintType.PRODUCT_QUALITY), Set.of("zh-CN", "en"), 0),
            new Agent("AS-2", "after-sales", AgentTier.JUNIOR, Set.of(ComplaintType.PRICE), Set.of("zh-CN"), 0),
            new Agent("AS-3", "after-sales", AgentTier.INTERMEDIATE, Set.of(ComplaintType.SERVICE), Set.of("zh-CN"), 1))),
            3, AgentTier.SENIOR);
    private final MemoryBook book = new MemoryBook();
    private final AgentLoadLedger ledger = new AgentLoadLedger(book);

    private String assign(String caseId, ComplaintType type, String language, Severity severity) {
        Assignment assignment = selection.choose(new AssignmentRequest("after-sales", type, language, severity, null), book);
        if (assignment.assigned()) {
            ledger.assigned(caseId, assignment.agentId());
            book.takeTurn(assignment.agentId());
        }
        return assignment.agentId();
    }

    @Test
    void equallyLoadedAgentsTakeTurnsAndNobodyGoesAboveTheCap() {
        List<String> chosen = List.of(
                assign("C-1", ComplaintType.PRICE, "zh-CN", Severity.MEDIUM), assign("C-2", ComplaintType.PRICE, "zh-CN", Severity.MEDIUM),
                assign("C-3", ComplaintType.PRICE, "zh-CN", Severity.MEDIUM), assign("C-4", ComplaintType.PRICE, "zh-CN", Severity.MEDIUM),
                assign("C-5", ComplaintType.PRICE, "zh-CN", Severity.MEDIUM), assign("C-6", ComplaintType.PRICE, "zh-CN", Severity.MEDIUM));
        assertThat(chosen).containsExactly("AS-1", "AS-2", "AS-1", "AS-2", "AS-1", "AS-2");
        assertThat(assign("C-7", ComplaintType.PRICE, "zh-CN", Severity.MEDIUM)).isNull();
        Assignment queued = selection.choose(new AssignmentRequest("after-sales", ComplaintType.PRICE, "zh-CN", Severity.MEDIUM, null), book);
        assertThat(queued.reason()).contains("at their open-case cap: team queue");
    }

    @Test
    void theLeastLoadedSkilledAgentIsChosen() {
        book.setOpenCases("AS-1", 2);
        assertThat(assign("C-1", ComplaintType.PRICE, "zh-CN", Severity.MEDIUM)).isEqualTo("AS-2");
    }

    @Test
    void skillAndLanguageDecideWhoIsEligible() {
        assertThat(assign("C-1", ComplaintType.PRODUCT_QUALITY, "zh-CN", Severity.MEDIUM)).isEqualTo("AS-1");
        assertThat(assign("C-2", ComplaintType.PRICE, "en", Severity.MEDIUM)).isEqualTo("AS-1");
        assertThat(assign("C-3", ComplaintType.SERVICE, "zh-CN", Severity.MEDIUM)).isEqualTo("AS-3");
        // nobody has the skill: any agent of the team below the cap rather than nobody (AS-3 is at its own cap of 1)
        Assignment fallback = selection.choose(new AssignmentRequest("after-sales", ComplaintType.PROMISE_BREACH, "zh-CN", Severity.MEDIUM, null), book);
        assertThat(fallback.agentId()).isEqualTo("AS-2");
        assertThat(fallback.reason()).contains("nobody has PROMISE_BREACH/zh-CN");
    }

    @Test
    void highSeverityGoesToASeniorAgentWhileOneIsFree() {
        book.setOpenCases("AS-1", 2);
        assertThat(assign("C-1", ComplaintType.PRICE, "zh-CN", Severity.HIGH)).isEqualTo("AS-1");
        assertThat(assign("C-2", ComplaintType.PRICE, "zh-CN", Severity.HIGH)).isEqualTo("AS-2");
    }

    @Test
    void theOwnerOfAnIncidentKeepsItsComplaints() {
        book.setOpenCases("AS-2", 2);
        Assignment a = selection.choose(new AssignmentRequest("after-sales", ComplaintType.PRICE, "zh-CN", Severity.MEDIUM, "AS-2"), book);
        assertThat(a.agentId()).isEqualTo("AS-2");
        assertThat(a.reason()).startsWith("owner of the complaint's incident");
    }

    @Test
    void aTeamWithoutAgentsQueues() {
        assertThat(selection.choose(new AssignmentRequest("logistics", ComplaintType.LOGISTICS, "zh-CN", Severity.LOW, null), book).assigned()).isFalse();
    }

    @Test
    void theLedgerFreesClosedCasesMovesReassignedOnesAndCountsReopenedOnes() {
        ledger.assigned("C-1", "AS-1");
        ledger.assigned("C-2", "AS-1");
        ledger.caseChanged("C-1", "AS-1", CaseState.IN_PROGRESS);
        assertThat(book.openCases("AS-1")).isEqualTo(2);

        ledger.caseChanged("C-2", "AS-2", CaseState.IN_PROGRESS);
        assertThat(book.openCases("AS-1")).isEqualTo(1);
        assertThat(book.openCases("AS-2")).isEqualTo(1);

        ledger.caseChanged("C-1", "AS-1", CaseState.RESOLVED);
        ledger.caseChanged("C-1", "AS-1", CaseState.CLOSED);
        assertThat(book.openCases("AS-1")).isZero();

        ledger.caseChanged("C-1", "AS-1", CaseState.REOPENED);
        assertThat(book.openCases("AS-1")).isEqualTo(1);

        ledger.caseChanged("C-9", null, CaseState.TRIAGED);
        assertThat(book.open).doesNotContainKey("C-9");
    }
}
