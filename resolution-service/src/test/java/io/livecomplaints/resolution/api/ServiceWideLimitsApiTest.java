package io.livecomplaints.resolution.api;

import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 #3 and #10 on the real resolution service (the service-wide part, from service-support): a 2 MiB progress
 * note sent chunked (no Content-Length) answered 500 (the producer's RecordTooLargeException); it is now 413
 * problem+json like the same body with a Content-Length, and the case still works. Numbers are not coerced: a refund
 * as a string or with a fraction is 400 naming the field.
 */
class ServiceWideLimitsApiTest extends ApiTestSupport {

    @Test
    void aChunkedBodyOverTheCapIs413AndTheCaseKeepsWorking() throws Exception {
        String id = newId();
        open(triaged(id, Instant.now()).build());
        assertThat(post("/api/v1/cases/" + id + "/accept", junior("J-cap"), null).statusCode()).isBetween(200, 299);
        byte[] note = ("{\"note\":\"" + "长".repeat(700_000) + "\"}").getBytes(StandardCharsets.UTF_8); // ~2 MiB
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/" + id + "/progress"))
                        .header("Authorization", "Bearer " + junior("J-cap")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(note))).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("issue 20 #3 chunked 2 MiB progress note → " + chunked.statusCode() + " " + chunked.body());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(chunked.body()).contains("larger than 1048576 bytes");

        HttpResponse<String> announced = post("/api/v1/cases/" + id + "/progress", junior("J-cap"), new String(note, StandardCharsets.UTF_8));
        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(post("/api/v1/cases/" + id + "/progress", junior("J-cap"), "{\"note\":\"正在核实\"}").statusCode())
                .as("the case still takes notes").isBetween(200, 299);
    }

    @Test
    void aRefundAsAStringOrWithAFractionIsRefusedNamingTheField() throws Exception {
        String id = newId();
        for (String body : new String[] {
                "{\"remedy\":\"PARTIAL_REFUND\",\"refundFen\":\"100\",\"liableParty\":\"MERCHANT\",\"reason\":\"色差\"}",
                "{\"remedy\":\"PARTIAL_REFUND\",\"refundFen\":12.9,\"liableParty\":\"MERCHANT\",\"reason\":\"色差\"}",
                "{\"remedy\":\"PARTIAL_REFUND\",\"refundFen\":100,\"refundFen\":5000,\"liableParty\":\"MERCHANT\",\"reason\":\"色差\"}"}) {
            HttpResponse<String> refused = post("/api/v1/cases/" + id + "/resolve", junior("J-cap"), body);
            System.out.println("issue 20 #10 " + body + " → " + refused.statusCode() + " " + refused.body());
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"refundFen\"");
        }
    }
}
