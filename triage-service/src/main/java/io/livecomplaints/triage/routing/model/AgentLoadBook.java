package io.livecomplaints.triage.routing.model;

/**
 * Where the agents' load is kept (a Kafka-backed store in the service): which agent each open case is with, how
 * many open cases each agent has, and when each was last given one (a sequence number, for fair turns).
 */
public interface AgentLoadBook {

    /** The agent an open case is with, or null when the case is not open or unknown. */
    String assigneeOf(String caseId);

    void putOpenCase(String caseId, String agentId);

    void removeOpenCase(String caseId);

    long openCases(String agentId);

    void setOpenCases(String agentId, long count);

    /** The sequence number of the agent's latest assignment, 0 if never. */
    long lastTurn(String agentId);

    /** Records a new assignment of the agent and returns its sequence number. */
    long takeTurn(String agentId);
}
