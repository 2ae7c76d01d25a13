package io.livecomplaints.intake.validation.model;

import io.livecomplaints.events.Demand;
import java.util.Arrays;

/** Each demand is one the platform knows (退款/换货/赔偿/道歉/处罚主播…). */
final class DemandsKnown implements ComplaintRule {

    @Override
    public void check(ComplaintDraft draft, Violations violations) {
        for (int i = 0; i < draft.demands().size(); i++) {
            if (parse(draft.demands().get(i)) == null) {
                violations.add("demands[" + i + "]", "unknown demand '" + draft.demands().get(i) + "', expected one of "
                        + Arrays.toString(Demand.values()));
            }
        }
    }

    static Demand parse(String demand) {
        try {
            return demand == null ? null : Demand.valueOf(demand.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
