package io.livecomplaints.notification.api;

import io.livecomplaints.notification.inbox.model.InboxMessage;
import io.livecomplaints.support.security.Caller;
import io.livecomplaints.support.web.ApiProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/inbox/{userId}}: the user's in-app messages (站内信), newest first. Only the owner reads an
 * inbox: for anyone else it does not exist (404). The messages are stored with their complaints, in every partition:
 * any instance answers with all of them (gathered from the instances owning the partitions, the caller's token passed on).
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

    /**
     * The newest {@code limit} messages of {@code owner}'s inbox (a user id, or {@code merchant:<id>}), from every
     * instance holding some: each gives its newest {@code limit} and its count, merged here.
     */
    static Inbox read(NotificationQueries stores, String userId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "Invalid request", "limit must be between 1 and " + MAX_LIMIT)
                    .errors(List.of(new ApiProblem.FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        List<Inbox> parts = stores.inbox(userId, Inbox.class,
                messages -> new Inbox(userId, messages.size(), messages.stream().limit(limit).map(Entry::of).toList()));
        return Inbox.merge(userId, limit, parts);
    }

    /** The inbox: how many messages it holds and the newest {@code limit} of them. */
    record Inbox(String userId, int total, List<Entry> messages) {

        /** One inbox of parts with disjoint messages: their totals added, the newest {@code limit} messages of all. */
        static Inbox merge(String userId, int limit, List<Inbox> parts) {
            if (parts.size() == 1) {
                return parts.get(0);
            }
            List<Entry> all = new ArrayList<>();
            parts.forEach(part -> all.addAll(part.messages()));
            all.sort(Comparator.comparing(Entry::sentAt).reversed()); // stable: each part's own order stays for equal times
            return new Inbox(userId, parts.stream().mapToInt(Inbox::total).sum(), all.stream().limit(limit).toList());
        }
    }

    record Entry(String messageId, String complaintId, String kind, String templateId, String language, String text, Instant sentAt) {
        static Entry of(InboxMessage m) {
            return new Entry(m.messageId(), m.complaintId(), m.kind().name(), m.templateId(), m.language(), m.text(),
                    Instant.ofEpochMilli(m.sentAt()));
        }
    }
}
