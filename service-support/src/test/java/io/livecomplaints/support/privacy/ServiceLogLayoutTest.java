package io.livecomplaints.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * The services' logback-spring.xml as Spring Boot's logging system loads it, with the shared defaults' customizer:
 * text with {@code [service,traceId,spanId]}, or JSON when {@code logging.structured.format.console} is set — a phone
 * number is masked either way.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServiceLogLayoutTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String SPAN_ID = "b7ad6b7169203331";

    private final LogbackLoggingSystem logging = new LogbackLoggingSystem(getClass().getClassLoader());

    private void initialize(String format) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "notification-service")
                .withProperty("logging.structured.json.customizer", MaskingJsonMembersCustomizer.class.getName());
        if (format != null) {
            environment.setProperty("logging.structured.format.console", format);
        }
        logging.cleanUp(); // Boot initializes a logger context once; each test loads the configuration afresh
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), "classpath:logback-spring.xml", null);
    }

    private static void logAPhoneNumber() {
        Logger log = LoggerFactory.getLogger("io.livecomplaints.notification.delivery.DeliveryProcessor");
        MDC.put("traceId", TRACE_ID);
        MDC.put("spanId", SPAN_ID);
        try {
            IllegalStateException error = new IllegalStateException("gateway refused +86 139-1234-5678");
            error.setStackTrace(new StackTraceElement[] {new StackTraceElement("SmsCall", "deliver", "SmsCall.java", 42)});
            log.info("sms to 13812345678 failed", error);
        } finally {
            MDC.clear();
        }
    }

    @AfterEach
    void backToText() {
        initialize(null);
    }

    @Test
    void textLinesCarryServiceTraceAndSpanIdsAndMaskPhoneNumbers(CapturedOutput output) {
        initialize(null);
        logAPhoneNumber();
        assertThat(output.getOut()).contains("INFO [notification-service," + TRACE_ID + "," + SPAN_ID + "]")
                .contains("sms to 138****5678 failed").contains("gateway refused")
                .doesNotContain("13812345678").doesNotContain("1234-5678");
    }

    @Test
    void ecsJsonLinesMaskPhoneNumbersInTheMessageAndTheStackTrace(CapturedOutput output) {
        initialize("ecs");
        logAPhoneNumber();
        String line = output.getOut().lines().filter(l -> l.contains("sms to")).findFirst().orElseThrow();
        System.err.println(line);
        assertThat(line).startsWith("{").contains("\"message\":\"sms to 138****5678 failed\"")
                .contains("\"traceId\":\"" + TRACE_ID + "\"").contains("\"spanId\":\"" + SPAN_ID + "\"")
                .contains("gateway refused").doesNotContain("13812345678").doesNotContain("1234-5678");
    }

    @Test
    void logstashJsonLinesAreMaskedToo(CapturedOutput output) {
        initialize("logstash");
        logAPhoneNumber();
        String line = output.getOut().lines().filter(l -> l.contains("sms to")).findFirst().orElseThrow();
        assertThat(line).startsWith("{").contains("138****5678").doesNotContain("13812345678")
                .doesNotContain("1234-5678");
    }
}
