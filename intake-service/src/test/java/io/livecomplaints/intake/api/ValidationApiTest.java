package io.livecomplaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Bad input is answered 400 application/problem+json naming each bad field (413 for an oversize body). */
class ValidationApiTest extends IntakeApiTestSupport {

    private List<String> badFields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        List<String> fields = new ArrayList<>();
        for (JsonNode error : json(response).path("errors")) {
            fields.add(error.path("field").asString());
            assertThat(error.path("message").asString()).isNotBlank();
        }
        return fields;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing text                  | {"channel":"APP_CHAT"}                                                  | text
            blank text                    | {"channel":"APP_CHAT","text":"   "}                                     | text
            missing channel               | {"text":"卡顿"}                                                          | channel
            unknown channel               | {"channel":"FAX","text":"卡顿"}                                          | channel
            malformed order id            | {"channel":"APP_CHAT","text":"卡顿","orderId":"O 1; drop table"}         | orderId
            order page without order      | {"channel":"ORDER_PAGE","text":"货不对板"}                                | orderId
            live room button without room | {"channel":"LIVE_ROOM_BUTTON","text":"卡顿"}                             | roomId
            negative amount               | {"channel":"APP_CHAT","text":"退款","claimedAmountFen":-1}               | claimedAmountFen
            amount not a number           | {"channel":"APP_CHAT","text":"退款","claimedAmountFen":"abc"}            | claimedAmountFen
            unknown demand                | {"channel":"APP_CHAT","text":"退款","demands":["REFUND","MONEY"]}        | demands[1]
            bad incident time             | {"channel":"APP_CHAT","text":"退款","incidentAt":"yesterday"}            | incidentAt
            evidence url not http         | {"channel":"APP_CHAT","text":"x","evidence":[{"url":"file:///etc/passwd"}]} | evidence[0].url
            evidence url javascript       | {"channel":"APP_CHAT","text":"x","evidence":[{"url":"javascript:alert(1)"}]} | evidence[0].url
            evidence url link-local       | {"channel":"APP_CHAT","text":"x","evidence":[{"url":"http://169.254.169.254/latest/meta-data/"}]} | evidence[0].url
            evidence url loopback         | {"channel":"APP_CHAT","text":"x","evidence":[{"url":"http://127.0.0.1:8083/actuator/env"}]} | evidence[0].url
            negative replay offset        | {"channel":"APP_CHAT","text":"x","evidence":[{"kind":"LIVE_REPLAY","url":"https://r.example.com/1","replayOffsetSeconds":-5}]} | evidence[0].replayOffsetSeconds
            unknown evidence kind         | {"channel":"APP_CHAT","text":"x","evidence":[{"kind":"HOLOGRAM","url":"https://r.example.com/1"}]} | evidence[0].kind
            bad phone                     | {"channel":"APP_CHAT","text":"x","contact":{"phone":"call me"}}          | contact.phone
            bad language                  | {"channel":"APP_CHAT","text":"x","language":"chinese please"}            | language
            bad JSON                      | {"channel":"APP_CHAT","text":                                            | body
            JSON that is not an object    | ["APP_CHAT"]                                                             | body
            ideographic spaces as text    | {"channel":"APP_CHAT","text":"\\u3000\\u3000\\u3000"}                        | text
            zero-width characters as text | {"channel":"APP_CHAT","text":"\\u200b\\u200c\\u200d\\u2060\\ufeff \\u00a0"}       | text
            incident in year 0001         | {"channel":"APP_CHAT","text":"退款","incidentAt":"0001-01-01T00:00:00Z"} | incidentAt
            incident in year 9999         | {"channel":"APP_CHAT","text":"退款","incidentAt":"9999-12-31T23:59:59Z"} | incidentAt
            capture time in year 9999     | {"channel":"APP_CHAT","text":"x","evidence":[{"url":"https://r.example.com/1","capturedAt":"9999-01-01T00:00:00Z"}]} | evidence[0].capturedAt
            amount as a string            | {"channel":"APP_CHAT","text":"退款","claimedAmountFen":"100"}            | claimedAmountFen
            amount with a fraction        | {"channel":"APP_CHAT","text":"退款","claimedAmountFen":12.9}             | claimedAmountFen
            vip as a string               | {"channel":"APP_CHAT","text":"退款","vip":"true"}                        | vip
            a key given twice             | {"channel":"APP_CHAT","text":"退款","text":"别的"}                        | text
            regulator without its ticket  | {"channel":"REGULATOR","text":"12315转来的投诉"}                          | regulatorTicket.reference
            regulator ticket no reference | {"channel":"REGULATOR","text":"12315转来的投诉","regulatorTicket":{"authority":"12315"}} | regulatorTicket.reference
            regulator deadline past       | {"channel":"REGULATOR","text":"12315转来的投诉","regulatorTicket":{"reference":"T-1","deadline":"2020-01-01T00:00:00Z"}} | regulatorTicket.deadline
            regulator deadline unreadable | {"channel":"REGULATOR","text":"12315转来的投诉","regulatorTicket":{"reference":"T-1","deadline":"next week"}} | regulatorTicket.deadline
            ticket on another channel     | {"channel":"APP_CHAT","text":"退款","regulatorTicket":{"reference":"T-1"}} | regulatorTicket
            """)
    void eachBadFieldIsNamed(String description, String body, String field) throws Exception {
        assertThat(badFields(post(userToken(newUser()), body))).containsExactly(field);
    }

    /** Issue 15 #4: a regulator's complaint without its ticket reference, or with a past deadline, is named; a valid one is filed. */
    @Test
    void aRegulatorComplaintNeedsItsTicketReferenceAndADeadlineAhead() throws Exception {
        HttpResponse<String> missing = post(userToken(newUser()), "{\"channel\":\"REGULATOR\",\"text\":\"12315转办：直播间虚假宣传\","
                + "\"regulatorTicket\":{\"authority\":\"12315\",\"deadline\":\"2020-01-01T00:00:00Z\"}}");
        System.out.println("POST /api/v1/complaints (REGULATOR, no reference, past deadline) → " + missing.statusCode() + " " + missing.body());
        assertThat(badFields(missing)).containsExactly("regulatorTicket.reference", "regulatorTicket.deadline");

        HttpResponse<String> filed = post(userToken(newUser()), "{\"channel\":\"REGULATOR\",\"text\":\"12315转办：直播间虚假宣传\","
                + "\"regulatorTicket\":{\"reference\":\"12315-2026-1204-000871\",\"authority\":\"12315\",\"deadline\":\""
                + java.time.Instant.now().plus(java.time.Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}}");
        System.out.println("POST /api/v1/complaints (REGULATOR with its ticket) → " + filed.statusCode() + " " + filed.body());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
    }

    @Test
    void textOverTheCapIsNamedWithTheCap() throws Exception {
        HttpResponse<String> response = post(userToken(newUser()), "{\"channel\":\"APP_CHAT\",\"text\":\"" + "长".repeat(2001) + "\"}");

        assertThat(badFields(response)).containsExactly("text");
        assertThat(response.body()).contains("at most 2000");
    }

    @Test
    void anOversizeEvidenceListIsNamed() throws Exception {
        StringBuilder evidence = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            evidence.append(i == 0 ? "" : ",").append("{\"kind\":\"PHOTO\",\"url\":\"https://img.example.com/").append(i).append(".png\"}");
        }
        HttpResponse<String> response = post(userToken(newUser()), "{\"channel\":\"APP_CHAT\",\"text\":\"破损\",\"evidence\":[" + evidence + "]}");

        assertThat(badFields(response)).containsExactly("evidence");
        assertThat(response.body()).contains("at most 10");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() throws Exception {
        HttpResponse<String> response = post(userToken(newUser()),
                "{\"channel\":\"FAX\",\"orderId\":\"!!\",\"claimedAmountFen\":-100}");

        assertThat(badFields(response)).containsExactlyInAnyOrder("channel", "text", "orderId", "claimedAmountFen");
        assertThat(json(response).path("detail").asString()).contains("channel", "text", "orderId", "claimedAmountFen");
    }

    @Test
    void aMalformedIdempotencyKeyIsNamed() throws Exception {
        assertThat(badFields(post(userToken(newUser()), "{\"channel\":\"APP_CHAT\",\"text\":\"x\"}", "x".repeat(129))))
                .containsExactly("Idempotency-Key");
    }

    @Test
    void aBodyOverTheSizeCapIs413() throws Exception {
        HttpResponse<String> response = post(userToken(newUser()), "{\"channel\":\"APP_CHAT\",\"text\":\"" + "a".repeat(20_000) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
    }

    @Test
    void aChunkedBodyGrowingOverTheSizeCapIs413() throws Exception {
        // no Content-Length: the cap is enforced while the body is read
        byte[] body = ("{\"channel\":\"APP_CHAT\",\"text\":\"" + "a".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher unknownLength = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher delegate = HttpRequest.BodyPublishers.ofByteArray(body);

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                delegate.subscribe(subscriber);
            }
        };
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/complaints"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + userToken(newUser()))
                        .POST(unknownLength).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }
}
