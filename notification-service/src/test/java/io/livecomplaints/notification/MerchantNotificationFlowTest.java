package io.livecomplaints.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.DeliveryStatus;
import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Merchant notifications on the real broker: a merchant request reaches the merchant's inbox and the merchant
 * platform's webhook with complaint id, remedy, amounts and deadline; the 24 h reminder fires from the durable
 * schedule, once even when the case change is replayed; a reminder due after the merchant answered is suppressed;
 * the decision reaches the merchant.
 */
class MerchantNotificationFlowTest extends ServiceTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static boolean is(TopicReader.Received<NotificationReceipt> r, String complaintId, NotificationKind kind,
                              NotificationChannel channel, DeliveryStatus status) {
        NotificationReceipt v = r.value();
        return v != null && complaintId.equals(r.key()) && v.getKind() == kind && v.getChannel() == channel && v.getStatus() == status;
    }

    /** The case as resolution publishes it when an agent asks the merchant, its answer due at {@code dueAt}. */
    private static ComplaintCase asked(String id, String merchant, Instant dueAt) {
        ComplaintCase c = Events.caseChange(id, "U-" + id, "zh-CN", 3, "REQUEST_MERCHANT_RESPONSE", CaseState.IN_PROGRESS,
                CaseState.AWAITING_MERCHANT, "FULL_REFUND 29900 fen");
        return ComplaintCase.newBuilder(c).setMerchantId(merchant).setAmountPaidFen(29_900L)
                .setPendingDecision(RemedyDecision.newBuilder().setRemedy(Remedy.FULL_REFUND).setRefundFen(29_900).setReason("货不对板").build())
                .setSlaClocks(List.of(SlaClockStatus.newBuilder().setClock(SlaClock.MERCHANT_RESPONSE)
                        .setDueAt(dueAt).build()))
                .build();
    }

    @Test
    void theMerchantHearsTheRequestIsRemindedOnceBeforeTheDeadlineAndHearsTheDecision() throws Exception {
        String id = "C-merchant-flow";
        String merchant = "M-flow";
        // the 24 h reminder is due in 3 s; the 2 h one far later
        Instant due = Instant.now().plus(Duration.ofHours(24)).plusSeconds(3);
        ComplaintCase asked = asked(id, merchant, due);
        write(topics.complaintCases, id, asked);

        try (TopicReader<NotificationReceipt> receipts = receipts()) {
            receipts.await(r -> is(r, id, NotificationKind.MERCHANT_REQUEST, NotificationChannel.IN_APP, DeliveryStatus.SENT), TIMEOUT);
            receipts.await(r -> is(r, id, NotificationKind.MERCHANT_REQUEST, NotificationChannel.WEBHOOK, DeliveryStatus.SENT), TIMEOUT);
            write(topics.complaintCases, id, asked); // a replayed change: told once
            NotificationReceipt reminder = receipts.await(r -> is(r, id, NotificationKind.MERCHANT_REMINDER, NotificationChannel.IN_APP,
                    DeliveryStatus.SENT), TIMEOUT).value();
            assertThat(reminder.getUserId()).isEqualTo("merchant:" + merchant);
            receipts.await(r -> is(r, id, NotificationKind.MERCHANT_REMINDER, NotificationChannel.WEBHOOK, DeliveryStatus.SENT), TIMEOUT);
        }
        String token = TestPlatform.get().tokens().merchant(merchant);
        HttpResponse<String> inbox = awaitBody("/api/v1/merchant/inbox", token, "\"total\":2");
        System.out.println("GET /api/v1/merchant/inbox -> " + inbox.statusCode() + " " + inbox.body());
        assertThat(inbox.body()).contains("\"kind\":\"MERCHANT_REQUEST\"", "\"kind\":\"MERCHANT_REMINDER\"",
                "【商家待处理】投诉 " + id + "：平台请您处理 FULL_REFUND（退款 ¥299.00", "逾期将自动同意").doesNotContain("U-" + id);
        assertThat(MERCHANT_PLATFORM.deliveredFor(id)).hasSize(2).allSatisfy(hook ->
                assertThat(hook.body()).containsEntry("userId", "merchant:" + merchant).containsEntry("complaintId", id));
        System.out.println("merchant webhook -> " + MERCHANT_PLATFORM.deliveredFor(id).get(0).body());
        assertThat(get("/api/v1/merchant/inbox", TestPlatform.get().tokens().merchant("M-other")).body()).contains("\"total\":0");
        assertThat(get("/api/v1/merchant/inbox", TestPlatform.get().tokens().user("U-" + id)).statusCode()).isEqualTo(403);

        ComplaintOutcome decided = ComplaintOutcome.newBuilder(Events.outcome(id, "U-" + id, "zh-CN", ComplaintType.PRODUCT_QUALITY,
                Remedy.FULL_REFUND, 29_900, "商家超时未答复，平台按规则同意退款", "R-MERCHANT-48H")).setMerchantId(merchant).setAutoApproved(true).build();
        write(topics.complaintOutcomes, id, decided);
        try (TopicReader<NotificationReceipt> receipts = receipts()) {
            receipts.await(r -> is(r, id, NotificationKind.MERCHANT_DECISION, NotificationChannel.IN_APP, DeliveryStatus.SENT), TIMEOUT);
            receipts.await(r -> is(r, id, NotificationKind.MERCHANT_DECISION, NotificationChannel.WEBHOOK, DeliveryStatus.SENT), TIMEOUT);
        }
        HttpResponse<String> after = awaitBody("/api/v1/merchant/inbox", token, "\"total\":3");
        assertThat(after.body()).contains("【处理结果】投诉 " + id + " 已处理：FULL_REFUND，退款 ¥299.00，赔偿 ¥0.00（超时自动同意）");
        System.out.println("merchant decision -> " + after.body());
    }

    @Test
    void aReminderDueAfterTheMerchantAnsweredIsSuppressed() throws Exception {
        String id = "C-merchant-answered";
        String merchant = "M-answered";
        ComplaintCase asked = asked(id, merchant, Instant.now().plus(Duration.ofHours(24)).plusSeconds(4));
        write(topics.complaintCases, id, asked);
        try (TopicReader<NotificationReceipt> receipts = receipts()) {
            receipts.await(r -> is(r, id, NotificationKind.MERCHANT_REQUEST, NotificationChannel.IN_APP, DeliveryStatus.SENT), TIMEOUT);
            ComplaintCase answered = ComplaintCase.newBuilder(Events.caseChange(id, "U-" + id, "zh-CN", 4, "MERCHANT_RESPONDED",
                    CaseState.AWAITING_MERCHANT, CaseState.IN_PROGRESS, "merchant refused")).setMerchantId(merchant).build();
            write(topics.complaintCases, id, answered);
            NotificationReceipt suppressed = receipts.await(r -> is(r, id, NotificationKind.MERCHANT_REMINDER, NotificationChannel.IN_APP,
                    DeliveryStatus.SUPPRESSED), TIMEOUT).value();
            assertThat(suppressed.getError()).contains("no longer open");
        }
        assertThat(get("/api/v1/merchant/inbox", TestPlatform.get().tokens().merchant(merchant)).body()).contains("\"total\":1");
    }

    @Test
    void anAnchorPenaltyReachesTheAnchorsInbox() throws Exception {
        String id = "C-anchor-penalty";
        String anchor = "A-penalised";
        ComplaintOutcome base = Events.outcome(id, "U-" + id, "zh-CN", ComplaintType.ANCHOR_CONDUCT, Remedy.ANCHOR_PENALTY, 0,
                "主播在直播中辱骂用户", "R-ANCHOR-3");
        ComplaintOutcome penalty = ComplaintOutcome.newBuilder(base).setAnchorId(anchor)
                .setDecision(RemedyDecision.newBuilder(base.getDecision()).setAnchorPenalty(io.livecomplaints.events.AnchorPenalty.newBuilder()
                        .setLevel(io.livecomplaints.events.PenaltyLevel.TRAFFIC_LIMIT).setDurationDays(7).build()).build())
                .build();
        write(topics.complaintOutcomes, id, penalty);
        try (TopicReader<NotificationReceipt> receipts = receipts()) {
            NotificationReceipt told = receipts.await(r -> is(r, id, NotificationKind.ANCHOR_PENALTY, NotificationChannel.IN_APP,
                    DeliveryStatus.SENT), TIMEOUT).value();
            assertThat(told.getUserId()).isEqualTo("anchor:" + anchor);
        }
        HttpResponse<String> inbox = awaitBody("/api/v1/anchor/inbox", TestPlatform.get().tokens().anchor(anchor), "\"total\":1");
        System.out.println("GET /api/v1/anchor/inbox -> " + inbox.statusCode() + " " + inbox.body());
        assertThat(inbox.body()).contains("【主播处罚通知】因投诉 " + id + "，平台依规对您作出处罚：限流 7 天。处理依据：主播在直播中辱骂用户。")
                .doesNotContain("U-" + id);
        assertThat(get("/api/v1/anchor/inbox", TestPlatform.get().tokens().merchant("M-1")).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/anchor/inbox", TestPlatform.get().tokens().anchor("A-other")).body()).contains("\"total\":0");
    }

    @Test
    void aUserHearsOnceThatTheirComplaintBelongsToAnIncident() throws Exception {
        String incident = "INC-SURGE-session-S-618-20261204T060000Z";
        String user = "U-incident";
        String id = "C-incident-1";
        ComplaintCase opened = ComplaintCase.newBuilder(Events.caseChange(id, user, "zh-CN", 1, "TRIAGED", CaseState.RECEIVED,
                CaseState.TRIAGED, null)).setIncidentId(incident).build();
        write(topics.complaintCases, id, opened);
        write(topics.complaintCases, id, opened); // replayed
        write(topics.complaintCases, id, ComplaintCase.newBuilder(Events.caseChange(id, user, "zh-CN", 2, "ACCEPT",
                CaseState.TRIAGED, CaseState.IN_PROGRESS, null)).setIncidentId(incident).build());
        try (TopicReader<NotificationReceipt> receipts = receipts()) {
            receipts.await(r -> r.value() != null && r.value().getKind() == NotificationKind.INCIDENT
                    && r.value().getChannel() == NotificationChannel.IN_APP && r.value().getStatus() == DeliveryStatus.SENT
                    && user.equals(r.value().getUserId()), TIMEOUT);
            receipts.awaitAll(r -> r.value() != null && r.value().getKind() == NotificationKind.PROGRESS
                    && user.equals(r.value().getUserId()) && r.value().getChannel() == NotificationChannel.IN_APP, 1, TIMEOUT);
            long incidentNotices = receipts.drain(Duration.ofSeconds(2)).stream().filter(r -> r.value() != null
                    && r.value().getKind() == NotificationKind.INCIDENT && r.value().getChannel() == NotificationChannel.IN_APP
                    && user.equals(r.value().getUserId())).count();
            assertThat(incidentNotices).isEqualTo(1); // once, whatever the number of case changes (and replays)
        }
        HttpResponse<String> inbox = get("/api/v1/inbox/" + user, TestPlatform.get().tokens().user(user));
        System.out.println("incident notice -> " + inbox.body());
        assertThat(inbox.body()).contains("与同一场直播活动中的大量投诉属于同一事件");
    }

    private HttpResponse<String> awaitBody(String path, String token, String contains) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        HttpResponse<String> last;
        do {
            last = get(path, token);
            if (last.statusCode() == 200 && last.body().contains(contains)) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " never contained " + contains + ": " + last.body());
    }
}
