package io.livecomplaints.triage.routing;

/**
 * The changelogged stores of the team-partitioned routing task: open cases, agents' load and turns, incident owners.
 * {@code TriageTopology} adds them; {@link AgentAssigner} and {@link CaseLoadTracker} share them.
 */
public final class RoutingStores {

    /** Complaint id → its agent: String → String. */
    public static final String OPEN_CASES = StoreAgentLoadBook.OPEN_CASES;
    /** Agent id → open-case count: String → Long (also read by the load API). */
    public static final String AGENT_LOAD = StoreAgentLoadBook.AGENT_LOAD;
    /** Agent id → last turn (sequence number): String → Long. */
    public static final String AGENT_TURNS = StoreAgentLoadBook.AGENT_TURNS;
    /** Incident id → the agent owning it: String → String. */
    public static final String INCIDENT_OWNERS = AgentAssigner.INCIDENT_OWNERS;
    public static final String[] NAMES = {OPEN_CASES, AGENT_LOAD, AGENT_TURNS, INCIDENT_OWNERS};

    private RoutingStores() {
    }
}
