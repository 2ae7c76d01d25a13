package io.livecomplaints.intake.submission.model;

import io.livecomplaints.intake.validation.model.FieldViolation;
import io.livecomplaints.intake.validation.model.InvalidComplaintException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who hands the complaint in: a user for themself ({@code source = "api"}), or an upstream system (hotline, IM
 * gateway, regulator feed) on behalf of a user named in the request ({@code source} = the system's name).
 */
public record Filer(String source, boolean system) {

    public static final String USER_API = "api";
    /** A system's name is part of idempotency scopes ({@code source/user/key}): no slashes, nothing that reads as "api". */
    private static final Pattern SYSTEM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    public static Filer user() {
        return new Filer(USER_API, false);
    }

    /**
     * An upstream system by its name (token subject or a submission's {@code sourceSystem}); the users' own source
     * {@value #USER_API} is reserved: a system claiming it would file into users' own Idempotency-Key namespace.
     */
    public static Filer upstreamSystem(String name) {
        if (name == null || !SYSTEM_NAME.matcher(name).matches()) {
            throw new InvalidComplaintException(List.of(new FieldViolation("sourceSystem",
                    "must be a system name of 1 to 64 letters, digits, '_', '.', ':' or '-'")));
        }
        if (name.toLowerCase(Locale.ROOT).equals(USER_API)) {
            throw new InvalidComplaintException(List.of(new FieldViolation("sourceSystem",
                    "'" + name + "' is reserved for users filing for themselves")));
        }
        return new Filer(name, true);
    }
}
