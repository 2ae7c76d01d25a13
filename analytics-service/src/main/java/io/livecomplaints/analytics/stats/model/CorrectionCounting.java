package io.livecomplaints.analytics.stats.model;

import io.livecomplaints.events.CaseCorrection;
import io.livecomplaints.events.CorrectionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Corrections agents made to triage's routing, each counted once (a case carries all its corrections; the profile
 * remembers how many were counted): a reclassification counts under the type triage had given (how often triage gets
 * a type wrong) and under the corrected one (as {@code type} of {@code reclassifications} by {@code result}
 * {@code to:<TYPE>}), a transfer under the team the case left. Withdrawn complaints (撤诉) count once, apart from the
 * decided ones.
 */
public final class CorrectionCounting {

    private CorrectionCounting() {
    }

    public static List<Observation> corrections(ComplaintProfile profile, List<CaseCorrection> corrections) {
        List<Observation> out = new ArrayList<>();
        for (int i = profile.correctionsCounted(); i < corrections.size(); i++) {
            CaseCorrection c = corrections.get(i);
            if (c.getKind() == CorrectionKind.RECLASSIFY) {
                out.add(new Observation(StatKey.overall(Metric.RECLASSIFICATIONS), c.getAt(), 1));
                out.add(new Observation(StatKey.of(Metric.RECLASSIFICATIONS, Dimension.TYPE, c.getFrom()), c.getAt(), 1));
                out.add(new Observation(StatKey.of(Metric.RECLASSIFICATIONS, Dimension.RESULT, "to:" + c.getTo()), c.getAt(), 1));
            } else {
                out.add(new Observation(StatKey.overall(Metric.TRANSFERS), c.getAt(), 1));
                out.add(new Observation(StatKey.of(Metric.TRANSFERS, Dimension.TEAM, c.getFrom()), c.getAt(), 1));
            }
        }
        profile.correctionsCounted(corrections.size());
        return out;
    }

    public static List<Observation> withdrawal(ComplaintProfile profile, boolean withdrawn, java.time.Instant at) {
        if (!withdrawn || !profile.markWithdrawn()) {
            return List.of();
        }
        return profile.attributes().observe(Metric.WITHDRAWN, at, 1);
    }
}
