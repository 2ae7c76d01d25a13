package io.livecomplaints.platform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The benchmark's envelope-only observer sees the same complaints as the decoding one, on a real broker. */
class PipelineObserverTest {

    @Test
    void theEnvelopeOnlyObserverSeesWhatTheDecodingObserverSees() throws InterruptedException {
        TestPlatform platform = TestPlatform.get();
        var topic = platform.topics().surveyResponses;
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (PipelineObserver decoding = new PipelineObserver(platform.bootstrapServers(), platform.registryUrl(), topic.name(),
                (id, e) -> true, false);
             PipelineObserver envelopeOnly = PipelineObserver.anyEvent(platform.bootstrapServers(), topic.name());
             TopicWriter<SurveyResponse> writer = platform.writer(topic)) {
            writer.send("C-a-" + run, survey("C-a-" + run));
            writer.send("C-key-" + run, survey(null));                 // no complaint id in the envelope: the key

            Set<String> expected = Set.of("C-a-" + run, "C-key-" + run);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(envelopeOnly.sawAll(expected) && decoding.sawAll(expected)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(decoding.seen().keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(envelopeOnly.seen().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static SurveyResponse survey(String complaintId) {
        return SurveyResponse.newBuilder().setEnvelope(Envelopes.create(complaintId, "test", null, Instant.now()))
                .setUserId("U-1").setScore(5).build();
    }
}
