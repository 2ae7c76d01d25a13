package io.livecomplaints.triage.routing;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.triage.routing.model.AgentLoadLedger;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Learns the agents' load from complaint-cases: every case change (assignee and state, as {@link #encode}d and
 * partitioned by the case's team) updates the team's load book.
 */
public final class CaseLoadTracker implements Processor<String, String, Void, Void> {

    private AgentLoadLedger ledger;

    /** The part of a case this needs: {@code complaintId|assigneeId|state}. */
    public static String encode(String complaintId, String assigneeId, CaseState state) {
        return complaintId + "|" + (assigneeId == null ? "" : assigneeId) + "|" + state;
    }

    /**
     * What a case change tells the load books, keyed by team: its own team's book gets assignee and state; when the
     * case was transferred from another team, that team's book (in another partition) hears that it no longer has an
     * assignee there, so the former assignee's slot is freed.
     */
    public static java.util.List<org.apache.kafka.streams.KeyValue<String, String>> changes(String complaintId, String team,
            String assigneeId, CaseState state, String transferredFrom) {
        var current = org.apache.kafka.streams.KeyValue.pair(team, encode(complaintId, assigneeId, state));
        if (transferredFrom == null || transferredFrom.equals(team)) {
            return java.util.List.of(current);
        }
        return java.util.List.of(org.apache.kafka.streams.KeyValue.pair(transferredFrom, encode(complaintId, null, state)), current);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        ledger = new AgentLoadLedger(new StoreAgentLoadBook(context.getStateStore(StoreAgentLoadBook.OPEN_CASES),
                context.getStateStore(StoreAgentLoadBook.AGENT_LOAD), context.getStateStore(StoreAgentLoadBook.AGENT_TURNS)));
    }

    @Override
    public void process(Record<String, String> record) {
        String[] parts = record.value().split("\\|", -1);
        ledger.caseChanged(parts[0], parts[1].isEmpty() ? null : parts[1], CaseState.valueOf(parts[2]));
    }
}
