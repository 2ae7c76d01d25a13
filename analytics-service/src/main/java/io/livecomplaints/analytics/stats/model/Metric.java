package io.livecomplaints.analytics.stats.model;

/**
 * What a statistic measures. Counted metrics add 1 per observation (or an amount, e.g. money); sampled metrics
 * also keep the distribution of their values (durations in seconds, survey scores) for medians and p95.
 */
public enum Metric {
    /** triaged complaints, once per complaint, at receipt */
    COMPLAINTS("complaints", false),
    /** orders placed (upstream), once per order: the denominator of complaint rates */
    ORDERS("orders", false),
    /** seconds from receipt to the first response, once per complaint */
    FIRST_RESPONSE("first-response", true),
    /** first decision (resolved or rejected) per complaint, sampled with the seconds from receipt to decision */
    RESOLUTION("resolution", true),
    /** the platform's SLA deadlines missed, once per complaint and clock (the merchant's answer clock is not one of them) */
    SLA_BREACHES("sla-breaches", false),
    /** complaints that missed at least one platform deadline, once per complaint: the numerator of the breach rate */
    BREACHED_COMPLAINTS("breached-complaints", false),
    /** the platform's deadline warnings */
    SLA_WARNINGS("sla-warnings", false),
    /** complaints whose merchant was asked to answer (AWAITING_MERCHANT), once per complaint, overall and by merchant */
    MERCHANT_REQUESTS("merchant-requests", false),
    /** complaints whose merchant did not answer in time (MERCHANT_RESPONSE breached, 超时自动同意), once per complaint */
    MERCHANT_TIMEOUTS("merchant-timeouts", false),
    /** escalations after a breach */
    ESCALATIONS("escalations", false),
    /** remedies granted (every decision but REJECT); the amount is refund + compensation in fen */
    REMEDIES("remedies", false),
    /** decisions per liable party */
    LIABILITY("liability", false),
    /** complaints reopened at least once, once per complaint: the numerator of the reopen rate */
    REOPENED("reopened", false),
    /** complaints the user withdrew (撤诉), once per complaint; they have no outcome and are not in the resolution counts */
    WITHDRAWN("withdrawn", false),
    /** types agents corrected, by the type triage had given (misclassification per type), once per reclassification */
    RECLASSIFICATIONS("reclassifications", false),
    /** misrouted cases moved to another team, by the team triage had routed them to, once per transfer */
    TRANSFERS("transfers", false),
    /** satisfaction survey answers, sampled with the score 1..5 */
    SATISFACTION("satisfaction", true),
    /** notification receipts */
    NOTIFICATIONS("notifications", false);

    private final String id;
    private final boolean sampled;

    Metric(String id, boolean sampled) {
        this.id = id;
        this.sampled = sampled;
    }

    public String id() {
        return id;
    }

    /** Whether observations keep their distribution (median, p95), not only count and sum. */
    public boolean sampled() {
        return sampled;
    }

    public static Metric fromId(String id) {
        for (Metric metric : values()) {
            if (metric.id.equals(id) || metric.name().equalsIgnoreCase(id)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + id + "'");
    }
}
