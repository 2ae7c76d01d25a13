package io.livecomplaints.analytics.stats.model;

/**
 * What a statistic is broken down by. None of them is personal: types, channels, teams and the business ids of
 * merchants, anchors, rooms, sessions and products, never user ids. {@link #PROFILE} combines the four
 * low-cardinality dimensions (type, channel, severity, team) for Prometheus, which sums over them.
 */
public enum Dimension {
    ALL("all"),
    TYPE("type"),
    CHANNEL("channel"),
    SEVERITY("severity"),
    TEAM("team"),
    PROFILE("profile"),
    ANCHOR("anchor"),
    MERCHANT("merchant"),
    ROOM("room"),
    SESSION("session"),
    PRODUCT("product"),
    REGION("region"),
    REMEDY("remedy"),
    LIABLE_PARTY("liable-party"),
    RESULT("result"),
    CLOCK("clock"),
    SCORE("score"),
    DELIVERY("delivery");

    /** The value under {@link #ALL}: everything. */
    public static final String EVERYTHING = "all";

    private final String id;

    Dimension(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Dimension fromId(String id) {
        for (Dimension dimension : values()) {
            if (dimension.id.equals(id) || dimension.name().equalsIgnoreCase(id)) {
                return dimension;
            }
        }
        throw new IllegalArgumentException("unknown dimension '" + id + "'");
    }
}
