package io.livecomplaints.intake.idempotency.model;

import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.intake.validation.model.NewComplaint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same body" for idempotency: a SHA-256 over every field of the validated complaint
 * (not the JSON text, so key order and whitespace do not matter; the idempotency key itself is not part of it).
 */
public final class RequestFingerprint {

    private static final char SEP = '\u001f';
    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread instead of a provider look-up per request; a MessageDigest is not thread-safe. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(RequestFingerprint::newSha256);

    private RequestFingerprint() {
    }

    public static String of(String source, NewComplaint c) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, source);
        field(canonical, c.userId());
        field(canonical, c.channel());
        field(canonical, c.language());
        field(canonical, c.text());
        field(canonical, c.demands());
        field(canonical, c.orderId());
        field(canonical, c.roomId());
        field(canonical, c.sessionId());
        field(canonical, c.claimedAmountFen());
        field(canonical, c.incidentAt());
        for (Evidence e : c.evidence()) {
            field(canonical, e.getKind());
            field(canonical, e.getUrl());
            field(canonical, e.getReplayOffsetSeconds());
            field(canonical, e.getCapturedAt());
            field(canonical, e.getDescription());
        }
        PersonalContact contact = c.contact();
        if (contact != null) {
            field(canonical, contact.getName());
            field(canonical, contact.getPhone());
            field(canonical, contact.getEmail());
            field(canonical, contact.getConsentToContact());
        }
        field(canonical, c.vip());
        if (c.regulatorTicket() != null) {
            // only when there is one, so that the fingerprints of every other complaint stay as they were
            field(canonical, c.regulatorTicket().getReference());
            field(canonical, c.regulatorTicket().getDeadline());
            field(canonical, c.regulatorTicket().getAuthority());
        }
        return sha256(canonical.toString());
    }

    private static void field(StringBuilder out, Object value) {
        out.append(value == null ? "\u0000" : value.toString()).append(SEP);
    }

    private static String sha256(String text) {
        return HEX.formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8))); // digest() resets it for the next
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
