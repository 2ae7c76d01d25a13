package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.resolution.fastpath.model.ExpressRefundPolicy;
import io.livecomplaints.resolution.remedies.model.AnchorPenaltyRules;
import io.livecomplaints.resolution.remedies.model.AuthorityLadder;
import io.livecomplaints.resolution.retention.model.ReplayRetentionPolicy;
import io.livecomplaints.resolution.sla.model.SlaPolicy;
import io.livecomplaints.schemas.rules.DecisionBasis;
import java.time.Duration;

/**
 * The configurable rules a case is handled under.
 *
 * @param autoCloseAfter a resolved or rejected case nobody disputes is closed after this long
 * @param basis          the basis rule (处理依据) every decision must meet, shared with notification
 * @param penalties      the levels and durations of anchor penalties
 */
public record CasePolicies(AuthorityLadder ladder, SlaPolicy sla, ExpressRefundPolicy expressRefund,
                           ReplayRetentionPolicy replayRetention, Duration autoCloseAfter, DecisionBasis basis,
                           AnchorPenaltyRules penalties) {

    /** With the default basis and penalty rules. */
    public CasePolicies(AuthorityLadder ladder, SlaPolicy sla, ExpressRefundPolicy expressRefund,
                        ReplayRetentionPolicy replayRetention, Duration autoCloseAfter) {
        this(ladder, sla, expressRefund, replayRetention, autoCloseAfter, DecisionBasis.defaults(), AnchorPenaltyRules.defaults());
    }
}
