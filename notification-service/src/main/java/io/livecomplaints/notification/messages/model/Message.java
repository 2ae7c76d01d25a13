package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.events.PenaltyLevel;
import io.livecomplaints.events.Remedy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A message users can receive: its template key in the 话术库, the lifecycle kind it reports and the placeholders
 * its templates may use. The template files are checked against {@link #placeholdersByKey()} at startup.
 */
public record Message(String key, NotificationKind kind, Set<String> placeholders) {

    public static final Message ACKNOWLEDGMENT = of("acknowledgment", NotificationKind.ACKNOWLEDGMENT, "complaintId", "dueAt");
    public static final Message ASSIGNED = of("assigned", NotificationKind.ASSIGNED, "complaintId", "team");
    /** Viewer-side stream problem answered at once with advice (triage's automatic diagnosis). */
    public static final Message AUTO_REPLY = of("auto-reply", NotificationKind.PROGRESS, "complaintId", "advice");
    public static final Message PROGRESS_STARTED = of("progress.started", NotificationKind.PROGRESS, "complaintId");
    public static final Message PROGRESS_NOTE = of("progress.note", NotificationKind.PROGRESS, "complaintId", "note");
    public static final Message PROGRESS_AWAITING_MERCHANT = of("progress.awaiting-merchant", NotificationKind.PROGRESS, "complaintId");
    public static final Message PROGRESS_MERCHANT_RESPONDED = of("progress.merchant-responded", NotificationKind.PROGRESS, "complaintId");
    public static final Message PROGRESS_AWAITING_APPROVAL = of("progress.awaiting-approval", NotificationKind.PROGRESS, "complaintId");
    public static final Message SLA_WARNING = of("sla-warning", NotificationKind.SLA_WARNING, "complaintId", "dueAt");
    /** An agent escalated the case: it is now in the team supervisors' queue. */
    public static final Message ESCALATED = of("escalated", NotificationKind.ESCALATED, "complaintId");
    /** A deadline passed: the case escalated by itself into the team supervisors' queue. */
    public static final Message ESCALATED_OVERDUE = of("escalated-overdue", NotificationKind.ESCALATED, "complaintId");
    public static final Message REOPENED = of("reopened", NotificationKind.REOPENED, "complaintId");
    public static final Message SURVEY = of("survey", NotificationKind.SURVEY, "complaintId");
    /** To the merchant (商家通知): a request to answer, reminders before its deadline, the decision. */
    public static final Message MERCHANT_REQUEST = of("merchant.request", NotificationKind.MERCHANT_REQUEST,
            "complaintId", "remedy", "refund", "compensation", "dueAt");
    public static final Message MERCHANT_REMINDER = of("merchant.reminder", NotificationKind.MERCHANT_REMINDER,
            "complaintId", "remedy", "refund", "compensation", "dueAt");
    /** 事件通告: the user's complaint belongs to an incident the platform handles as a whole (once per incident and user). */
    public static final Message INCIDENT = of("incident", NotificationKind.INCIDENT, "complaintId");
    /** To the anchor (主播处罚通知): a penalty with its level, duration and basis. */
    public static final Message ANCHOR_PENALTY = of("anchor.penalty", NotificationKind.ANCHOR_PENALTY, "complaintId", "penalty", "reason");
    public static final Message MERCHANT_DECISION = of("merchant.decision", NotificationKind.MERCHANT_DECISION,
            "complaintId", "remedy", "refund", "compensation", "how");

    /** Fragments other templates embed: the basis (处理依据) of a result, with and without a platform rule. */
    public static final String BASIS = "basis";
    public static final String BASIS_WITHOUT_RULE = "basis.no-rule";
    /** The basis told when a result arrives without one (a defect upstream): the user still hears the result. */
    public static final String BASIS_GENERIC = "basis.generic";
    /** Fragments of an anchor penalty's level ({@code penalty.TRAFFIC_LIMIT: 限流 {days} 天}); unspecified for old results. */
    public static final String PENALTY_PREFIX = "penalty.";
    public static final String PENALTY_UNSPECIFIED = "penalty.unspecified";
    /** How a decision reached the merchant: {@code merchant.how.AUTO_APPROVED}, {@code PLATFORM_ADVANCED}, {@code DECIDED}. */
    public static final String MERCHANT_HOW_PREFIX = "merchant.how.";
    /** The e-mail subject line. */
    public static final String SUBJECT = "subject";
    /** Optional translations of team ids: {@code team.logistics: 物流团队}. */
    public static final String TEAM_TERM_PREFIX = "team.";

    private static final Map<Remedy, Message> RESULTS = new LinkedHashMap<>();

    static {
        for (Remedy remedy : Remedy.values()) {
            RESULTS.put(remedy, remedy == Remedy.ANCHOR_PENALTY
                    ? of("result." + remedy.name(), NotificationKind.RESULT, "complaintId", "refund", "compensation", "basis", "penalty")
                    : of("result." + remedy.name(), NotificationKind.RESULT, "complaintId", "refund", "compensation", "basis"));
        }
    }

    /** The result message for a remedy (one template per remedy, REJECT included). */
    public static Message result(Remedy remedy) {
        return RESULTS.get(remedy);
    }

    public static List<Message> all() {
        List<Message> all = new ArrayList<>(List.of(ACKNOWLEDGMENT, ASSIGNED, AUTO_REPLY, PROGRESS_STARTED, PROGRESS_NOTE,
                PROGRESS_AWAITING_MERCHANT, PROGRESS_MERCHANT_RESPONDED, PROGRESS_AWAITING_APPROVAL, SLA_WARNING, ESCALATED,
                ESCALATED_OVERDUE, REOPENED, SURVEY, MERCHANT_REQUEST, MERCHANT_REMINDER, MERCHANT_DECISION, ANCHOR_PENALTY, INCIDENT));
        all.addAll(RESULTS.values());
        return Collections.unmodifiableList(all);
    }

    /** Every template key the 话术库 must define, with the placeholders it may use (fragments included). */
    public static Map<String, Set<String>> placeholdersByKey() {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        all().forEach(m -> keys.put(m.key(), m.placeholders()));
        keys.put(BASIS, Set.of("reason", "rule"));
        keys.put(BASIS_WITHOUT_RULE, Set.of("reason"));
        keys.put(BASIS_GENERIC, Set.of());
        for (PenaltyLevel level : PenaltyLevel.values()) {
            keys.put(PENALTY_PREFIX + level.name(), level == PenaltyLevel.TRAFFIC_LIMIT || level == PenaltyLevel.SUSPENSION
                    ? Set.of("days") : Set.of());
        }
        keys.put(PENALTY_UNSPECIFIED, Set.of());
        keys.put(SUBJECT, Set.of("complaintId"));
        for (String how : List.of("AUTO_APPROVED", "PLATFORM_ADVANCED", "DECIDED")) {
            keys.put(MERCHANT_HOW_PREFIX + how, Set.of());
        }
        return keys;
    }

    private static Message of(String key, NotificationKind kind, String... placeholders) {
        return new Message(key, kind, Set.of(placeholders));
    }
}
