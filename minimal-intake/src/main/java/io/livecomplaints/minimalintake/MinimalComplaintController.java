package io.livecomplaints.minimalintake;

import io.livecomplaints.support.kafka.publish.DurablePublisher;
import io.livecomplaints.support.security.Caller;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Intake's endpoint with nothing of intake's own work: the caller's token checked (same roles as intake), the body
 * parsed by Jackson, one record (the body with an id, the user and the time, as JSON bytes) written and acknowledged
 * by every in-sync replica, then 202 with the id. No validation, enrichment, idempotency, Avro or Streams.
 */
@RestController
class MinimalComplaintController {

    private final DurablePublisher publisher;
    private final JsonMapper json;
    private final String topic;

    MinimalComplaintController(DurablePublisher publisher, JsonMapper json, @Value("${minimal-intake.topic}") String topic) {
        this.publisher = publisher;
        this.json = json;
        this.topic = topic;
    }

    @PostMapping("/api/v1/complaints")
    @PreAuthorize("hasAnyRole('USER', 'SYSTEM')")
    ResponseEntity<Map<String, String>> file(Caller caller, @RequestBody JsonNode body) {
        String complaintId = "C-" + UUID.randomUUID();
        ObjectNode record = json.createObjectNode()
                .put("complaintId", complaintId)
                .put("userId", caller.id())
                .put("receivedAt", Instant.now().toString());
        record.set("complaint", body);
        publisher.send(topic, complaintId, json.writeValueAsBytes(record));
        return ResponseEntity.accepted().body(Map.of("complaintId", complaintId));
    }
}
