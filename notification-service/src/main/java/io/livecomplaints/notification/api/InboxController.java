package io.livecomplaints.notification.api;

import io.livecomplaints.notification.inbox.model.InboxMessage;
import io.livecomplaints.support.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/inbox/{userId}}: the user's in-app messages (站内信), newest first. Only the owner reads an
 * inbox: for anyone else it does not exist (404).
 */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {

    static final int MAX_LIMIT = 200;

    private final NotificationQueries stores;

    InboxController(NotificationQueries stores) {
        this.stores = stores;
    }

    @GetMapping("/{userId}")
    Inbox inbox(Caller caller, @PathVariable String userId, @RequestParam(defaultValue = "50") int limit) {
        if (!caller.isUser() || !caller.id().equals(userId)) {
            throw new NoSuchInboxException();
        }
        return read(stores, userId, limit);
    }

    /** The newest {@code limit} messages of {@code owner}'s inbox (a user id, or {@code merchant:<id>}). */
    static Inbox read(NotificationQueries stores, String userId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidLimitException();
        }
        List<InboxMessage> all = stores.inbox(userId);
        List<Entry> messages = all.stream().limit(limit).map(Entry::of).toList();
        return new Inbox(userId, all.size(), messages);
    }

    /** The inbox: how many messages it holds and the newest {@code limit} of them. */
    record Inbox(String userId, int total, List<Entry> messages) {
    }

    record Entry(String messageId, String complaintId, String kind, String templateId, String language, String text, Instant sentAt) {
        static Entry of(InboxMessage m) {
            return new Entry(m.messageId(), m.complaintId(), m.kind().name(), m.templateId(), m.language(), m.text(),
                    Instant.ofEpochMilli(m.sentAt()));
        }
    }

    @ExceptionHandler(NoSuchInboxException.class)
    ProblemDetail notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such inbox");
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(InvalidLimitException.class)
    ProblemDetail badLimit() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", "limit", "message", "must be between 1 and " + MAX_LIMIT)));
        return problem;
    }

    @ExceptionHandler(NotificationQueries.StoreUnavailableException.class)
    ProblemDetail unavailable(NotificationQueries.StoreUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Inbox unavailable");
        return problem;
    }

    static final class NoSuchInboxException extends RuntimeException {
    }

    static final class InvalidLimitException extends RuntimeException {
    }
}
