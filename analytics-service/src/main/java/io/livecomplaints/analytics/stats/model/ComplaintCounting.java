package io.livecomplaints.analytics.stats.model;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Enrichment;
import io.livecomplaints.events.QosDiagnosis;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A triaged complaint is counted once, at the moment it was received: overall, by type, channel, severity, team, by
 * the merchant, anchor, room, session and product (SKU) it is about, and, if it is a stream-quality (technical)
 * complaint, by the CDN region of its session: the region of its diagnosis, else the region the session's telemetry
 * was last seen in.
 */
public final class ComplaintCounting {

    private ComplaintCounting() {
    }

    public static List<Observation> observe(ComplaintProfile profile, ComplaintTriaged triaged,
                                            Function<String, String> regionOfSession) {
        ComplaintReceived complaint = triaged.getComplaint();
        profile.learn(attributesOf(triaged), complaint.getReceivedAt());
        if (complaint.getEnrichment() != null) {
            profile.learnMerchant(complaint.getEnrichment().getMerchantId());
        }
        if (!profile.markCounted()) {
            return List.of();
        }
        Instant at = complaint.getReceivedAt();
        Enrichment enrichment = complaint.getEnrichment();
        String sessionId = firstOf(enrichment == null ? null : enrichment.getSessionId(), complaint.getSessionId());
        List<Observation> out = new java.util.ArrayList<>(profile.attributes().observe(Metric.COMPLAINTS, at, 1));
        if (enrichment != null) {
            addIfKnown(out, Dimension.MERCHANT, enrichment.getMerchantId(), at);
            addIfKnown(out, Dimension.ANCHOR, enrichment.getAnchorId(), at);
            addIfKnown(out, Dimension.PRODUCT, enrichment.getSkuId(), at);
        }
        addIfKnown(out, Dimension.ROOM, firstOf(enrichment == null ? null : enrichment.getRoomId(), complaint.getRoomId()), at);
        addIfKnown(out, Dimension.SESSION, sessionId, at);
        if (triaged.getClassification().getPrimaryType() == ComplaintType.STREAM_QUALITY) {
            QosDiagnosis diagnosis = triaged.getDiagnosis();
            String region = diagnosis != null && diagnosis.getRegion() != null ? diagnosis.getRegion()
                    : sessionId == null ? null : regionOfSession.apply(sessionId);
            addIfKnown(out, Dimension.REGION, region, at);
        }
        return out;
    }

    static Attributes attributesOf(ComplaintTriaged triaged) {
        return new Attributes(triaged.getClassification().getPrimaryType().name(),
                triaged.getComplaint().getChannel().name(), triaged.getSeverity().name(), triaged.getTeam());
    }

    private static void addIfKnown(List<Observation> out, Dimension dimension, String value, Instant at) {
        if (value != null && !value.isBlank()) {
            out.add(Observation.count(StatKey.of(Metric.COMPLAINTS, dimension, value), at));
        }
    }

    private static String firstOf(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }
}
