package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.resolution.fastpath.model.ExpressRefundPolicy;
import io.livecomplaints.resolution.remedies.model.AuthorityLadder;
import io.livecomplaints.resolution.retention.model.ReplayRetentionPolicy;
import io.livecomplaints.resolution.sla.model.SlaPolicy;
import java.time.Duration;

/**
 * The configurable rules a case is handled under.
 *
 * @param autoCloseAfter a resolved or rejected case nobody disputes is closed after this long
 */
public record CasePolicies(AuthorityLadder ladder, SlaPolicy sla, ExpressRefundPolicy expressRefund,
                           ReplayRetentionPolicy replayRetention, Duration autoCloseAfter) {
}
