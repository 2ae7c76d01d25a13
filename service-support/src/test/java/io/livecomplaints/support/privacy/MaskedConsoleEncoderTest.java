package io.livecomplaints.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.CoreConstants;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/** The services' console encoder: text with trace ids by default, Spring Boot's JSON when asked, masked either way. */
class MaskedConsoleEncoderTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    private static String encode(String format) {
        LoggerContext context = new LoggerContext();
        // what Spring Boot's logging system puts in the logger context; the customizer is service-defaults'
        context.putObject(Environment.class.getName(), new MockEnvironment()
                .withProperty("spring.application.name", "intake-service")
                .withProperty("logging.structured.json.customizer", MaskingJsonMembersCustomizer.class.getName()));
        // logback-spring.xml's <conversionRule conversionWord="maskedMsg" .../>
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY,
                new HashMap<>(Map.of("maskedMsg", MaskingMessageConverter.class.getName())));
        MaskedConsoleEncoder encoder = new MaskedConsoleEncoder();
        encoder.setContext(context);
        encoder.setPattern("%5p [intake-service,%X{traceId:-},%X{spanId:-}] %logger : %maskedMsg%n");
        encoder.setFormat(format);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        Logger logger = context.getLogger("io.livecomplaints.intake.submission.ComplaintIntake");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
                "received complaint {} from user at {}", null, new Object[] {"C-1", "13812345678"});
        event.setMDCPropertyMap(Map.of("traceId", TRACE_ID, "spanId", SPAN_ID));
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void textLinesCarryTheTraceAndSpanIdsAndNoPhoneNumber() {
        String line = encode(null);
        System.out.println(line);
        assertThat(line).contains("[intake-service," + TRACE_ID + "," + SPAN_ID + "]")
                .contains("138****5678").doesNotContain("13812345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash"})
    void jsonLinesAreMaskedTooAndKeepTheTraceIds(String format) {
        String line = encode(format);
        System.out.println(line);
        assertThat(line).startsWith("{").contains("\"message\":\"received complaint C-1 from user at 138****5678\"")
                .doesNotContain("13812345678").contains(TRACE_ID).contains(SPAN_ID);
    }

    @Test
    void aTraceIdWithARunOfDigitsIsNotMistakenForAPhoneNumber() {
        assertThat(MaskingJsonMembersCustomizer.isTraceField("traceId")).isTrue();
        assertThat(MaskingJsonMembersCustomizer.isTraceField("span.id")).isTrue();
        assertThat(MaskingJsonMembersCustomizer.isTraceField("error.stack_trace")).isFalse();
        assertThat(MaskingJsonMembersCustomizer.isTraceField("message")).isFalse();
    }
}
