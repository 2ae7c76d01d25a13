package io.livecomplaints.resolution.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.RegulatorReply;
import io.livecomplaints.events.RegulatorTicket;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.Severity;
import io.livecomplaints.resolution.support.Fixtures;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 #4 over real HTTP against the real broker: a complaint forwarded by 12315 with a ticket deadline 10 h away
 * gets no deadline after it; deciding it publishes the reply to the regulator on regulator-replies; the regulators'
 * CSV export lists it.
 */
class RegulatorApiTest extends ApiTestSupport {

    private static final Pattern DUE = Pattern.compile("\"dueAt\":\"([^\"]+)\"");

    private static ComplaintTriaged regulatorComplaint(String id, Instant receivedAt, Instant deadline) {
        ComplaintTriaged.Builder t = Fixtures.triaged(id, receivedAt).setSeverity(Severity.HIGH);
        return t.setComplaint(ComplaintReceived.newBuilder(t.getComplaint()).setChannel(Channel.REGULATOR)
                .setText("12315转办：直播间宣称\"纯羊毛\"，实为化纤，消费者要求退款, 并赔偿")
                .setRegulatorTicket(RegulatorTicket.newBuilder().setReference("12315-2026-" + id).setDeadline(deadline)
                        .setAuthority("12315").build()).build()).build();
    }

    @Test
    void aRegulatorCaseIsDueByTheTicketDeadlineAndItsDecisionIsRepliedAndExported() throws Exception {
        String id = newId();
        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant deadline = received.plus(Duration.ofHours(10));
        open(regulatorComplaint(id, received, deadline));
        String agent = agent("A-reg", "SENIOR");

        String view = get("/api/v1/cases/" + id, agent).body();
        System.out.println("GET /api/v1/cases/" + id + " (slaClocks, regulatorTicket) → " + view);
        Matcher due = DUE.matcher(view);
        int clocks = 0;
        while (due.find()) {
            assertThat(Instant.parse(due.group(1))).isBeforeOrEqualTo(deadline);
            clocks++;
        }
        assertThat(clocks).as(view).isGreaterThanOrEqualTo(2);
        assertThat(view).contains("\"clock\":\"RESOLUTION\",\"dueAt\":\"" + deadline + "\"")
                .contains("\"regulatorTicket\":{\"reference\":\"12315-2026-" + id + "\",\"deadline\":\"" + deadline + "\",\"authority\":\"12315\"}");

        assertThat(post("/api/v1/cases/" + id + "/accept", agent, null).statusCode()).isEqualTo(200);
        try (TopicReader<RegulatorReply> replies = TestPlatform.get().reader(TestPlatform.get().topics().regulatorReplies)) {
            HttpResponse<String> resolved = post("/api/v1/cases/" + id + "/resolve", agent,
                    "{\"remedy\":\"FULL_REFUND\",\"refundFen\":29900,\"liableParty\":\"MERCHANT\","
                            + "\"reason\":\"商品与直播间宣传不符，全额退款\",\"ruleId\":\"R-FALSE-AD-1\"}");
            assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);

            RegulatorReply reply = replies.await(r -> id.equals(r.key()), TIMEOUT).value();
            System.out.println("regulator-replies ← " + reply);
            assertThat(reply.getTicketReference()).isEqualTo("12315-2026-" + id);
            assertThat(reply.getAuthority()).isEqualTo("12315");
            assertThat(reply.getComplaintId()).isEqualTo(id);
            assertThat(reply.getOutcome()).isEqualTo(OutcomeResult.RESOLVED);
            assertThat(reply.getRemedy()).isEqualTo(Remedy.FULL_REFUND);
            assertThat(reply.getRefundFen()).isEqualTo(29_900L);
            assertThat(reply.getReason()).isEqualTo("商品与直播间宣传不符，全额退款");
            assertThat(reply.getRuleId()).isEqualTo("R-FALSE-AD-1");
            assertThat(reply.getReceivedAt()).isEqualTo(received);
            assertThat(reply.getTicketDeadline()).isEqualTo(deadline);
            // written once, with the outcome
            assertThat(replies.drain(Duration.ofSeconds(3)).stream().filter(r -> id.equals(r.key()))).hasSize(1);
        }

        String from = URLEncoder.encode(received.minusSeconds(1).toString(), StandardCharsets.UTF_8);
        String to = URLEncoder.encode(received.plusSeconds(1).toString(), StandardCharsets.UTF_8);
        String path = "/api/v1/reports/regulator?from=" + from + "&to=" + to;
        HttpResponse<String> csv = awaitCsvRow(path, id);
        System.out.println("GET " + path + " → " + csv.statusCode() + " " + csv.headers().firstValue("Content-Type").orElse("")
                + "\n" + csv.body());
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("complaintId,ticketReference,authority,ticketDeadline,receivedAt,state,decision,basis,"
                + "refundFen,compensationFen,decidedAt\r\n");
        assertThat(csv.body()).contains(id + ",12315-2026-" + id + ",12315," + deadline + "," + received
                + ",RESOLVED,FULL_REFUND,商品与直播间宣传不符，全额退款 [R-FALSE-AD-1],29900,0,");
        // an operator may export too; a plain agent may not
        assertThat(get(path, TestPlatform.get().tokens().operator("OPS-reg")).statusCode()).isEqualTo(200);
        assertThat(get(path, agent).statusCode()).isEqualTo(403);
    }

    @Test
    void aBadPeriodIsNamed() throws Exception {
        HttpResponse<String> bad = get("/api/v1/reports/regulator?from=yesterday&to=2026-12-01T00:00:00Z", supervisor("S-reg"));
        System.out.println("GET /api/v1/reports/regulator?from=yesterday → " + bad.statusCode() + " " + bad.body());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(bad.body()).contains("\"field\":\"from\"");
        assertThat(get("/api/v1/reports/regulator?from=2026-12-01T00:00:00Z", supervisor("S-reg")).body()).contains("\"field\":\"to\"");
        assertThat(get("/api/v1/reports/regulator?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", supervisor("S-reg")).body())
                .contains("\"field\":\"to\"", "after from");
    }

    /** The global replica follows complaint-cases: wait until the export shows the decided case. */
    private HttpResponse<String> awaitCsvRow(String path, String id) throws Exception {
        Instant until = Instant.now().plus(TIMEOUT);
        HttpResponse<String> last;
        do {
            last = get(path, supervisor("S-reg"));
            if (last.statusCode() == 200 && last.body().contains(id + ",") && last.body().contains("RESOLVED")) {
                return last;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(until));
        return last;
    }
}
