package io.livecomplaints.triage.routing;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;

/** The changelogged stores of the team-partitioned routing task: open cases, agents' load and turns, incident owners. */
public final class RoutingStores {

    public static final String[] NAMES = {StoreAgentLoadBook.OPEN_CASES, StoreAgentLoadBook.AGENT_LOAD,
            StoreAgentLoadBook.AGENT_TURNS, AgentAssigner.INCIDENT_OWNERS};
    /** The agents' open-case counts, for the load API. */
    public static final String AGENT_LOAD = StoreAgentLoadBook.AGENT_LOAD;

    private RoutingStores() {
    }

    public static void addTo(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreAgentLoadBook.OPEN_CASES), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreAgentLoadBook.AGENT_LOAD), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreAgentLoadBook.AGENT_TURNS), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AgentAssigner.INCIDENT_OWNERS), Serdes.String(), Serdes.String()));
    }
}
