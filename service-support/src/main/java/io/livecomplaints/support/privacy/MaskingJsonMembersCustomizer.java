package io.livecomplaints.support.privacy;

import java.util.Locale;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Structured (JSON) logs ({@code logging.structured.format.console=ecs|logstash|gelf}): every string member — the
 * message, exception messages and stack traces, MDC values — goes through {@link Pii#maskText}, as the text layout's
 * {@code %maskedMsg} does. Trace and span ids are left alone (a hex id can contain a run of digits that reads as a
 * phone number). Installed by service-defaults ({@code logging.structured.json.customizer}).
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, Pii::maskText)
                .whenHasPath(path -> !isTraceField(path.toUnescapedString())));
    }

    static boolean isTraceField(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.contains("trace") && !lower.contains("stack") || lower.contains("span");
    }
}
