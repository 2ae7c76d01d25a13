package io.livecomplaints.notification.api;

import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.notification.delivery.NotificationStores;
import io.livecomplaints.notification.surveys.SurveyAnswerClaims;
import io.livecomplaints.notification.surveys.model.SurveyAnswerRule;
import io.livecomplaints.notification.surveys.model.SurveyState;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.schemas.topics.Parties;
import io.livecomplaints.support.kafka.publish.DurablePublisher;
import io.livecomplaints.support.privacy.Pii;
import io.livecomplaints.support.security.Caller;
import io.livecomplaints.support.streams.query.ForwardToOwner;
import io.livecomplaints.support.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/surveys/{complaintId}}: the offered survey and whether it was answered;
 * {@code POST /api/v1/surveys/{complaintId}}: the owner answers the satisfaction survey (回访) of their complaint.
 * The answer goes to survey-responses (acks=all before 202); an unhappy one may ask to reopen the case, which
 * resolution-service turns into REOPENED. Someone else's complaint, or one without a survey offered, is a 404; a
 * survey answered already is a 409, also when two answers arrive together ({@link SurveyAnswerClaims}: only the
 * first is published). The comment is passed on with phone numbers and addresses masked. A survey lives in its
 * complaint's partition: on any other instance the request is forwarded to the owner (which checks the caller and
 * holds the claims), so every instance answers the same.
 */
@RestController
@RequestMapping("/api/v1/surveys")
class SurveyController {

    private final NotificationQueries stores;
    private final SurveyAnswerRule rule;
    private final DurablePublisher publisher;
    private final Topics topics;
    private final Clock clock;
    private final SurveyAnswerClaims claims;

    SurveyController(NotificationQueries stores, SurveyAnswerRule rule, DurablePublisher publisher, Topics topics, Clock clock,
                     SurveyAnswerClaims claims) {
        this.claims = claims;
        this.stores = stores;
        this.rule = rule;
        this.publisher = publisher.answeringFailuresWith("Surveys unavailable",
                "The answer could not be recorded now; nothing was recorded. Please retry.");
        this.topics = topics;
        this.clock = clock;
    }

    record Answer(Integer score, String comment, Boolean reopenRequested) {
    }

    record Accepted(String complaintId, int score, boolean reopenRequested) {
    }

    record Offered(String complaintId, Instant offeredAt, boolean answered) {
    }

    /** The survey of the owner's complaint, once it has been offered. */
    @GetMapping("/{complaintId}")
    @ForwardToOwner(store = NotificationStores.SURVEYS, key = "complaintId")
    Offered survey(Caller caller, @PathVariable String complaintId) {
        SurveyState survey = ownSurvey(caller, complaintId);
        return new Offered(complaintId, Instant.ofEpochMilli(survey.offeredAt()), survey.answered());
    }

    private SurveyState ownSurvey(Caller caller, String complaintId) {
        SurveyState survey = stores.survey(complaintId).orElse(null);
        if (survey == null || !caller.isUser() || !caller.id().equals(survey.userId()) || survey.offeredAt() > clock.millis()) {
            throw ApiProblem.notFound("Not found", "No survey for this complaint");
        }
        return survey;
    }

    @PostMapping("/{complaintId}")
    @ForwardToOwner(store = NotificationStores.SURVEYS, key = "complaintId")
    ResponseEntity<Accepted> answer(Caller caller, @PathVariable String complaintId, @RequestBody Answer answer) {
        SurveyState survey = ownSurvey(caller, complaintId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (survey.answered()) {
            throw alreadyAnswered();
        }
        boolean reopen = Boolean.TRUE.equals(answer.reopenRequested());
        List<SurveyAnswerRule.Problem> problems = rule.check(answer.score(), answer.comment(), reopen);
        if (!problems.isEmpty()) {
            List<ApiProblem.FieldError> errors = problems.stream().map(p -> new ApiProblem.FieldError(p.field(), p.message())).toList();
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "Invalid survey answer", ApiProblem.FieldError.describe(errors)).errors(errors);
        }
        SurveyResponse response = SurveyResponse.newBuilder()
                .setEnvelope(Envelopes.create(complaintId, Parties.NOTIFICATION, survey.traceId(), now))
                .setUserId(survey.userId())
                .setScore(answer.score())
                .setComment(answer.comment() == null || answer.comment().isBlank() ? null : Pii.maskText(answer.comment().strip()))
                .setReopenRequested(reopen)
                .build();
        if (!claims.claim(complaintId)) {
            throw alreadyAnswered(); // another answer got here first and is (being) recorded
        }
        try {
            publisher.send(topics.surveyResponses.name(), complaintId, response);
        } catch (RuntimeException e) {
            claims.release(complaintId);
            throw e;
        }
        return ResponseEntity.accepted().body(new Accepted(complaintId, answer.score(), reopen));
    }

    private static ApiProblem alreadyAnswered() {
        return ApiProblem.conflict("Already answered", "This survey was answered already");
    }
}
