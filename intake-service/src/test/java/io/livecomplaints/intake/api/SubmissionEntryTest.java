package io.livecomplaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintSubmission;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import io.livecomplaints.schemas.topics.Writers;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import io.livecomplaints.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * complaint-submissions (channels that arrive as events): each valid submission becomes one complaint however often
 * it is sent; an invalid one goes to complaint-submissions-dlt with the bad fields as reason, and nothing is lost.
 */
class SubmissionEntryTest extends IntakeApiTestSupport {

    private static ComplaintSubmission submission(String submissionId, String userId, String text) {
        return ComplaintSubmission.newBuilder()
                .setEnvelope(Envelopes.create(null, Writers.UPSTREAM, "trace-" + submissionId, Instant.now()))
                .setSubmissionId(submissionId).setSourceSystem("regulator-12315").setUserId(userId)
                .setChannel(Channel.REGULATOR).setText(text).setDemands(List.of(Demand.REFUND, Demand.EXPLANATION))
                .setContact(PersonalContact.newBuilder().setPhone("13912345678").setConsentToContact(true).build())
                .build();
    }

    @Test
    void aSubmissionBecomesOneComplaintHoweverOftenItIsSent() throws Exception {
        String submissionId = "12315-" + UUID.randomUUID();
        String user = newUser();
        ComplaintSubmission submission = submission(submissionId, user, "消费者投诉：直播间宣称的功效与实际不符");
        try (TopicWriter<ComplaintSubmission> writer = TestPlatform.get().writer(topics.complaintSubmissions);
             TopicReader<ComplaintReceived> received = TestPlatform.get().reader(topics.complaintsReceived)) {
            writer.send(submissionId, submission);
            writer.send(submissionId, submission); // the feed re-sends

            ComplaintReceived complaint = received.await(r -> submissionId.equals(r.value().getIdempotencyKey()), EVENT_TIMEOUT).value();
            assertThat(complaint.getUserId()).isEqualTo(user);
            assertThat(complaint.getSource()).isEqualTo("regulator-12315");
            assertThat(complaint.getChannel()).isEqualTo(Channel.REGULATOR);
            assertThat(complaint.getContact().getPhone()).isEqualTo("13912345678");
            assertThat(complaint.getEnvelope().getTraceId()).isEqualTo("trace-" + submissionId);
            assertThat(Duration.between(complaint.getReceivedAt(), complaint.getFirstResponseDueAt())).isEqualTo(Duration.ofMinutes(30));
            assertThat(received.drain(Duration.ofSeconds(3)).stream()
                    .filter(r -> r.value() != null && submissionId.equals(r.value().getIdempotencyKey()))).hasSize(1);

            // the complainant can follow it like any other complaint
            assertThat(get(userToken(user), "/api/v1/complaints/" + complaint.getEnvelope().getComplaintId()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anInvalidSubmissionGoesToTheDeadLetterTopicWithTheBadFields() throws Exception {
        String bad = "bad-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        try (TopicWriter<ComplaintSubmission> writer = TestPlatform.get().writer(topics.complaintSubmissions);
             TopicReader<ComplaintSubmission> deadLetters = TopicReader.deadLetters(TestPlatform.get().bootstrapServers(), topics.complaintSubmissions);
             TopicReader<ComplaintReceived> received = TestPlatform.get().reader(topics.complaintsReceived)) {
            writer.send(bad, submission(bad, "", " "));
            writer.send(good, submission(good, newUser(), "主播辱骂观众"));

            TopicReader.Received<ComplaintSubmission> dead = deadLetters.await(r -> bad.equals(r.key()), EVENT_TIMEOUT);
            assertThat(dead.headers().get(DeadLetterHeaderNames.REASON)).contains("userId").contains("text");
            assertThat(dead.headers().get(DeadLetterHeaderNames.SERVICE)).isEqualTo("intake-service");
            assertThat(dead.headers().get(DeadLetterHeaderNames.REASON)).doesNotContain("13912345678");
            // the partition keeps flowing
            received.await(r -> r.value() != null && good.equals(r.value().getIdempotencyKey()), EVENT_TIMEOUT);
        }
    }
}
