package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.notification.templates.model.Fragment;
import io.livecomplaints.schemas.rules.DecisionBasis;
import java.util.Map;

/**
 * Rule (处理依据): a result is told with its basis, never as a bare "不符合条件". The basis is the decision's reason,
 * with the platform rule it rests on when there is one. Whether a reason says nothing by itself is the shared
 * {@link DecisionBasis} rule, the one resolution applies where the decision is made. A result that still arrives
 * without a basis (a defect upstream) is told anyway, with the generic basis: the user always hears the result.
 */
public final class ResultBasis {

    private final DecisionBasis rule;

    public ResultBasis(DecisionBasis rule) {
        this.rule = rule;
    }

    /** The basis fragment of the result message, the generic one when the decision gives the user no basis. */
    public Phrased of(RemedyDecision decision) {
        String reason = decision.getReason() == null ? "" : decision.getReason().strip();
        String ruleId = DecisionBasis.ruleId(decision);
        boolean bare = rule.isBare(reason);
        if (bare && ruleId == null) {
            return new Phrased(new Fragment(Message.BASIS_GENERIC, Map.of()), true);
        }
        Fragment fragment = ruleId == null
                ? new Fragment(Message.BASIS_WITHOUT_RULE, Map.of("reason", reason))
                : new Fragment(Message.BASIS, Map.of("reason", bare ? "" : reason, "rule", ruleId));
        return new Phrased(fragment, false);
    }

    /** The basis to tell, and whether it is the generic one (the decision had none: a defect to report). */
    public record Phrased(Fragment fragment, boolean generic) {
    }
}
