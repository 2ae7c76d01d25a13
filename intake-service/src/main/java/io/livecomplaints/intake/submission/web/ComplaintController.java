package io.livecomplaints.intake.submission.web;

import io.livecomplaints.intake.submission.IdempotentFiling;
import io.livecomplaints.intake.ratelimit.RequestRateLimits;
import io.livecomplaints.intake.submission.ComplaintIntake;
import io.livecomplaints.intake.submission.model.Filer;
import io.livecomplaints.intake.validation.model.InvalidComplaintException;
import io.livecomplaints.support.security.Caller;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.support.web.ProblemRenderer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/complaints}: a user files for themself, an upstream system (SYSTEM token) for the user named in
 * the body. Answers 202 with the acknowledgment only after the complaint is durably in Kafka.
 */
@RestController
@RequestMapping(ComplaintController.PATH)
@SecurityRequirement(name = "bearer")
class ComplaintController {

    static final String PATH = "/api/v1/complaints";
    static final String REPLAYED = "Idempotent-Replayed";

    private final ComplaintIntake intake;
    private final RequestRateLimits rateLimits;

    ComplaintController(ComplaintIntake intake, RequestRateLimits rateLimits) {
        this.intake = intake;
        this.rateLimits = rateLimits;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('USER', 'SYSTEM')")
    @Operation(summary = "File a complaint (受理)", description = "USER tokens file for their own user; SYSTEM tokens "
            + "(hotline, IM gateway, regulator feed) name the user in userId. Same Idempotency-Key and body: the same "
            + "complaint again, nothing new written; same key, other body: 422.")
    @ApiResponse(responseCode = "202", description = "received and durably recorded; the acknowledgment")
    @ApiResponse(responseCode = "400", description = "problem+json naming each bad field")
    @ApiResponse(responseCode = "413", description = "request body over the size cap")
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @ApiResponse(responseCode = "429", description = "rate limit; see Retry-After")
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge the complaint: nothing was filed, retry")
    ResponseEntity<AcknowledgmentResponse> file(Caller caller, @RequestBody ComplaintRequest request,
                                                @Parameter(description = "client-chosen key that makes retries safe")
                                                @RequestHeader(name = ComplaintIntake.IDEMPOTENCY_KEY_FIELD, required = false) String idempotencyKey,
                                                HttpServletRequest http) {
        Filer filer;
        String userId;
        boolean vip;
        if (caller.isSystem()) {
            filer = Filer.upstreamSystem(caller.id());
            userId = request.userId();
            vip = Boolean.TRUE.equals(request.vip());
        } else {
            filer = Filer.user();
            userId = caller.id(); // a user's token names the user; a userId in the body cannot file for someone else
            vip = false;
        }
        // a retry of a complaint already filed under its Idempotency-Key is answered with that complaint and costs nothing
        if (!intake.isReplay(filer, userId, idempotencyKey)) {
            rateLimits.admit(caller, http.getRemoteAddr());
            if (caller.isSystem() && userId != null && !userId.isBlank()) {
                rateLimits.admitUser(userId);
            }
        }
        IdempotentFiling.Filing filing = intake.file(filer, request.toDraft(userId, vip), idempotencyKey);
        AcknowledgmentResponse ack = AcknowledgmentResponse.of(filing.complaint());
        return ResponseEntity.accepted().location(URI.create(ack.progressUrl()))
                .header(REPLAYED, Boolean.toString(filing.replayed())).body(ack);
    }

    /** A complaint the rules refuse: 400 naming every bad field (the rules know nothing of HTTP). */
    @ExceptionHandler(InvalidComplaintException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidComplaintException e) {
        return ProblemRenderer.entity(ApiProblem.invalid("Invalid complaint",
                e.violations().stream().map(v -> new ApiProblem.FieldError(v.field(), v.message())).toList()));
    }
}
