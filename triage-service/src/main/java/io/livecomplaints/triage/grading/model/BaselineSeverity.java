package io.livecomplaints.triage.grading.model;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.Severity;
import java.util.Set;

/**
 * The severity before any raise: an inquiry ("where is my parcel": a type agents answer directly, no money at stake,
 * nothing demanded beyond an explanation) is LOW; everything else starts MEDIUM (handled within 48 h).
 */
public final class BaselineSeverity {

    private static final Set<Demand> INQUIRY_DEMANDS = Set.of(Demand.EXPLANATION, Demand.OTHER);

    private final Set<ComplaintType> inquiryTypes;

    public BaselineSeverity(Set<ComplaintType> inquiryTypes) {
        this.inquiryTypes = Set.copyOf(inquiryTypes);
    }

    public Severity of(GradingFacts facts) {
        boolean inquiry = inquiryTypes.contains(facts.type())
                && facts.secondaryTypes().stream().allMatch(inquiryTypes::contains)
                && (facts.amountFen() == null || facts.amountFen() == 0)
                && INQUIRY_DEMANDS.containsAll(facts.demands());
        return inquiry ? Severity.LOW : Severity.MEDIUM;
    }
}
