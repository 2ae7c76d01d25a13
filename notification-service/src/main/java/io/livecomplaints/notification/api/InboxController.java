package io.livecomplaints.notification.api;

import io.livecomplaints.notification.inbox.model.InboxMessage;
import io.livecomplaints.support.security.Caller;
import io.livecomplaints.support.web.ApiProblem;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
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
            throw ApiProblem.notFound("Not found", "No such inbox");
        }
        return read(stores, userId, limit);
    }

    /** The newest {@code limit} messages of {@code owner}'s inbox (a user id, or {@code merchant:<id>}). */
    static Inbox read(NotificationQueries stores, String userId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "Invalid request", "limit must be between 1 and " + MAX_LIMIT)
                    .errors(List.of(new ApiProblem.FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
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
}
