package io.livecomplaints.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.notification.delivery.NotificationStores;
import io.livecomplaints.support.streams.query.StoreOwners;
import io.livecomplaints.testkit.SecondInstance;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Two instances of the service on the same application id split the complaint partitions. A user whose complaints lie
 * in partitions of both reads the whole inbox from either; a survey answer posted to the instance not owning the
 * complaint is forwarded to the owner (which checks the caller); once the owner stops, the survey is still answered
 * (by the new owner) or 503 with Retry-After for a moment, never 404.
 */
class TwoInstancesTest extends ServiceTestBase {

    private static final Logger log = LoggerFactory.getLogger(TwoInstancesTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    StreamsBuilderFactoryBean streams;

    @Test
    void eitherInstanceAnswersForEveryPartition() throws Exception {
        String user = "U-two-" + RUN;
        String token = TestPlatform.get().tokens().user(user);
        SecondInstance second = startSecondInstance();
        int secondPort = second.port();
        String ownedThere;
        String inboxBefore;
        try {
            Map<HostInfo, String> complaintByOwner = complaintsOwnedByEach();
            String ownedHere = complaintByOwner.get(new HostInfo("127.0.0.1", port));
            ownedThere = complaintByOwner.get(new HostInfo("127.0.0.1", secondPort));
            write(topics.complaintsReceived, ownedHere, Events.received(ownedHere, user, "zh-CN", null, Events.now()));
            write(topics.complaintsReceived, ownedThere, Events.received(ownedThere, user, "zh-CN", null, Events.now()));

            // the whole inbox from either instance, the same
            Predicate<HttpResponse<String>> both = r -> r.statusCode() == 200 && r.body().contains(ownedHere) && r.body().contains(ownedThere);
            HttpResponse<String> fromFirst = await(port, "/api/v1/inbox/" + user, token, both);
            HttpResponse<String> fromSecond = await(secondPort, "/api/v1/inbox/" + user, token, both);
            log.info("inbox of {} from instance 1 (:{}): {}", user, port, fromFirst.body());
            log.info("inbox of {} from instance 2 (:{}): {}", user, secondPort, fromSecond.body());
            assertThat(fromFirst.body()).contains("\"total\":2").isEqualTo(fromSecond.body());
            // ... while each instance holds only its own partitions' messages
            String onlyHere = call(port, "GET", "/api/v1/inbox/" + user, token, null,
                    Map.of(StoreOwners.GATHER_PARTITIONS, String.valueOf(partitionOf(ownedHere)))).body();
            assertThat(onlyHere).contains(ownedHere).doesNotContain(ownedThere).contains("\"total\":1");
            // the other instance still checks who asks
            assertThat(call(secondPort, "GET", "/api/v1/inbox/" + user, TestPlatform.get().tokens().user("U-not-" + RUN), null, Map.of())
                    .statusCode()).isEqualTo(404);
            // the merged answer keeps the limit
            assertThat(call(secondPort, "GET", "/api/v1/inbox/" + user + "?limit=1", token, null, Map.of()).body())
                    .contains("\"total\":2").containsOnlyOnce("\"messageId\"");

            // a survey of a complaint the second instance owns, answered through the first
            write(topics.complaintOutcomes, ownedThere, Events.outcome(ownedThere, user, "zh-CN", ComplaintType.LOGISTICS,
                    Remedy.PARTIAL_REFUND, 1_000, "物流记录显示包裹丢失", "R-LOG-1"));
            await(port, "/api/v1/surveys/" + ownedThere, token, r -> r.statusCode() == 200 && r.body().contains("\"answered\":false"));
            assertThat(call(port, "GET", "/api/v1/surveys/" + ownedThere, TestPlatform.get().tokens().user("U-not-" + RUN), null, Map.of())
                    .statusCode()).as("the owner checks the forwarded caller").isEqualTo(404);
            // a request forwarded here for a key this instance does not own is refused (421), never answered 404
            HttpResponse<String> misdirected = call(port, "GET", "/api/v1/surveys/" + ownedThere, token, null,
                    Map.of(StoreOwners.OWNER_PARTITION, String.valueOf(partitionOf(ownedThere))));
            assertThat(misdirected.statusCode()).isEqualTo(421);
            assertThat(misdirected.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
            HttpResponse<String> answered = call(port, "POST", "/api/v1/surveys/" + ownedThere, token, "{\"score\":5}", Map.of());
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
            try (TopicReader<SurveyResponse> responses = TestPlatform.get().reader(topics.surveyResponses)) {
                assertThat(responses.await(r -> ownedThere.equals(r.key()), PATIENCE).value().getScore()).isEqualTo(5);
            }
            assertThat(call(port, "POST", "/api/v1/surveys/" + ownedThere, token, "{\"score\":4}", Map.of()).statusCode())
                    .as("one answer per survey, whichever instance is asked").isEqualTo(409);
            await(secondPort, "/api/v1/surveys/" + ownedThere, token, r -> r.body().contains("\"answered\":true"));
            // acknowledgments, the result and the survey: the inbox both instances show before the second one stops
            inboxBefore = await(port, "/api/v1/inbox/" + user, token, r -> r.body().contains("\"total\":4")).body();
            assertThat(call(secondPort, "GET", "/api/v1/inbox/" + user, token, null, Map.of()).body()).isEqualTo(inboxBefore);
        } finally {
            second.close();
        }

        // the owner stopped: its partitions come here; meanwhile the answers are right or 503 Retry-After, never 404
        assertThat(untilAnswered("/api/v1/surveys/" + ownedThere, token)).contains("\"answered\":true");
        assertThat(untilAnswered("/api/v1/inbox/" + user, token)).isEqualTo(inboxBefore);
    }

    /** Asks until 200: meanwhile only 503 with Retry-After (problem+json) is acceptable. */
    private String untilAnswered(String path, String token) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> last;
        do {
            last = call(port, "GET", path, token, null, Map.of());
            assertThat(last.statusCode()).as(last.body()).isIn(200, 503);
            if (last.statusCode() == 503) {
                assertThat(last.headers().firstValue("Retry-After")).isPresent();
                assertThat(last.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
                Thread.sleep(200); // the client's retry, sooner than Retry-After asks
            }
        } while (last.statusCode() != 200 && System.nanoTime() < deadline);
        assertThat(last.statusCode()).isEqualTo(200);
        return last.body();
    }

    /** A second notification instance: surveys at once, SMS any time, a quick dispatcher, the test's fake providers. */
    private SecondInstance startSecondInstance() throws Exception {
        return SecondInstance.start(NotificationApplication.class, Map.of(
                "complaints.notification.messages.survey-delay", "0s",
                "complaints.notification.delivery.quiet-hours.channels.SMS", "off",
                "complaints.notification.delivery.dispatch.every", "100ms",
                "complaints.notification.channels.sms.url", SMS.url(),
                "complaints.notification.channels.email.url", EMAIL.url()));
    }

    /** Waits until both instances own partitions, then names a complaint id in a partition of each. */
    private Map<HostInfo, String> complaintsOwnedByEach() throws InterruptedException {
        KafkaStreams kafkaStreams = SecondInstance.awaitPartitionsSplit(streams::getKafkaStreams, NotificationStores.INBOX, PATIENCE);
        Map<HostInfo, String> byOwner = new LinkedHashMap<>();
        for (int i = 0; byOwner.size() < 2 && i < 100; i++) {
            String id = "C-two-" + RUN + "-" + i;
            byOwner.putIfAbsent(kafkaStreams.queryMetadataForKey(NotificationStores.INBOX, id, new StringSerializer()).activeHost(), id);
        }
        return byOwner;
    }

    private int partitionOf(String complaintId) {
        return streams.getKafkaStreams().queryMetadataForKey(NotificationStores.INBOX, complaintId, new StringSerializer()).partition();
    }

    private HttpResponse<String> await(int port, String path, String token, Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = call(port, "GET", path, token, null, Map.of());
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200); // polling an eventually consistent read model
        }
        throw new AssertionError("not answered as expected from :" + port + path + ": " + (last == null ? null : last.statusCode() + " " + last.body()));
    }

    private HttpResponse<String> call(int port, String method, String path, String token, String json, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

}
