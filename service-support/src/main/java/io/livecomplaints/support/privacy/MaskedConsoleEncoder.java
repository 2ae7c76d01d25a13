package io.livecomplaints.support.privacy;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console encoder of logback-spring.xml: the masked text pattern by default, or Spring Boot's structured JSON
 * ({@link StructuredLogEncoder}) when {@code logging.structured.format.console} is set (ecs, logstash, gelf), with
 * personal data masked by {@link MaskingJsonMembersCustomizer}. Logback cannot choose between two encoders by a
 * property without Janino, so this one does.
 */
public class MaskedConsoleEncoder extends EncoderBase<ILoggingEvent> {

    private String pattern;
    private String format;
    private Charset charset;
    private Encoder<ILoggingEvent> delegate;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    static boolean isStructured(String format) {
        return format != null && !format.isBlank() && !format.contains("_IS_UNDEFINED") && !format.contains("${");
    }

    @Override
    public void start() {
        if (isStructured(format)) {
            StructuredLogEncoder structured = new StructuredLogEncoder();
            structured.setFormat(format.strip());
            if (charset != null) {
                structured.setCharset(charset);
            }
            delegate = structured;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            if (charset != null) {
                text.setCharset(charset);
            }
            delegate = text;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
