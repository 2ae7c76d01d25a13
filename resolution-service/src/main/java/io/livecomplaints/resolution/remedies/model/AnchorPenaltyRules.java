package io.livecomplaints.resolution.remedies.model;

import io.livecomplaints.events.AnchorPenalty;
import io.livecomplaints.events.PenaltyLevel;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anchor penalties are graded (违规处罚要有梯度: 轻则警告、限流, 重则封禁账号): an ANCHOR_PENALTY names its level; a
 * traffic limit (限流) or a suspension (停播) lasts a number of days (1 to {@code maxDays}); a warning (警告) is a record
 * and a ban (封禁) is permanent, so neither has a duration. Other remedies carry no penalty. Problems by field name.
 */
public record AnchorPenaltyRules(int maxDays) {

    public static final String LEVEL = "anchorPenalty.level";
    public static final String DURATION = "anchorPenalty.durationDays";

    public AnchorPenaltyRules {
        if (maxDays < 1) {
            throw new IllegalArgumentException("a penalty may last at least one day: maxDays " + maxDays);
        }
    }

    public static AnchorPenaltyRules defaults() {
        return new AnchorPenaltyRules(365);
    }

    public Map<String, String> check(RemedyDecision d) {
        Map<String, String> problems = new LinkedHashMap<>();
        AnchorPenalty penalty = d.getAnchorPenalty();
        if (d.getRemedy() != Remedy.ANCHOR_PENALTY) {
            if (penalty != null) {
                problems.put("anchorPenalty", "only an ANCHOR_PENALTY carries a penalty");
            }
            return problems;
        }
        if (penalty == null || penalty.getLevel() == null) {
            problems.put(LEVEL, "is required for ANCHOR_PENALTY: WARNING (警告), TRAFFIC_LIMIT (限流), SUSPENSION (停播) or BAN (封禁)");
            return problems;
        }
        Integer days = penalty.getDurationDays();
        if (timed(penalty.getLevel())) {
            if (days == null) {
                problems.put(DURATION, "is required for " + penalty.getLevel() + ": how many days it lasts");
            } else if (days < 1 || days > maxDays) {
                problems.put(DURATION, "must be between 1 and " + maxDays + " days");
            }
        } else if (days != null) {
            problems.put(DURATION, "must be empty for " + penalty.getLevel()
                    + (penalty.getLevel() == PenaltyLevel.BAN ? " (a ban is permanent)" : " (a warning has no duration)"));
        }
        return problems;
    }

    /** Levels that last a number of days. */
    public static boolean timed(PenaltyLevel level) {
        return level == PenaltyLevel.TRAFFIC_LIMIT || level == PenaltyLevel.SUSPENSION;
    }
}
