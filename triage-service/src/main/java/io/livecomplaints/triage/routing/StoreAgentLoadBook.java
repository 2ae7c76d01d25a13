package io.livecomplaints.triage.routing;

import io.livecomplaints.triage.routing.model.AgentLoadBook;
import org.apache.kafka.streams.state.KeyValueStore;

/** The agents' load in changelogged state stores of the team-partitioned routing task. */
final class StoreAgentLoadBook implements AgentLoadBook {

    static final String OPEN_CASES = "open-cases";
    static final String AGENT_LOAD = "agent-load";
    static final String AGENT_TURNS = "agent-turns";
    /** Key in {@link #AGENT_TURNS} holding the last sequence number handed out. */
    private static final String SEQUENCE = "";

    private final KeyValueStore<String, String> openCases;
    private final KeyValueStore<String, Long> load;
    private final KeyValueStore<String, Long> turns;

    StoreAgentLoadBook(KeyValueStore<String, String> openCases, KeyValueStore<String, Long> load, KeyValueStore<String, Long> turns) {
        this.openCases = openCases;
        this.load = load;
        this.turns = turns;
    }

    @Override
    public String assigneeOf(String caseId) {
        return openCases.get(caseId);
    }

    @Override
    public void putOpenCase(String caseId, String agentId) {
        openCases.put(caseId, agentId);
    }

    @Override
    public void removeOpenCase(String caseId) {
        openCases.delete(caseId);
    }

    @Override
    public long openCases(String agentId) {
        Long count = load.get(agentId);
        return count == null ? 0 : count;
    }

    @Override
    public void setOpenCases(String agentId, long count) {
        load.put(agentId, count);
    }

    @Override
    public long lastTurn(String agentId) {
        Long turn = turns.get(agentId);
        return turn == null ? 0 : turn;
    }

    @Override
    public long takeTurn(String agentId) {
        Long last = turns.get(SEQUENCE);
        long next = (last == null ? 0 : last) + 1;
        turns.put(SEQUENCE, next);
        turns.put(agentId, next);
        return next;
    }
}
