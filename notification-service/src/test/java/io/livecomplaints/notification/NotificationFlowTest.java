package io.livecomplaints.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.DeliveryStatus;
import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The service on the real broker with real local HTTP providers: acknowledgments on every channel in both
 * languages, a result with its basis to the user and the webhook subscriber, the survey round trip, the owner-only
 * inbox.
 */
class NotificationFlowTest extends ServiceTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static boolean is(TopicReader.Received<NotificationReceipt> r, String complaintId, NotificationKind kind,
                              NotificationChannel channel, DeliveryStatus status) {
        NotificationReceipt v = r.value();
        return v != null && complaintId.equals(r.key()) && v.getKind() == kind && v.getChannel() == channel && v.getStatus() == status;
    }

    @Test
    void theAcknowledgmentReachesInboxSmsAndEmailInTheUsersLanguageWithTheDeadline() throws Exception {
        Instant due = Instant.parse("2026-11-23T06:30:00Z");
        ComplaintReceived zh = Events.received("C-flow-zh", "U-flow-zh", "zh-CN", Events.contact("13812345678", "zh@example.com", true), due);
        ComplaintReceived en = Events.received("C-flow-en", "U-flow-en", "en-US", Events.contact("13987654321", "en@example.com", true), due);
        write(topics.complaintsReceived, "C-flow-zh", zh);
        write(topics.complaintsReceived, "C-flow-en", en);

        try (TopicReader<NotificationReceipt> receipts = receipts()) {
            for (String id : List.of("C-flow-zh", "C-flow-en")) {
                for (NotificationChannel channel : List.of(NotificationChannel.IN_APP, NotificationChannel.SMS, NotificationChannel.EMAIL)) {
                    receipts.await(r -> is(r, id, NotificationKind.ACKNOWLEDGMENT, channel, DeliveryStatus.SENT), TIMEOUT);
                }
            }
            NotificationReceipt sms = receipts.await(r -> is(r, "C-flow-zh", NotificationKind.ACKNOWLEDGMENT, NotificationChannel.SMS,
                    DeliveryStatus.SENT), TIMEOUT).value();
            assertThat(sms.getSourceEventId()).isEqualTo(zh.getEnvelope().getEventId());
            assertThat(sms.getRecipientMasked()).isEqualTo("138****5678");
            assertThat(sms.getEnvelope().getTraceId()).isEqualTo(zh.getEnvelope().getTraceId());
        }

        assertThat(SMS.deliveredFor("C-flow-zh")).singleElement().satisfies(r -> {
            assertThat(r.body()).containsEntry("to", "13812345678");
            assertThat(r.body().get("text")).isEqualTo("已收到您的投诉（编号 C-flow-zh），我们会在 2026-11-23 14:30 前处理并答复您。");
            assertThat(r.idempotencyKey()).isEqualTo("C-flow-zh:ACKNOWLEDGMENT:SMS"); // once per complaint
        });
        assertThat(EMAIL.deliveredFor("C-flow-en")).singleElement().satisfies(r -> {
            assertThat(r.body()).containsEntry("to", "en@example.com").containsEntry("subject", "News about your complaint C-flow-en");
            assertThat(r.body().get("text")).isEqualTo("We have received your complaint C-flow-en and will respond by 2026-11-23 14:30.");
        });

        HttpResponse<String> inbox = get("/api/v1/inbox/U-flow-en", TestPlatform.get().tokens().user("U-flow-en"));
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("\"total\":1").contains("We have received your complaint C-flow-en")
                .contains("\"kind\":\"ACKNOWLEDGMENT\"").doesNotContain("13987654321");
    }

    @Test
    void aResultIsToldWithItsBasisSubscribersGetASignedWebhookAndTheSurveyAnswerComesBackAsAnEvent() throws Exception {
        String id = "C-flow-result";
        String user = "U-flow-result";
        write(topics.complaintsReceived, id, Events.received(id, user, "zh-CN", Events.contact("13700001111", null, true), Instant.now()));
        ComplaintOutcome outcome = Events.outcome(id, user, "zh-CN", ComplaintType.PRODUCT_QUALITY, Remedy.PARTIAL_REFUND, 4_550,
                "质检确认商品存在色差，与直播展示不符", "R-QA-12");
        write(topics.complaintOutcomes, id, outcome);

        try (TopicReader<NotificationReceipt> receipts = receipts()) {
            receipts.await(r -> is(r, id, NotificationKind.RESULT, NotificationChannel.IN_APP, DeliveryStatus.SENT), TIMEOUT);
            receipts.await(r -> is(r, id, NotificationKind.RESULT, NotificationChannel.WEBHOOK, DeliveryStatus.SENT), TIMEOUT);
            receipts.await(r -> is(r, id, NotificationKind.SURVEY, NotificationChannel.IN_APP, DeliveryStatus.SENT), TIMEOUT);
            assertThat(receipts.await(r -> is(r, id, NotificationKind.RESULT, NotificationChannel.EMAIL, DeliveryStatus.SUPPRESSED),
                    TIMEOUT).value().getError()).contains("no e-mail address");
        }
        String token = TestPlatform.get().tokens().user(user);
        assertThat(get("/api/v1/inbox/" + user, token).body())
                .contains("您的投诉（编号 C-flow-result）已处理：部分退款 ¥45.50，将原路退回。处理依据：质检确认商品存在色差，与直播展示不符（依据平台规则 R-QA-12）");

        FakeProvider.Received hook = WEBHOOK.deliveredFor(id).get(0);
        assertThat(hook.body()).containsEntry("kind", "RESULT").containsEntry("userId", user).doesNotContainKey("to");
        assertThat(new String(hook.raw(), StandardCharsets.UTF_8)).doesNotContain("13700001111");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-webhook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(hook.headers().get("x-signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(hook.raw())));

        // the survey: only the owner, a valid answer, once
        assertThat(post("/api/v1/surveys/" + id, TestPlatform.get().tokens().user("U-someone-else"), "{\"score\":1}").statusCode()).isEqualTo(404);
        for (String notTheOwner : java.util.List.of(TestPlatform.get().tokens().user("U-someone-else"),
                TestPlatform.get().tokens().supervisor("S-1", "SUPERVISOR"), TestPlatform.get().tokens().system("hotline"),
                TestPlatform.get().tokens().operator("ops-1"))) {
            assertThat(get("/api/v1/surveys/" + id, notTheOwner).statusCode()).as("a survey is the owner's only").isEqualTo(404);
            assertThat(post("/api/v1/surveys/" + id, notTheOwner, "{\"score\":1}").statusCode()).isEqualTo(404);
        }
        HttpResponse<String> invalid = post("/api/v1/surveys/" + id, token, "{\"score\":9,\"reopenRequested\":true}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(invalid.body()).contains("\"field\":\"score\"");
        HttpResponse<String> happyReopen = post("/api/v1/surveys/" + id, token, "{\"score\":4,\"reopenRequested\":true}");
        assertThat(happyReopen.statusCode()).isEqualTo(400);
        assertThat(happyReopen.body()).contains("\"field\":\"reopenRequested\"");

        HttpResponse<String> answered = post("/api/v1/surveys/" + id, token,
                "{\"score\":1,\"comment\":\"颜色还是不对，请回电13700001111\",\"reopenRequested\":true}");
        assertThat(answered.statusCode()).isEqualTo(202);
        try (TopicReader<SurveyResponse> responses = TestPlatform.get().reader(topics.surveyResponses)) {
            SurveyResponse response = responses.await(r -> id.equals(r.key()), TIMEOUT).value();
            assertThat(response.getUserId()).isEqualTo(user);
            assertThat(response.getScore()).isEqualTo(1);
            assertThat(response.getReopenRequested()).isTrue();
            assertThat(response.getComment()).isEqualTo("颜色还是不对，请回电137****1111");
            assertThat(response.getEnvelope().getTraceId()).isEqualTo(outcome.getEnvelope().getTraceId());
        }
        awaitBody("/api/v1/surveys/" + id, token, "\"answered\":true");
        assertThat(post("/api/v1/surveys/" + id, token, "{\"score\":2}").statusCode()).isEqualTo(409);
    }

    /**
     * Issue 20 #5: two answers 28 ms apart were both 202 and both published (satisfaction counted 2): the check read
     * the survey store, which learns of an answer only after its round trip through Kafka. Now five answers sent at
     * once: exactly one 202, the rest 409 problem+json, one SurveyResponse on the topic; a score with a fraction is 400.
     */
    @Test
    void aSurveyIsAnsweredOnceEvenWhenAnswersArriveTogether() throws Exception {
        String id = "C-flow-twice";
        String user = "U-flow-twice";
        write(topics.complaintsReceived, id, Events.received(id, user, "zh-CN", Events.contact("13700002222", null, true), Instant.now()));
        write(topics.complaintOutcomes, id, Events.outcome(id, user, "zh-CN", ComplaintType.PRODUCT_QUALITY, Remedy.PARTIAL_REFUND, 1_000,
                "质检确认", "R-QA-12"));
        try (TopicReader<NotificationReceipt> receipts = receipts()) {
            receipts.await(r -> is(r, id, NotificationKind.SURVEY, NotificationChannel.IN_APP, DeliveryStatus.SENT), TIMEOUT);
        }
        String token = TestPlatform.get().tokens().user(user);
        awaitBody("/api/v1/surveys/" + id, token, "\"answered\":false");
        HttpResponse<String> fraction = post("/api/v1/surveys/" + id, token, "{\"score\":2.7}");
        assertThat(fraction.statusCode()).as("2.7 is not cut to 2: " + fraction.body()).isEqualTo(400);
        assertThat(fraction.body()).contains("\"field\":\"score\"");

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
        try {
            for (int i = 1; i <= 5; i++) {
                String body = "{\"score\":" + i + "}";
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("/api/v1/surveys/" + id, token, body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                System.out.println("issue 20 #5 answer → " + response.statusCode() + " " + response.body());
                if (response.statusCode() == 409) {
                    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
                }
            }
            assertThat(statuses).as("one answer per survey").containsOnly(202, 409).filteredOn(s -> s == 202).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        try (TopicReader<SurveyResponse> responses = TestPlatform.get().reader(topics.surveyResponses)) {
            responses.await(r -> id.equals(r.key()), TIMEOUT);
            assertThat(responses.drain(Duration.ofSeconds(3)).stream().filter(r -> id.equals(r.key()))).as("one SurveyResponse").hasSize(1);
        }
        awaitBody("/api/v1/surveys/" + id, token, "\"answered\":true");
        assertThat(post("/api/v1/surveys/" + id, token, "{\"score\":5}").statusCode()).as("and later still 409").isEqualTo(409);
    }

    @Test
    void onlyTheOwnerReadsAnInbox() throws Exception {
        write(topics.complaintsReceived, "C-flow-owner", Events.received("C-flow-owner", "U-owner", "zh-CN", null, Instant.now()));
        awaitBody("/api/v1/inbox/U-owner", TestPlatform.get().tokens().user("U-owner"), "C-flow-owner");

        assertThat(get("/api/v1/inbox/U-owner", TestPlatform.get().tokens().user("U-other")).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/inbox/U-owner", TestPlatform.get().tokens().agent("A-1", "SENIOR", "logistics")).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/inbox/U-owner", TestPlatform.get().tokens().supervisor("S-1", "SUPERVISOR")).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/inbox/U-owner", TestPlatform.get().tokens().system("U-owner")).statusCode())
                .as("a system token named like the user is still not the user").isEqualTo(404);
        assertThat(get("/api/v1/inbox/U-owner", TestPlatform.get().tokens().operator("ops-1")).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/inbox/U-owner", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/inbox/U-owne", TestPlatform.get().tokens().user("U-owne")).body()).contains("\"total\":0");
        HttpResponse<String> badLimit = get("/api/v1/inbox/U-owner?limit=0", TestPlatform.get().tokens().user("U-owner"));
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("\"field\":\"limit\"");
    }

    private String awaitBody(String path, String token, String expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(path, token);
            if (last.statusCode() == 200 && last.body().contains(expected)) {
                return last.body();
            }
            Thread.sleep(200); // polling an eventually consistent read model, not waiting for a timer
        }
        throw new AssertionError("no " + expected + " from " + path + ": " + (last == null ? null : last.statusCode() + " " + last.body()));
    }
}
