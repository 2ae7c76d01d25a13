package io.livecomplaints.resolution.commands;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.TimelineEntry;
import io.livecomplaints.resolution.caseview.CaseQueries;
import io.livecomplaints.resolution.cases.model.Refusal;
import io.livecomplaints.resolution.config.ResolutionProperties;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.support.kafka.publish.DurablePublisher;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Writes a command to complaint-commands (the shared durable publish: acked by every in-sync replica, else 503 with
 * Retry-After and nothing changed) and waits, up to {@code complaints.resolution.api-await}, until
 * the case replica shows the step the processor recorded for it (applied or refused). The processor is the
 * authority: the API's own check only gives a fast answer.
 */
@Component
public class CommandGateway {

    private static final long POLL_MILLIS = 20;

    private final DurablePublisher publisher;
    private final Topics topics;
    private final CaseQueries queries;
    private final Duration await;

    public CommandGateway(DurablePublisher publisher, Topics topics, CaseQueries queries, ResolutionProperties properties) {
        this.publisher = publisher.answeringFailuresWith("Case service unavailable",
                "The action could not be recorded now; nothing was changed. Please retry.");
        this.topics = topics;
        this.queries = queries;
        this.await = properties.apiAwait();
    }

    /** What became of a command. */
    public record Result(String commandId, ComplaintCase after, TimelineEntry step) {

        public boolean pending() {
            return step == null;
        }

        public boolean refused() {
            return refusal().isPresent();
        }

        /** The processor's refusal of the command, as its timeline step records it. */
        public Optional<Refusal> refusal() {
            return step == null ? Optional.empty() : Refusal.recordedIn(step);
        }
    }

    public Result submit(ComplaintCommand command) {
        String id = command.getEnvelope().getComplaintId();
        String commandId = command.getEnvelope().getEventId();
        publisher.send(topics.complaintCommands.name(), id, command);
        long deadline = System.nanoTime() + await.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ComplaintCase> current = queries.find(id);
            if (current.isPresent()) {
                for (TimelineEntry entry : current.get().getTimeline()) {
                    if (commandId.equals(entry.getCommandId())) {
                        return new Result(commandId, current.get(), entry);
                    }
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Result(commandId, null, null);
    }
}
