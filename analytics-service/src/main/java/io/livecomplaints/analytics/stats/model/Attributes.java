package io.livecomplaints.analytics.stats.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The low-cardinality attributes a complaint's statistics are broken down by (type, channel, severity, team), as
 * names; {@code UNKNOWN} where an event did not say.
 */
public record Attributes(String type, String channel, String severity, String team) {

    public static final String UNKNOWN = "UNKNOWN";
    public static final Attributes NONE = new Attributes(UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);

    public Attributes {
        type = orUnknown(type);
        channel = orUnknown(channel);
        severity = orUnknown(severity);
        team = orUnknown(team);
    }

    /** Fills what this lacks from another source. */
    public Attributes or(Attributes other) {
        return new Attributes(pick(type, other.type), pick(channel, other.channel), pick(severity, other.severity),
                pick(team, other.team));
    }

    /** The combined value of {@link Dimension#PROFILE}: type,channel,severity,team. */
    public String profile() {
        return String.join(",", type, channel, severity, team);
    }

    /** Parses a {@link #profile()} value. */
    public static Attributes ofProfile(String profile) {
        String[] parts = profile.split(",", 4);
        return parts.length == 4 ? new Attributes(parts[0], parts[1], parts[2], parts[3]) : NONE;
    }

    /** Observations of the metric under all, each attribute alone, and the combined profile. */
    public List<Observation> observe(Metric metric, java.time.Instant at, long value) {
        List<Observation> out = new ArrayList<>(6);
        out.add(new Observation(StatKey.overall(metric), at, value));
        out.add(new Observation(StatKey.of(metric, Dimension.TYPE, type), at, value));
        out.add(new Observation(StatKey.of(metric, Dimension.CHANNEL, channel), at, value));
        out.add(new Observation(StatKey.of(metric, Dimension.SEVERITY, severity), at, value));
        out.add(new Observation(StatKey.of(metric, Dimension.TEAM, team), at, value));
        out.add(new Observation(StatKey.of(metric, Dimension.PROFILE, profile()), at, value));
        return out;
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.replace(',', ';');
    }

    private static String pick(String mine, String theirs) {
        return UNKNOWN.equals(mine) ? theirs : mine;
    }
}
