package io.livecomplaints.intake.validation;

import io.livecomplaints.intake.validation.model.ValidationLimits;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code complaints.intake.validation.*}: the caps of {@link ValidationLimits}. */
@ConfigurationProperties("complaints.intake.validation")
public record ValidationProperties(int textMaxChars, int evidenceMaxItems, int urlMaxChars, String idPattern, Duration incidentMaxAge) {

    public ValidationLimits limits() {
        return new ValidationLimits(textMaxChars, evidenceMaxItems, urlMaxChars, Pattern.compile(idPattern), incidentMaxAge);
    }
}
