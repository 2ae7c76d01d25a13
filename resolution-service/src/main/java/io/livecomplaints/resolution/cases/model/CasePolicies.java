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
 * @param size           how large a case may grow (evidence items, text budget, largest record)
 * @param agents         the agents of each team (who a case may be reassigned to)
 * @param appeals        how long a merchant or anchor may appeal (申诉) a decision that charged them
 */
public record CasePolicies(AuthorityLadder ladder, SlaPolicy sla, ExpressRefundPolicy expressRefund,
                           ReplayRetentionPolicy replayRetention, Duration autoCloseAfter, DecisionBasis basis,
                           AnchorPenaltyRules penalties, CaseSizeBound size, AgentDirectory agents,
                           io.livecomplaints.resolution.cases.model.AppealPolicy appeals) {

    /** With the default appeal window. */
    public CasePolicies(AuthorityLadder ladder, SlaPolicy sla, ExpressRefundPolicy expressRefund,
                        ReplayRetentionPolicy replayRetention, Duration autoCloseAfter, DecisionBasis basis,
                        AnchorPenaltyRules penalties, CaseSizeBound size, AgentDirectory agents) {
        this(ladder, sla, expressRefund, replayRetention, autoCloseAfter, basis, penalties, size, agents,
                io.livecomplaints.resolution.cases.model.AppealPolicy.defaults());
    }

    /** application.yml's case size bound: 50 evidence items, 512 KiB text budget, 768 KiB largest case. */
    public static final CaseSizeBound DEFAULT_SIZE = new CaseSizeBound(512 * 1024, 768 * 1024, 50);

    /** With the default basis, penalty rules and size bound, and no agents to reassign to. */
    public CasePolicies(AuthorityLadder ladder, SlaPolicy sla, ExpressRefundPolicy expressRefund,
                        ReplayRetentionPolicy replayRetention, Duration autoCloseAfter) {
        this(ladder, sla, expressRefund, replayRetention, autoCloseAfter, DEFAULT_SIZE, new AgentDirectory(java.util.Map.of()));
    }

    /** With the default basis and penalty rules. */
    public CasePolicies(AuthorityLadder ladder, SlaPolicy sla, ExpressRefundPolicy expressRefund,
                        ReplayRetentionPolicy replayRetention, Duration autoCloseAfter, CaseSizeBound size,
                        AgentDirectory agents) {
        this(ladder, sla, expressRefund, replayRetention, autoCloseAfter, DecisionBasis.defaults(),
                AnchorPenaltyRules.defaults(), size, agents);
    }
}
