package io.livecomplaints.triage.routing.model;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Severity and priority (分级): funds safety first; regulator and social-media complaints and large amounts are HIGH;
 * each raise is recorded as a reason.
 */
public record SeverityPolicy(long highAmountFen) {

    public record Grade(Severity severity, int priority, List<String> reasons) {
    }

    public Grade grade(ComplaintType type, Channel channel, Long amountFen) {
        List<String> reasons = new ArrayList<>();
        Severity severity = Severity.MEDIUM;
        int priority = 40;
        if (type == ComplaintType.FUNDS_SAFETY) {
            severity = Severity.HIGH;
            priority += 40;
            reasons.add("funds-safety");
        }
        if (channel == Channel.REGULATOR || channel == Channel.SOCIAL_MEDIA) {
            severity = Severity.HIGH;
            priority += 20;
            reasons.add("public-opinion-channel:" + channel);
        }
        if (amountFen != null && amountFen >= highAmountFen) {
            severity = Severity.HIGH;
            priority += 15;
            reasons.add("high-amount");
        }
        return new Grade(severity, Math.min(100, priority), reasons);
    }
}
