package io.livecomplaints.triage.routing;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.triage.routing.model.AgentLoadLedger;
import io.livecomplaints.triage.routing.model.CaseChange;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Learns the agents' load from complaint-cases: every case change (a {@link CaseChange} partitioned by the case's
 * team) updates the team's load book.
 */
public final class CaseLoadTracker implements Processor<String, CaseChange, Void, Void> {

    private AgentLoadLedger ledger;

    /**
     * What a case change tells the load books, keyed by team: its own team's book gets assignee and state; when the
     * case was transferred from another team, that team's book (in another partition) hears that it no longer has an
     * assignee there, so the former assignee's slot is freed.
     */
    public static List<KeyValue<String, CaseChange>> changes(String complaintId, String team, String assigneeId, CaseState state,
                                                             String transferredFrom) {
        KeyValue<String, CaseChange> current = KeyValue.pair(team, new CaseChange(complaintId, assigneeId, state));
        if (transferredFrom == null || transferredFrom.equals(team)) {
            return List.of(current);
        }
        return List.of(KeyValue.pair(transferredFrom, new CaseChange(complaintId, null, state)), current);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        ledger = new AgentLoadLedger(new StoreAgentLoadBook(context.getStateStore(StoreAgentLoadBook.OPEN_CASES),
                context.getStateStore(StoreAgentLoadBook.AGENT_LOAD), context.getStateStore(StoreAgentLoadBook.AGENT_TURNS)));
    }

    @Override
    public void process(Record<String, CaseChange> record) {
        CaseChange change = record.value();
        ledger.caseChanged(change.complaintId(), change.assigneeId(), change.state());
    }
}
