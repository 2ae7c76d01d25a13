package io.livecomplaints.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplaintIntakeTest {

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        TestPlatform.register(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestPlatform.get().tokens().user("U-1"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void acceptedComplaintIsOnTheTopicBeforeTheAnswer() throws Exception {
        HttpResponse<String> response = post("{\"channel\":\"APP_CHAT\",\"text\":\"客服一直不回复\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        String id = response.body().replaceAll(".*\"complaintId\":\"([^\"]+)\".*", "$1");
        try (TopicReader<ComplaintReceived> reader = TestPlatform.get().reader(TestPlatform.get().topics().complaintsReceived)) {
            ComplaintReceived event = reader.await(r -> id.equals(r.key()), Duration.ofSeconds(20)).value();
            assertThat(event.getChannel()).isEqualTo(Channel.APP_CHAT);
            assertThat(Duration.between(event.getReceivedAt(), event.getFirstResponseDueAt())).isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    void withoutATokenTheAnswerIs401() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
    }

    @Test
    void missingTextIsAProblemNamingTheField() throws Exception {
        HttpResponse<String> response = post("{\"channel\":\"ORDER_PAGE\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"text\"");
    }
}
