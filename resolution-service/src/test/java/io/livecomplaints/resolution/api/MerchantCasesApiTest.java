package io.livecomplaints.resolution.api;

import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.testkit.TopicReader;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.testkit.TestPlatform;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merchant's list and view of its cases, through HTTP with MERCHANT tokens, on cases the processor opened from Kafka. */
class MerchantCasesApiTest extends ApiTestSupport {

    @Test
    void aMerchantListsItsOwnCasesWaitingFirstAndReadsTheFactsWithoutTheUsersContact() throws Exception {
        String merchant = "M-list-" + newId();
        String token = TestPlatform.get().tokens().merchant(merchant);
        String waiting = newId();
        String other = newId();
        String foreign = newId();
        open(forMerchant(waiting, merchant, Instant.now().minusSeconds(60)));
        open(forMerchant(other, merchant, Instant.now()));
        open(forMerchant(foreign, "M-someone-else-" + foreign, Instant.now()));
        post("/api/v1/cases/" + waiting + "/accept", junior("J-ml"), null);
        assertThat(post("/api/v1/cases/" + waiting + "/merchant-request", junior("J-ml"),
                "{\"remedy\":\"FULL_REFUND\",\"reason\":\"货不对板，请商家全额退款\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> list = awaitBody("/api/v1/merchant/cases", token, 200, "\"waiting\":1");
        System.out.println("GET /api/v1/merchant/cases -> " + list.statusCode() + " " + list.body());
        assertThat(list.body()).contains(waiting, other).doesNotContain(foreign);
        assertThat(list.body().indexOf(waiting)).isLessThan(list.body().indexOf(other)); // waiting for it first
        assertThat(list.body()).contains("\"waitingForYou\":true,\"answerDueAt\":\"");

        HttpResponse<String> one = get("/api/v1/merchant/cases/" + waiting, token);
        System.out.println("GET /api/v1/merchant/cases/{id} -> " + one.statusCode() + " " + one.body());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("收到的大衣和直播间展示的不一样", "\"demands\":[\"REFUND\"]",
                "https://img.example.com/coat.jpg", "\"requestedRemedy\":{\"remedy\":\"FULL_REFUND\",\"refundFen\":29900",
                "\"amountPaidFen\":29900");
        assertThat(one.body()).doesNotContain("13812345678", "张三", "\"U-1\"", "J-ml", "userId", "contact");
        assertThat(one.body()).contains("138****5678"); // a phone number the user typed into the text is masked

        assertThat(get("/api/v1/merchant/cases/" + foreign, token).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/merchant/cases/" + waiting, TestPlatform.get().tokens().merchant("M-intruder")).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/merchant/cases/" + waiting, junior("J-ml")).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/merchant/cases", TestPlatform.get().tokens().user("U-1")).statusCode()).isEqualTo(403);
    }

    @Test
    void aMerchantRefusesWithItsProofAndACounterOfferThatTheAgentSees() throws Exception {
        String merchant = "M-proof-" + newId();
        String token = TestPlatform.get().tokens().merchant(merchant);
        String id = newId();
        open(forMerchant(id, merchant, Instant.now()));
        post("/api/v1/cases/" + id + "/accept", junior("J-mp"), null);
        post("/api/v1/cases/" + id + "/merchant-request", junior("J-mp"), "{\"remedy\":\"FULL_REFUND\",\"reason\":\"货不对板\"}");
        String path = "/api/v1/merchant/cases/" + id + "/response";

        HttpResponse<String> tooMuch = post(path, token, "{\"agrees\":false,\"note\":\"已发货且签收\","
                + "\"counterOffer\":{\"remedy\":\"PARTIAL_REFUND\",\"refundFen\":30000}}");
        System.out.println("counter-offer above the amount paid -> " + tooMuch.statusCode() + " " + tooMuch.body());
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("\"field\":\"counterOffer.refundFen\"");
        HttpResponse<String> badUrl = post(path, token, "{\"agrees\":false,\"note\":\"x\","
                + "\"evidence\":[{\"kind\":\"DELIVERY_PROOF\",\"url\":\"file:///etc/passwd\"}]}");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.body()).contains("\"field\":\"evidence[0].url\"");

        HttpResponse<String> refused = post(path, token, "{\"agrees\":false,\"note\":\"买家已签收，且客服聊天中确认颜色\","
                + "\"evidence\":[{\"kind\":\"DELIVERY_PROOF\",\"url\":\"https://logistics.example.com/sign/SF123\",\"description\":\"签收记录\"},"
                + "{\"kind\":\"CHAT_LOG\",\"url\":\"https://im.example.com/chat/889\",\"description\":\"客服聊天记录\"}],"
                + "\"counterOffer\":{\"remedy\":\"PARTIAL_REFUND\",\"refundFen\":10000,\"reason\":\"补偿差价\"}}");
        System.out.println("merchant refusal with proof and counter-offer -> " + refused.statusCode());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(field(refused.body(), "state")).isEqualTo("IN_PROGRESS");
        assertThat(refused.body()).doesNotContain("userId", "J-mp", "timeline");

        HttpResponse<String> agentView = awaitBody("/api/v1/cases/" + id, junior("J-mp"), 200, "\"merchantCounterOffer\":{");
        assertThat(agentView.body()).contains("\"merchantCounterOffer\":{\"remedy\":\"PARTIAL_REFUND\",\"refundFen\":10000",
                "https://logistics.example.com/sign/SF123\",\"replayOffsetSeconds\":null", "\"addedBy\":\"" + merchant + "\"",
                "merchant refused and offers PARTIAL_REFUND 10000 fen with 2 evidence item(s)");
        HttpResponse<String> own = get("/api/v1/merchant/cases/" + id, token);
        assertThat(own.body()).contains("\"waitingForYou\":false", "CHAT_LOG");
    }

    @Test
    void aMerchantAppealsAPlatformAdvanceAndASupervisorOverturnsItOffItsRecord() throws Exception {
        String id = newId();
        String merchant = "M-appeal-" + id;
        String token = TestPlatform.get().tokens().merchant(merchant);
        ComplaintTriaged small = io.livecomplaints.resolution.support.Fixtures.smallClaim(id, Instant.now());
        small.getComplaint().getEnrichment().setMerchantId(merchant);
        small.getComplaint().setUserId("U-appeal-" + id);
        small.getComplaint().setOrderId("O-appeal-" + id);
        open(small);
        awaitBody("/api/v1/credit/MERCHANT/" + merchant, supervisor("S-ap"), 200, "\"platformAdvancedFen\":3000");
        String path = "/api/v1/merchant/cases/" + id + "/appeal";

        assertThat(post(path, TestPlatform.get().tokens().merchant("M-intruder"), "{\"reason\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(post(path, token, "{}").body()).contains("\"field\":\"reason\"");
        HttpResponse<String> appealed = post(path, token, "{\"reason\":\"该订单已由物流方赔付，商家不应承担先行赔付\"}");
        System.out.println("POST " + path + " -> " + appealed.statusCode() + " " + appealed.body());
        assertThat(appealed.statusCode()).isEqualTo(200);
        assertThat(appealed.body()).contains("\"appeal\":{\"about\":\"PLATFORM_ADVANCE\"", "\"status\":\"PENDING\"");
        assertThat(appealed.body()).doesNotContain("userId", "U-appeal-"); // the merchant's view of the case
        HttpResponse<String> twice = post(path, token, "{\"reason\":\"again\"}");
        assertThat(twice.statusCode()).isEqualTo(409);

        HttpResponse<String> queue = awaitBody("/api/v1/appeals", supervisor("S-ap"), 200, id);
        System.out.println("GET /api/v1/appeals -> " + queue.statusCode() + " " + queue.body());
        assertThat(get("/api/v1/appeals", junior("J-ap")).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/appeals/" + id + "/decision", supervisor("S-ap"), "{\"outcome\":\"MAYBE\"}").body())
                .contains("\"field\":\"outcome\"");
        HttpResponse<String> overturned = post("/api/v1/appeals/" + id + "/decision", supervisor("S-ap"),
                "{\"outcome\":\"OVERTURNED\",\"note\":\"物流方已赔付，撤销对商家的欠款\"}");
        System.out.println("POST /api/v1/appeals/{id}/decision -> " + overturned.statusCode() + " " + overturned.body());
        assertThat(overturned.statusCode()).isEqualTo(200);
        assertThat(overturned.body()).contains("\"status\":\"OVERTURNED\"", "\"decidedBy\":\"S-ap\"");
        HttpResponse<String> record = awaitBody("/api/v1/credit/MERCHANT/" + merchant, supervisor("S-ap"), 200, "\"platformAdvancedFen\":0");
        System.out.println("merchant credit after the overturn -> " + record.body());
        assertThat(post("/api/v1/appeals/" + id + "/decision", supervisor("S-ap"), "{\"outcome\":\"UPHELD\"}").statusCode()).isEqualTo(409);
        assertThat(awaitBody("/api/v1/appeals", supervisor("S-ap"), 200, "").body()).doesNotContain(id);

        try (TopicReader<ComplaintCommand> commands = TestPlatform.get().reader(TestPlatform.get().topics().complaintCommands)) {
            assertThat(commands.await(r -> id.equals(r.key()) && r.value().getAction() == CommandAction.APPEAL, TIMEOUT).value()
                    .getActor().getActorId()).isEqualTo(merchant);
            assertThat(commands.await(r -> id.equals(r.key()) && r.value().getAction() == CommandAction.APPEAL_OVERTURNED, TIMEOUT)
                    .value().getActor().getActorId()).isEqualTo("S-ap");
        }
    }

    private static ComplaintTriaged forMerchant(String id, String merchant, Instant at) {
        ComplaintTriaged t = triaged(id, at).build();
        t.getComplaint().getEnrichment().setMerchantId(merchant);
        t.getComplaint().setOrderId("O-" + id);
        t.getComplaint().setText("收到的大衣和直播间展示的不一样，请打13812345678联系我");
        t.getComplaint().setContact(PersonalContact.newBuilder().setName("张三").setPhone("13812345678").build());
        t.getComplaint().setEvidence(List.of(Evidence.newBuilder().setKind(EvidenceKind.PHOTO)
                .setUrl("https://img.example.com/coat.jpg").setDescription("实物照片").setCapturedAt(at).build()));
        return t;
    }
}
