package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.resolution.agent.model.AgentDirectory;
import io.livecomplaints.resolution.fastpath.model.ExpressRefundPolicy;
import io.livecomplaints.resolution.remedies.model.AuthorityLadder;
import io.livecomplaints.resolution.retention.model.ReplayRetentionPolicy;
import io.livecomplaints.resolution.sla.model.SlaPolicy;
import java.time.Duration;

/**
 * The configurable rules a case is handled under.
 *
 * @param autoCloseAfter a resolved or rejected case nobody disputes is closed after this long
 * @param size           how large a case may grow (evidence items, text budget, largest record)
 * @param agents         the agents of each team (who a case may be reassigned to)
 */
public record CasePolicies(AuthorityLadder ladder, SlaPolicy sla, ExpressRefundPolicy expressRefund,
                           ReplayRetentionPolicy replayRetention, Duration autoCloseAfter, CaseSizeBound size,
                           AgentDirectory agents) {
}
