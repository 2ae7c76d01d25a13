package io.livecomplaints.intake.submission.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Complaint ids users can read out on the phone: C-yyyyMMdd-<12 hex>. */
public final class ComplaintIds {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private ComplaintIds() {
    }

    public static String next(Instant now) {
        return "C-" + DAY.format(now) + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
