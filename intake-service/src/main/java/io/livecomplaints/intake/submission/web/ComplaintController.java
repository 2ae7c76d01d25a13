package io.livecomplaints.intake.submission.web;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.Enrichment;
import io.livecomplaints.intake.acknowledgment.model.FirstResponsePolicy;
import io.livecomplaints.intake.publishing.ComplaintPublisher;
import io.livecomplaints.intake.submission.model.ComplaintIds;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Writers;
import io.livecomplaints.support.security.Caller;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/complaints}: validates, writes complaints-received durably, answers 202 with the promise. */
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintController {

    private final ComplaintPublisher publisher;
    private final FirstResponsePolicy firstResponse;
    private final Clock clock;

    ComplaintController(ComplaintPublisher publisher, FirstResponsePolicy firstResponse, Clock clock) {
        this.publisher = publisher;
        this.firstResponse = firstResponse;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<ComplaintAccepted> submit(Caller caller, @RequestBody ComplaintRequest request) {
        String userId = caller.isUser() ? caller.id() : request.userId();
        if (!caller.isUser() && !caller.isSystem()) {
            throw new org.springframework.security.access.AccessDeniedException("only users and upstream systems file complaints");
        }
        if (userId == null || userId.isBlank()) {
            throw new InvalidComplaintException("userId", "is required when a system files on behalf of a user");
        }
        if (request.channel() == null) {
            throw new InvalidComplaintException("channel", "is required");
        }
        if (request.text() == null || request.text().isBlank()) {
            throw new InvalidComplaintException("text", "is required");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String complaintId = ComplaintIds.next(now);
        Instant due = firstResponse.dueAt(request.channel(), now);
        ComplaintReceived event = ComplaintReceived.newBuilder()
                .setEnvelope(Envelopes.create(complaintId, Writers.INTAKE, null, now))
                .setUserId(userId)
                .setChannel(request.channel())
                .setLanguage(request.language() == null ? "zh-CN" : request.language())
                .setText(request.text().strip())
                .setDemands(request.demands() == null ? List.of() : request.demands())
                .setOrderId(request.orderId())
                .setRoomId(request.roomId())
                .setSessionId(request.sessionId())
                .setClaimedAmountFen(request.claimedAmountFen())
                .setSource("api")
                .setEnrichment(Enrichment.newBuilder().setMissing(List.of("order", "session")).build())
                .setReceivedAt(now)
                .setFirstResponseDueAt(due)
                .build();
        publisher.publish(event);
        return ResponseEntity.accepted().location(URI.create("/api/v1/complaints/" + complaintId))
                .body(new ComplaintAccepted(complaintId, "RECEIVED", now, due, "已收到您的投诉，我们会在承诺时间内处理"));
    }

    @ExceptionHandler(InvalidComplaintException.class)
    ProblemDetail invalid(InvalidComplaintException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.field + " " + e.getMessage());
        problem.setTitle("Invalid complaint");
        problem.setProperty("errors", List.of(java.util.Map.of("field", e.field, "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(ComplaintPublisher.PublishFailedException.class)
    ProblemDetail unavailable(ComplaintPublisher.PublishFailedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The complaint could not be recorded now; nothing was filed. Please retry.");
        problem.setTitle("Intake unavailable");
        return problem;
    }

    static final class InvalidComplaintException extends RuntimeException {
        private final String field;

        InvalidComplaintException(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
