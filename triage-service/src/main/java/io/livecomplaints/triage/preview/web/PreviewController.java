package io.livecomplaints.triage.preview.web;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.Enrichment;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.support.web.ApiProblem.FieldError;
import io.livecomplaints.triage.pipeline.ComplaintTriage;
import io.livecomplaints.triage.pipeline.TriageStateQueries;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/triage/preview}: what triage would decide for a complaint (classification with its signals,
 * severity, priority with reasons, team, QoS diagnosis), emitting nothing. For operators tuning the rules and agents
 * checking a decision. Repeat detection, incidents and agent choice depend on the stream and are not previewed.
 */
@RestController
@RequestMapping("/api/v1/triage")
class PreviewController {

    static final int MAX_TEXT = 5000;

    private final ComplaintTriage triage;
    private final TriageStateQueries state;
    private final Clock clock;

    PreviewController(ComplaintTriage triage, TriageStateQueries state, Clock clock) {
        this.triage = triage;
        this.state = state;
        this.clock = clock;
    }

    @PostMapping("/preview")
    @PreAuthorize("hasAnyRole('OPERATOR','AGENT')")
    PreviewResponse preview(@RequestBody PreviewRequest request) {
        List<FieldError> errors = validate(request);
        if (!errors.isEmpty()) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "Invalid preview request", FieldError.describe(errors)).errors(errors);
        }
        Instant now = clock.instant();
        ComplaintReceived complaint = ComplaintReceived.newBuilder()
                .setEnvelope(Envelopes.create("preview", "preview", null, now))
                .setUserId(request.userId() == null ? "preview" : request.userId())
                .setChannel(Channel.valueOf(request.channel()))
                .setText(request.text())
                .setDemands(request.demands() == null ? List.of() : request.demands().stream().map(Demand::valueOf).toList())
                .setOrderId(request.orderId())
                .setSessionId(request.sessionId())
                .setClaimedAmountFen(request.amountFen())
                .setIncidentAt(request.incidentAt())
                .setVip(Boolean.TRUE.equals(request.vip()))
                .setSource("preview")
                .setEnrichment(Enrichment.newBuilder().build())
                .setReceivedAt(now)
                .setFirstResponseDueAt(now)
                .build();
        return PreviewResponse.of(triage.grade(triage.assess(complaint, state::telemetry), false, state.credit(request.userId())));
    }

    private static List<FieldError> validate(PreviewRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.text() == null || request.text().isBlank()) {
            errors.add(new FieldError("text", "is required"));
        } else if (request.text().length() > MAX_TEXT) {
            errors.add(new FieldError("text", "is longer than " + MAX_TEXT + " characters"));
        }
        if (request.channel() == null) {
            errors.add(new FieldError("channel", "is required"));
        } else if (!isEnum(Channel.class, request.channel())) {
            errors.add(new FieldError("channel", "must be one of " + List.of(Channel.values())));
        }
        if (request.amountFen() != null && request.amountFen() < 0) {
            errors.add(new FieldError("amountFen", "must not be negative"));
        }
        if (request.demands() != null && !request.demands().stream().allMatch(d -> isEnum(Demand.class, d))) {
            errors.add(new FieldError("demands", "must be among " + List.of(Demand.values())));
        }
        return errors;
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String name) {
        try {
            Enum.valueOf(type, name);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
