package io.livecomplaints.resolution.api;

import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.Incident;
import io.livecomplaints.events.IncidentKind;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One complaint of a flash-sale surge walked end to end on the real broker with real tokens: the merchant is asked,
 * refuses with proof, the agent decides with 先行赔付, the merchant appeals the debt, a supervisor overturns it. Prints
 * the events on each topic for the closing note.
 */
class IncidentToAppealWalkthroughTest extends ApiTestSupport {

    @Test
    void aFlashSaleComplaintFromMerchantRefusalToAnOverturnedAppeal() throws Exception {
        String id = newId();
        String merchant = "M-walk-" + id;
        String token = TestPlatform.get().tokens().merchant(merchant);
        ComplaintTriaged t = triaged(id, Instant.now()).setIncident(Incident.newBuilder().setIncidentId("INC-SURGE-S-618")
                .setKind(IncidentKind.SURGE).setSize(240).setFirstSeenAt(Instant.now().minusSeconds(600)).build()).build();
        t.getComplaint().getEnrichment().setMerchantId(merchant);
        t.getComplaint().setOrderId("O-walk-" + id);
        t.getComplaint().setUserId("U-walk-" + id);
        t.getComplaint().setSessionId("S-618");
        open(t);

        String agent = agent("SUP-walk", "SUPERVISOR");
        assertThat(post("/api/v1/cases/" + id + "/accept", agent, null).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/cases/" + id + "/merchant-request", agent,
                "{\"remedy\":\"FULL_REFUND\",\"reason\":\"秒杀商品与直播展示不符，请商家全额退款\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = post("/api/v1/merchant/cases/" + id + "/response", token,
                "{\"agrees\":false,\"note\":\"秒杀商品已按页面描述发货\",\"evidence\":[{\"kind\":\"DELIVERY_PROOF\","
                        + "\"url\":\"https://logistics.example.com/sign/SF618\",\"description\":\"签收记录\"}],"
                        + "\"counterOffer\":{\"remedy\":\"COUPON\",\"compensationFen\":2000,\"reason\":\"补偿20元券\"}}");
        assertThat(refused.statusCode()).isEqualTo(200);
        HttpResponse<String> decided = post("/api/v1/cases/" + id + "/resolve", agent,
                "{\"remedy\":\"FULL_REFUND\",\"liableParty\":\"MERCHANT\",\"reason\":\"直播展示与实物不符，商家举证不足，平台先行赔付\","
                        + "\"ruleId\":\"R-FLASH-3\",\"platformAdvance\":true}");
        System.out.println("WALK resolve -> " + decided.statusCode() + " state=" + field(decided.body(), "state"));
        assertThat(field(decided.body(), "state")).isEqualTo("RESOLVED");
        awaitBody("/api/v1/credit/MERCHANT/" + merchant, supervisor("S-walk"), 200, "\"platformAdvancedFen\":29900");
        HttpResponse<String> appeal = post("/api/v1/merchant/cases/" + id + "/appeal", token,
                "{\"reason\":\"秒杀页已标注色差说明，申请撤销先行赔付欠款\"}");
        System.out.println("WALK appeal -> " + appeal.statusCode() + " " + appeal.body());
        assertThat(appeal.statusCode()).isEqualTo(200);
        HttpResponse<String> overturned = post("/api/v1/appeals/" + id + "/decision", supervisor("S-walk"),
                "{\"outcome\":\"OVERTURNED\",\"note\":\"色差已在秒杀页标注，欠款由平台承担\"}");
        assertThat(overturned.statusCode()).isEqualTo(200);
        HttpResponse<String> record = awaitBody("/api/v1/credit/MERCHANT/" + merchant, supervisor("S-walk"), 200, "\"platformAdvancedFen\":0");
        System.out.println("WALK merchant credit -> " + record.body());

        try (TopicReader<ComplaintCommand> commands = TestPlatform.get().reader(TestPlatform.get().topics().complaintCommands);
             TopicReader<ComplaintCase> cases = TestPlatform.get().reader(TestPlatform.get().topics().complaintCases);
             TopicReader<ComplaintOutcome> outcomes = TestPlatform.get().reader(TestPlatform.get().topics().complaintOutcomes);
             TopicReader<CreditRecord> credit = TestPlatform.get().reader(TestPlatform.get().topics().creditRecords)) {
            List<TopicReader.Received<ComplaintCommand>> cmds = commands.awaitAll(r -> id.equals(r.key()), 6, TIMEOUT);
            for (var c : cmds) {
                System.out.println("WALK complaint-commands " + c.key() + " " + c.value().getAction() + " by "
                        + c.value().getActor().getRole() + " " + c.value().getActor().getActorId()
                        + (c.value().getDecision() == null ? "" : " decision " + c.value().getDecision().getRemedy() + " "
                        + c.value().getDecision().getRefundFen() + "/" + c.value().getDecision().getCompensationFen())
                        + (c.value().getPlatformAdvance() ? " platformAdvance" : "") + (c.value().getEvidence().isEmpty() ? ""
                        : " evidence " + c.value().getEvidence().size()));
            }
            assertThat(cmds).extracting(r -> r.value().getAction()).containsExactly(CommandAction.ACCEPT,
                    CommandAction.REQUEST_MERCHANT_RESPONSE, CommandAction.MERCHANT_RESPONDED, CommandAction.RESOLVE,
                    CommandAction.APPEAL, CommandAction.APPEAL_OVERTURNED);
            for (var c : cases.awaitAll(r -> id.equals(r.key()), 7, TIMEOUT)) {
                var step = c.value().getTimeline().get(c.value().getTimeline().size() - 1);
                System.out.println("WALK complaint-cases " + c.key() + " v" + c.value().getVersion() + " " + c.value().getState()
                        + " incident=" + c.value().getIncidentId() + " step=" + step.getAction() + " by " + step.getActorId()
                        + " | " + step.getNote() + (c.value().getAppeal() == null ? "" : " | appeal " + c.value().getAppeal().getStatus()));
            }
            for (var o : outcomes.awaitAll(r -> id.equals(r.key()), 1, TIMEOUT)) {
                System.out.println("WALK complaint-outcomes " + o.key() + " " + o.value().getOutcome() + " "
                        + o.value().getDecision().getRemedy() + " " + o.value().getDecision().getRefundFen() + " by "
                        + o.value().getDecidedBy() + " platformAdvanced=" + o.value().getPlatformAdvanced() + " merchant="
                        + o.value().getMerchantId());
            }
            // the ledger may fold the merchant's answer and the outcome into one record (both land within one commit):
            // what must be seen is the 先行赔付 debt booked, then taken off by the overturned appeal
            var booked = credit.await(r -> ("MERCHANT:" + merchant).equals(r.key()) && r.value().getPlatformAdvancedFen() == 29_900, TIMEOUT);
            var debtOff = credit.await(r -> ("MERCHANT:" + merchant).equals(r.key()) && r.value().getRefundsFen() == 29_900
                    && r.value().getPlatformAdvancedFen() == 0, TIMEOUT);
            for (var r : List.of(booked, debtOff)) {
                System.out.println("WALK credit-records " + r.key() + " refundsFen=" + r.value().getRefundsFen()
                        + " platformAdvancedFen=" + r.value().getPlatformAdvancedFen() + " merchantResponses="
                        + r.value().getMerchantResponses() + " validComplaints=" + r.value().getValidComplaints());
            }
        }
    }
}
