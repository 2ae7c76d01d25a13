package io.livecomplaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.intake.idempotency.model.IdempotencyKey;
import io.livecomplaints.intake.idempotency.model.RequestFingerprint;
import io.livecomplaints.intake.validation.model.ComplaintDraft;
import io.livecomplaints.intake.submission.model.Filer;
import io.livecomplaints.intake.validation.model.ComplaintValidator;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import io.livecomplaints.testkit.TopicWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Idempotency-Key: the same key and body give the same complaint and no second event; another body is 422. */
class IdempotencyApiTest extends IntakeApiTestSupport {

    private static final String BODY = "{\"channel\":\"ORDER_PAGE\",\"text\":\"快递三天没更新\",\"orderId\":\"O-idem-1\",\"demands\":[\"REFUND\"]}";
    private static TopicReader<ComplaintReceived> received;

    @Autowired
    ComplaintValidator validator;

    @BeforeAll
    static void openReader() {
        received = TestPlatform.get().reader(TestPlatform.get().topics().complaintsReceived);
    }

    @AfterAll
    static void closeReader() {
        received.close();
    }

    private long eventsFor(String complaintId) {
        received.await(r -> complaintId.equals(r.key()), EVENT_TIMEOUT);
        return received.drain(Duration.ofSeconds(2)).stream().filter(r -> complaintId.equals(r.key())).count();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheSameComplaintAndWritesNothing() throws Exception {
        String token = userToken(newUser());
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post(token, BODY, key);
        HttpResponse<String> retry = post(token, BODY.replace("{", "{ "), key); // whitespace is not a different body

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(complaintId(retry)).isEqualTo(complaintId(first));
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(eventsFor(complaintId(first))).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() throws Exception {
        String token = userToken(newUser());
        String key = UUID.randomUUID().toString();
        String id = complaintId(post(token, BODY, key));

        HttpResponse<String> other = post(token, BODY.replace("快递三天没更新", "快递五天没更新"), key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(json(other).path("complaintId").asString()).isEqualTo(id);
    }

    @Test
    void theSameKeyOfAnotherUserIsAnotherComplaint() throws Exception {
        String key = UUID.randomUUID().toString();

        String mine = complaintId(post(userToken(newUser()), BODY, key));
        String theirs = complaintId(post(userToken(newUser()), BODY, key));

        assertThat(mine).isNotEqualTo(theirs);
    }

    @Test
    void concurrentDuplicatesGiveOneComplaintAndOneEvent() throws Exception {
        String token = userToken(newUser());
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> post(token, BODY, key));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }

            assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(202);
            Set<String> ids = responses.stream().map(IntakeApiTestSupport::complaintId).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
            assertThat(responses.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").orElse("").equals("false"))).hasSize(1);
            assertThat(eventsFor(ids.iterator().next())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyFiledByAnotherInstanceOrBeforeARestartIsFoundInTheKafkaBackedRecord() throws Exception {
        // another intake instance (or this one before a restart) filed under the key: only complaints-received knows it
        String user = newUser();
        String key = UUID.randomUUID().toString();
        String fingerprint = RequestFingerprint.of(Filer.USER_API, validator.accept(new ComplaintDraft(user, "ORDER_PAGE",
                "快递三天没更新", null, List.of("REFUND"), "O-idem-1", null, null, null, null, null, null, false)));
        String earlierId = "C-20261101-" + UUID.randomUUID().toString().substring(0, 12).replace("-", "0");
        Instant then = Instant.parse("2026-11-01T08:00:00Z");
        ComplaintReceived earlier = ComplaintReceived.newBuilder()
                .setEnvelope(io.livecomplaints.schemas.envelope.Envelopes.create(earlierId, "intake-service", null, then))
                .setUserId(user).setChannel(io.livecomplaints.events.Channel.ORDER_PAGE).setText("快递三天没更新")
                .setOrderId("O-idem-1").setSource(Filer.USER_API).setIdempotencyKey(key)
                .setEnrichment(io.livecomplaints.events.Enrichment.newBuilder().build())
                .setReceivedAt(then).setFirstResponseDueAt(then.plus(Duration.ofMinutes(30))).setRequestFingerprint(fingerprint)
                .build();
        try (TopicWriter<ComplaintReceived> writer = TestPlatform.get().writer(topics.complaintsReceived)) {
            writer.send(earlierId, earlier);
        }
        String scope = IdempotencyKey.scopeOf(Filer.USER_API, user, key);
        await().atMost(EVENT_TIMEOUT)
                .ignoreException(io.livecomplaints.intake.kafka.IntakeQueries.StoreUnavailableException.class) // answered 503 while a rebalance moves stores
                .until(() -> queries.complaintUnderScope(scope) != null);

        HttpResponse<String> retry = post(userToken(user), BODY, key);

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(complaintId(retry)).isEqualTo(earlierId);
        assertThat(json(retry).path("receivedAt").asString()).isEqualTo("2026-11-01T08:00:00Z");
        assertThat(post(userToken(user), BODY.replace("三天", "四天"), key).statusCode()).isEqualTo(422);
    }
}
