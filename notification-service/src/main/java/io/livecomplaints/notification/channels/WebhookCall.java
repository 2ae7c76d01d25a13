package io.livecomplaints.notification.channels;

import io.livecomplaints.notification.channels.model.OutboundMessage;
import io.livecomplaints.support.tracing.HopTracing;
import io.livecomplaints.support.tracing.TraceParents;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook to an internal subscriber (refund system, anchor governance, ...): the notification without any contact
 * data, signed with the subscriber's secret ({@code X-Signature: sha256=<hex HMAC-SHA256 of the body>}) so the
 * subscriber can tell it came from us, and the W3C {@code traceparent} of the delivery, so the subscriber's work joins
 * the complaint's trace.
 */
final class WebhookCall implements ProviderCall {

    static final String SIGNATURE_HEADER = "X-Signature";

    private final HttpProvider provider;
    private final JsonMapper json;
    private final byte[] secret;

    WebhookCall(HttpProvider provider, JsonMapper json, String secret) {
        this.provider = provider;
        this.json = json;
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void deliver(OutboundMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.idempotencyKey());
        body.put("sourceEventId", message.sourceEventId());
        body.put("complaintId", message.complaintId());
        body.put("userId", message.userId());
        body.put("kind", message.kind().name());
        body.put("templateId", message.templateId());
        body.put("language", message.language());
        body.put("text", message.text());
        body.put("occurredAt", message.occurredAt());
        byte[] bytes = json.writeValueAsBytes(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", message.idempotencyKey());
        String traceparent = HopTracing.currentTraceparent(); // the delivery's span, in the complaint's trace
        if (traceparent != null) {
            headers.put(TraceParents.HEADER, traceparent);
        }
        if (secret != null && secret.length > 0) {
            headers.put(SIGNATURE_HEADER, "sha256=" + sign(bytes));
        }
        provider.post(bytes, headers);
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
