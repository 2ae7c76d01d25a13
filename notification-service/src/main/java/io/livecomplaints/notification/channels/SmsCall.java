package io.livecomplaints.notification.channels;

import io.livecomplaints.notification.channels.model.OutboundMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** SMS through an HTTP gateway: {@code POST {url}} with {@code {to, text, idempotencyKey, reference}}. */
final class SmsCall implements ProviderCall {

    private final HttpProvider provider;
    private final JsonMapper json;

    SmsCall(HttpProvider provider, JsonMapper json) {
        this.provider = provider;
        this.json = json;
    }

    @Override
    public void deliver(OutboundMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", message.address());
        body.put("text", message.text());
        body.put("idempotencyKey", message.idempotencyKey());
        body.put("reference", message.complaintId());
        provider.post(json.writeValueAsBytes(body), Map.of("Idempotency-Key", message.idempotencyKey()));
    }
}
