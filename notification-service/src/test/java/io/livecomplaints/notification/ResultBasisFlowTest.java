package io.livecomplaints.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AnchorPenalty;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.DeliveryStatus;
import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.events.PenaltyLevel;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Results through the real broker (complaint-outcomes → notification → inbox, webhook): a result without a basis still
 * reaches the user with the generic basis and is counted; an anchor penalty is told with its level and duration.
 */
class ResultBasisFlowTest extends ServiceTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private void awaitResult(String id) throws Exception {
        try (TopicReader<NotificationReceipt> receipts = receipts()) {
            receipts.await(r -> r.value() != null && id.equals(r.key()) && r.value().getKind() == NotificationKind.RESULT
                    && r.value().getChannel() == NotificationChannel.IN_APP && r.value().getStatus() == DeliveryStatus.SENT, TIMEOUT);
        }
    }

    @Test
    void aResultWithoutItsBasisStillReachesTheUserWithTheGenericBasisAndIsCounted() throws Exception {
        String id = "C-basis-generic";
        String user = "U-basis-generic";
        write(topics.complaintsReceived, id, Events.received(id, user, "zh-CN", Events.contact("13700002222", null, true), Instant.now()));
        write(topics.complaintOutcomes, id, Events.outcome(id, user, "zh-CN", ComplaintType.AFTER_SALES_POLICY, Remedy.REJECT, 0,
                "不符合条件", null));

        awaitResult(id);
        String inbox = get("/api/v1/inbox/" + user, TestPlatform.get().tokens().user(user)).body();
        System.out.println("generic basis, inbox: " + inbox);
        assertThat(inbox).contains("您的投诉（编号 C-basis-generic）经核实，暂不能支持您的诉求。处理依据：本次处理依据平台投诉处理规则作出");
        String metrics = get("/actuator/prometheus", TestPlatform.get().tokens().operator("ops-1")).body(); // metrics: scraper or operator
        assertThat(metrics).containsPattern("notification_result_generic_basis_total\\{[^}]*remedy=\"REJECT\"[^}]*} [1-9]");
    }

    @Test
    void anAnchorPenaltyIsToldWithItsLevelAndDurationToTheUserAndTheSubscribers() throws Exception {
        String id = "C-penalty-flow";
        String user = "U-penalty-flow";
        write(topics.complaintsReceived, id, Events.received(id, user, "zh-CN", Events.contact("13700003333", null, true), Instant.now()));
        ComplaintOutcome outcome = Events.outcome(id, user, "zh-CN", ComplaintType.ANCHOR_CONDUCT, Remedy.ANCHOR_PENALTY, 0,
                "主播在直播中辱骂用户，违反主播行为规范", "R-ANCHOR-3");
        outcome.getDecision().setAnchorPenalty(AnchorPenalty.newBuilder().setLevel(PenaltyLevel.TRAFFIC_LIMIT).setDurationDays(7).build());
        write(topics.complaintOutcomes, id, outcome);

        awaitResult(id);
        String inbox = get("/api/v1/inbox/" + user, TestPlatform.get().tokens().user(user)).body();
        System.out.println("anchor penalty, inbox: " + inbox);
        assertThat(inbox).contains("已依规对主播进行处罚（限流 7 天）。处理依据：主播在直播中辱骂用户，违反主播行为规范（依据平台规则 R-ANCHOR-3）");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (WEBHOOK.deliveredFor(id).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(WEBHOOK.deliveredFor(id)).anySatisfy(hook -> assertThat(String.valueOf(hook.body().get("text"))).contains("限流 7 天"));
    }
    @Test
    void aComplaintTheSystemAnsweredWithTheDiagnosisIsToldItsResultAndBasis() throws Exception {
        String id = "C-advice-flow";
        String user = "U-advice-flow";
        write(topics.complaintsReceived, id, Events.received(id, user, "zh-CN", Events.contact("13700004444", null, true), Instant.now()));
        ComplaintOutcome outcome = Events.outcome(id, user, "zh-CN", ComplaintType.STREAM_QUALITY, Remedy.ADVICE, 0,
                "自动诊断：直播推流与CDN节点均正常，卡顿来自您当前的网络环境。 请切换到更稳定的Wi-Fi或4G/5G网络后重新进入直播间。",
                "AUTO-QOS-VIEWER-SIDE");
        write(topics.complaintOutcomes, id, outcome);

        awaitResult(id);
        String inbox = get("/api/v1/inbox/" + user, TestPlatform.get().tokens().user(user)).body();
        System.out.println("advice, inbox: " + inbox);
        assertThat(inbox).contains("您反馈的问题（编号 C-advice-flow）已自动答复处理。处理依据：自动诊断：直播推流与CDN节点均正常")
                .contains("（依据平台规则 AUTO-QOS-VIEWER-SIDE）");
    }
}
