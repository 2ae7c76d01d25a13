package io.livecomplaints.notification.channels;

import io.livecomplaints.notification.channels.model.OutboundMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** E-mail through an HTTP mail API: {@code POST {url}} with {@code {from, to, subject, text, idempotencyKey, reference}}. */
final class EmailCall implements ProviderCall {

    private final HttpProvider provider;
    private final JsonMapper json;
    private final String from;

    EmailCall(HttpProvider provider, JsonMapper json, String from) {
        this.provider = provider;
        this.json = json;
        this.from = from;
    }

    @Override
    public void deliver(OutboundMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("to", message.address());
        body.put("subject", message.subject());
        body.put("text", message.text());
        body.put("idempotencyKey", message.idempotencyKey());
        body.put("reference", message.complaintId());
        provider.post(json.writeValueAsBytes(body), Map.of("Idempotency-Key", message.idempotencyKey()));
    }
}
