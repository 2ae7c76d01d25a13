package io.livecomplaints.intake.validation.model;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The caps a complaint must keep (configurable: {@code complaints.intake.validation.*}).
 *
 * @param textMaxChars     longest complaint text, in characters (code points)
 * @param evidenceMaxItems most evidence references on one complaint
 * @param urlMaxChars      longest evidence URL
 * @param idPattern        what order, room and session ids look like
 * @param incidentMaxAge   how long ago an incident (or an evidence capture) may have happened
 */
public record ValidationLimits(int textMaxChars, int evidenceMaxItems, int urlMaxChars, Pattern idPattern, Duration incidentMaxAge) {
}
