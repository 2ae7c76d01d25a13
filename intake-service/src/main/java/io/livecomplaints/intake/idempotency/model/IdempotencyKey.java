package io.livecomplaints.intake.idempotency.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An {@code Idempotency-Key}: 1 to {@value #MAX_CHARS} printable ASCII characters chosen by the client. A key is
 * scoped to who filed (the user's own app, or an upstream system) and the user, so two clients cannot collide.
 */
public record IdempotencyKey(String value) {

    public static final int MAX_CHARS = 128;
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]{1," + MAX_CHARS + "}");

    /** The problem with a raw header value, if any. */
    public static Optional<String> problemWith(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return PRINTABLE.matcher(raw).matches() ? Optional.empty()
                : Optional.of("must be 1 to " + MAX_CHARS + " printable ASCII characters without spaces");
    }

    /** The scope under which this key identifies one complaint: source (api or system name), user, key. */
    public String scope(String source, String userId) {
        return scopeOf(source, userId, value);
    }

    public static String scopeOf(String source, String userId, String key) {
        return source + "/" + userId + "/" + key;
    }
}
