package io.livecomplaints.intake.submission.model;

/**
 * Who hands the complaint in: a user for themself ({@code source = "api"}), or an upstream system (hotline, IM
 * gateway, regulator feed) on behalf of a user named in the request ({@code source} = the system's name).
 */
public record Filer(String source, boolean system) {

    public static final String USER_API = "api";

    public static Filer user() {
        return new Filer(USER_API, false);
    }

    public static Filer upstreamSystem(String name) {
        return new Filer(name, true);
    }
}
