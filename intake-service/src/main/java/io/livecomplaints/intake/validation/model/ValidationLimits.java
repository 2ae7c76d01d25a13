package io.livecomplaints.intake.validation.model;

import java.util.regex.Pattern;

/**
 * The caps a complaint must keep (configurable: {@code complaints.intake.validation.*}).
 *
 * @param textMaxChars     longest complaint text, in characters (code points)
 * @param evidenceMaxItems most evidence references on one complaint
 * @param urlMaxChars      longest evidence URL
 * @param idPattern        what order, room and session ids look like
 */
public record ValidationLimits(int textMaxChars, int evidenceMaxItems, int urlMaxChars, Pattern idPattern) {
}
