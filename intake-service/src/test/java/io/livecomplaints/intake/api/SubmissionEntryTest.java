package io.livecomplaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintSubmission;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.events.RegulatorTicket;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import io.livecomplaints.schemas.topics.Parties;
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
                .setEnvelope(Envelopes.create(null, Parties.UPSTREAM, "trace-" + submissionId, Instant.now()))
                .setSubmissionId(submissionId).setSourceSystem("regulator-12315").setUserId(userId)
                .setChannel(Channel.REGULATOR).setText(text).setDemands(List.of(Demand.REFUND, Demand.EXPLANATION))
                .setContact(PersonalContact.newBuilder().setPhone("13912345678").setConsentToContact(true).build())
                .setRegulatorTicket(RegulatorTicket.newBuilder().setReference("12315-" + submissionId)
                        .setDeadline(Instant.now().plus(Duration.ofDays(7))).setAuthority("12315").build())
                .build();
    }

    /**
     * Issue 15 #4: a regulator's complaint carries its ticket; one without the reference, or with a deadline already
     * past, goes to the dead-letter topic naming the field; a valid one is received with its ticket.
     */
    @Test
    void aRegulatorSubmissionWithoutItsTicketReferenceOrWithAPastDeadlineGoesToTheDeadLetterTopic() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String good = "ticket-" + run;
        try (TopicWriter<ComplaintSubmission> writer = TestPlatform.get().writer(topics.complaintSubmissions);
             TopicReader<ComplaintSubmission> deadLetters = TopicReader.deadLetters(TestPlatform.get().bootstrapServers(), topics.complaintSubmissions);
             TopicReader<ComplaintReceived> received = TestPlatform.get().reader(topics.complaintsReceived)) {
            ComplaintSubmission noTicket = submission("noticket-" + run, newUser(), "12315转来的投诉");
            noTicket.setRegulatorTicket(null);
            ComplaintSubmission pastDeadline = submission("past-" + run, newUser(), "12315转来的投诉");
            pastDeadline.getRegulatorTicket().setDeadline(Instant.now().minus(Duration.ofHours(1)));
            writer.send(noTicket.getSubmissionId(), noTicket);
            writer.send(pastDeadline.getSubmissionId(), pastDeadline);
            writer.send(good, submission(good, newUser(), "消协转来的投诉：主播夸大宣传"));

            String noTicketReason = deadLetters.await(r -> ("noticket-" + run).equals(r.key()), EVENT_TIMEOUT).headers().get(DeadLetterHeaderNames.REASON);
            assertThat(noTicketReason).contains("regulatorTicket.reference");
            String pastReason = deadLetters.await(r -> ("past-" + run).equals(r.key()), EVENT_TIMEOUT).headers().get(DeadLetterHeaderNames.REASON);
            assertThat(pastReason).contains("regulatorTicket.deadline").contains("past");
            System.out.println("complaint-submissions-dlt reasons: " + noTicketReason + " | " + pastReason);
            ComplaintReceived complaint = received.await(r -> r.value() != null && good.equals(r.value().getIdempotencyKey()), EVENT_TIMEOUT).value();
            assertThat(complaint.getRegulatorTicket().getReference()).isEqualTo("12315-" + good);
            assertThat(complaint.getRegulatorTicket().getAuthority()).isEqualTo("12315");
        }
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

    /**
     * Issue 20 #7 and #15: a submission claiming the users' own source "api" (it would land in a user's own
     * Idempotency-Key namespace), a source with a slash, blank-looking text (ideographic and zero-width characters) and
     * an incident in year 9999 or 0001 each go to the dead-letter topic with the reason; the partition keeps flowing.
     */
    @Test
    void reservedSourcesBlankLookingTextAndImpossibleTimesGoToTheDeadLetterTopic() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String good = "good-" + run;
        try (TopicWriter<ComplaintSubmission> writer = TestPlatform.get().writer(topics.complaintSubmissions);
             TopicReader<ComplaintSubmission> deadLetters = TopicReader.deadLetters(TestPlatform.get().bootstrapServers(), topics.complaintSubmissions);
             TopicReader<ComplaintReceived> received = TestPlatform.get().reader(topics.complaintsReceived)) {
            ComplaintSubmission asApi = submission("api-" + run, newUser(), "我被冒名");
            asApi.setSourceSystem("api");
            ComplaintSubmission asApiUpper = submission("API-" + run, newUser(), "我被冒名");
            asApiUpper.setSourceSystem("API");
            ComplaintSubmission slashed = submission("slash-" + run, newUser(), "我被冒名");
            slashed.setSourceSystem("hotline/U-1");
            ComplaintSubmission blank = submission("blank-" + run, newUser(), "\u3000\u200b\u200d\ufeff ");
            ComplaintSubmission future = submission("future-" + run, newUser(), "时间不对");
            future.setIncidentAt(Instant.parse("9999-12-31T00:00:00Z"));
            ComplaintSubmission ancient = submission("ancient-" + run, newUser(), "时间不对");
            ancient.setIncidentAt(Instant.parse("0001-01-01T00:00:00Z"));
            for (ComplaintSubmission bad : List.of(asApi, asApiUpper, slashed, blank, future, ancient)) {
                writer.send(bad.getSubmissionId(), bad);
            }
            writer.send(good, submission(good, newUser(), "主播辱骂观众"));

            assertThat(deadLetters.await(r -> ("api-" + run).equals(r.key()), EVENT_TIMEOUT).headers().get(DeadLetterHeaderNames.REASON))
                    .contains("sourceSystem").contains("reserved");
            assertThat(deadLetters.await(r -> ("API-" + run).equals(r.key()), EVENT_TIMEOUT).headers().get(DeadLetterHeaderNames.REASON))
                    .contains("sourceSystem");
            assertThat(deadLetters.await(r -> ("slash-" + run).equals(r.key()), EVENT_TIMEOUT).headers().get(DeadLetterHeaderNames.REASON))
                    .contains("sourceSystem");
            assertThat(deadLetters.await(r -> ("blank-" + run).equals(r.key()), EVENT_TIMEOUT).headers().get(DeadLetterHeaderNames.REASON))
                    .contains("text");
            assertThat(deadLetters.await(r -> ("future-" + run).equals(r.key()), EVENT_TIMEOUT).headers().get(DeadLetterHeaderNames.REASON))
                    .contains("incidentAt").contains("future");
            assertThat(deadLetters.await(r -> ("ancient-" + run).equals(r.key()), EVENT_TIMEOUT).headers().get(DeadLetterHeaderNames.REASON))
                    .contains("incidentAt");
            received.await(r -> r.value() != null && good.equals(r.value().getIdempotencyKey()), EVENT_TIMEOUT);
        }
    }
}
