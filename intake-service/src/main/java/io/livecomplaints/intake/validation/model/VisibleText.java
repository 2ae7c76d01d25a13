package io.livecomplaints.intake.validation.model;

/**
 * Whether a text shows anything: {@link String#isBlank()} knows the ASCII and Unicode spaces but not zero-width
 * characters (U+200B, U+200C, U+200D, U+2060, U+FEFF), which render as nothing, nor no-break spaces; a text made only of
 * separators, format and control characters is blank to a reader.
 */
public final class VisibleText {

    private VisibleText() {
    }

    public static boolean hasVisible(String text) {
        return text.codePoints().anyMatch(VisibleText::visible);
    }

    private static boolean visible(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.CONTROL, Character.UNASSIGNED, Character.SURROGATE -> false;
            default -> codePoint != 0x3164 && codePoint != 0x115F && codePoint != 0x1160; // Hangul fillers render blank
        };
    }
}
