package io.livecomplaints.intake.submission.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Complaint ids users can read out on the phone: {@code C-yyyyMMdd-<12 hex>}. A complaint filed under an idempotency
 * key (or a submission id) gets hex derived from that key, so two instances that race on the same retry produce the
 * same complaint id and downstream services, which are idempotent by complaint id, open one case.
 */
public final class ComplaintIds {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private ComplaintIds() {
    }

    /** A fresh random id. */
    public static String next(Instant now) {
        return "C-" + DAY.format(now) + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The id of the complaint filed under a unique key (idempotency scope or submission id). */
    public static String forKey(String uniqueKey, Instant now) {
        return "C-" + DAY.format(now) + "-" + sha256Hex(uniqueKey).substring(0, 12);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
