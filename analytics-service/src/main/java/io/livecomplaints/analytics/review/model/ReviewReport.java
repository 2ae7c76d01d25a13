package io.livecomplaints.analytics.review.model;

import io.livecomplaints.analytics.mix.model.ComplaintRate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The periodic review (复盘) of a period: volume against the previous period, and the recurring problems it names:
 * merchants, anchors and products with the highest complaint rates, the time slots and CDN regions with technical
 * complaints, and the types whose SLA breach rate rose. {@link #findings} says the same in sentences.
 */
public record ReviewReport(Instant from, Instant to, long complaints, long previousComplaints,
                           List<ComplaintRate> merchants, List<ComplaintRate> anchors, List<ComplaintRate> products,
                           List<TechnicalHotspots.TimeSlot> technicalTimeSlots, List<TechnicalHotspots.Region> technicalRegions,
                           List<BreachRateRises.Rise> breachRateRises, List<String> findings) {

    public static ReviewReport of(Instant from, Instant to, long complaints, long previousComplaints,
                                  List<ComplaintRate> merchants, List<ComplaintRate> anchors, List<ComplaintRate> products,
                                  List<TechnicalHotspots.TimeSlot> slots, List<TechnicalHotspots.Region> regions,
                                  List<BreachRateRises.Rise> rises) {
        List<String> findings = new ArrayList<>();
        findings.add(String.format(Locale.ROOT, "%d complaints (previous period: %d)", complaints, previousComplaints));
        name(findings, "merchant", merchants);
        name(findings, "anchor", anchors);
        name(findings, "product", products);
        if (!slots.isEmpty()) {
            findings.add(String.format(Locale.ROOT, "technical complaints peak at %s (%d)", slots.get(0).slot(), slots.get(0).complaints()));
        }
        if (!regions.isEmpty()) {
            findings.add(String.format(Locale.ROOT, "CDN region %s has the most technical complaints (%d)", regions.get(0).region(),
                    regions.get(0).complaints()));
        }
        for (BreachRateRises.Rise rise : rises) {
            findings.add(String.format(Locale.ROOT, "%s: SLA breach rate rose from %.0f%% to %.0f%%", rise.type(),
                    rise.previousRate() * 100, rise.currentRate() * 100));
        }
        return new ReviewReport(from, to, complaints, previousComplaints, merchants, anchors, products, slots, regions, rises,
                List.copyOf(findings));
    }

    private static void name(List<String> findings, String what, List<ComplaintRate> ranked) {
        if (ranked.isEmpty()) {
            return;
        }
        ComplaintRate first = ranked.get(0);
        findings.add(first.rate() == null
                ? String.format(Locale.ROOT, "%s %s: %d complaints", what, first.id(), first.complaints())
                : String.format(Locale.ROOT, "%s %s: %d complaints on %d orders (%.1f%%)", what, first.id(), first.complaints(),
                first.orders(), first.rate() * 100));
    }
}
