package io.livecomplaints.triage.incidents.model;

import io.livecomplaints.events.IncidentKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Incident ids say what and since when: INC-QOS-cdn-cdn-sh-1-20250601T120000Z. Derived from the scope and the first
 * complaint's time, so the same incident gets the same id wherever and whenever it is computed.
 */
public final class IncidentIds {

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IncidentIds() {
    }

    public static String of(IncidentKind kind, String scope, long firstSeenAt) {
        return "INC-" + kind + "-" + scope.replaceAll("[^A-Za-z0-9-]+", "-") + "-" + COMPACT.format(Instant.ofEpochMilli(firstSeenAt));
    }
}
