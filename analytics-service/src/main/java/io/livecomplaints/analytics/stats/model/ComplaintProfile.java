package io.livecomplaints.analytics.stats.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

/**
 * What analytics remembers about one complaint so that every statistic counts it exactly once however often its
 * events are re-published (case changelog versions, redelivered outcomes): its attributes, which once-per-complaint
 * facts were already counted, and the ids of its recent events. No personal data.
 */
public final class ComplaintProfile {

    /** How many recent event ids are remembered per complaint for de-duplication. */
    static final int RECENT_EVENTS = 64;
    /** 1: without the merchant, withdrawal and corrections; 2: with them (format 1 profiles are still read). */
    private static final byte FORMAT = 2;

    private Attributes attributes = Attributes.NONE;
    private Instant receivedAt;
    private boolean counted;
    private boolean firstResponded;
    private boolean decided;
    private boolean breached;
    private boolean reopened;
    private boolean merchantRequested;
    private boolean merchantTimedOut;
    private String merchantId;
    private boolean withdrawn;
    private int correctionsCounted;
    private final Set<String> breachedClocks = new TreeSet<>();
    private final Deque<String> recentEvents = new ArrayDeque<>();
    private Instant lastSeenAt = Instant.EPOCH;

    /** True the first time an event id is seen; remembers it. */
    public boolean firstDelivery(String eventId) {
        if (eventId == null) {
            return true;
        }
        if (recentEvents.contains(eventId)) {
            return false;
        }
        recentEvents.addLast(eventId);
        while (recentEvents.size() > RECENT_EVENTS) {
            recentEvents.removeFirst();
        }
        return true;
    }

    public Attributes attributes() {
        return attributes;
    }

    /** Learns attributes from an event; what the profile already knows wins over UNKNOWN only. */
    public void learn(Attributes fromEvent, Instant receivedAt) {
        attributes = Attributes.NONE.equals(attributes) ? fromEvent : attributes.or(fromEvent);
        if (this.receivedAt == null && receivedAt != null) {
            this.receivedAt = receivedAt;
        }
    }

    /** Learns the merchant the complaint is about (a business id, not personal); the first one known stays. */
    public void learnMerchant(String merchant) {
        if (merchantId == null && merchant != null && !merchant.isBlank()) {
            merchantId = merchant;
        }
    }

    /** The merchant, {@link Attributes#UNKNOWN} if no event named one. */
    public String merchantId() {
        return merchantId == null ? Attributes.UNKNOWN : merchantId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public void seenAt(Instant at) {
        if (at != null && at.isAfter(lastSeenAt)) {
            lastSeenAt = at;
        }
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    /** True once: the complaint has not been counted yet (and now is). */
    public boolean markCounted() {
        return !counted && (counted = true);
    }

    public boolean markFirstResponded() {
        return !firstResponded && (firstResponded = true);
    }

    public boolean markDecided() {
        return !decided && (decided = true);
    }

    /** True once per clock. */
    public boolean markBreached(String clock) {
        return breachedClocks.add(clock);
    }

    /** True once per complaint, on its first breach of any clock. */
    public boolean markBreachedComplaint() {
        return !breached && (breached = true);
    }

    public boolean markReopened() {
        return !reopened && (reopened = true);
    }

    /** True once per complaint: its merchant was asked to answer. */
    public boolean markMerchantRequested() {
        return !merchantRequested && (merchantRequested = true);
    }

    /** True once per complaint: its merchant did not answer in time. */
    public boolean markMerchantTimedOut() {
        return !merchantTimedOut && (merchantTimedOut = true);
    }

    /** True once per complaint: the user withdrew it. */
    public boolean markWithdrawn() {
        return !withdrawn && (withdrawn = true);
    }

    /** How many of the case's corrections (transfers, reclassifications) were counted already. */
    public int correctionsCounted() {
        return correctionsCounted;
    }

    public void correctionsCounted(int count) {
        correctionsCounted = Math.max(correctionsCounted, count);
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(attributes.type());
            out.writeUTF(attributes.channel());
            out.writeUTF(attributes.severity());
            out.writeUTF(attributes.team());
            out.writeLong(receivedAt == null ? Long.MIN_VALUE : receivedAt.toEpochMilli());
            out.writeLong(lastSeenAt.toEpochMilli());
            out.writeByte((counted ? 1 : 0) | (firstResponded ? 2 : 0) | (decided ? 4 : 0) | (breached ? 8 : 0) | (reopened ? 16 : 0)
                    | (merchantRequested ? 32 : 0) | (merchantTimedOut ? 64 : 0) | (withdrawn ? 128 : 0));
            out.writeUTF(merchantId == null ? "" : merchantId);
            out.writeShort(breachedClocks.size());
            for (String clock : breachedClocks) {
                out.writeUTF(clock);
            }
            out.writeShort(recentEvents.size());
            for (String id : recentEvents) {
                out.writeUTF(id);
            }
            out.writeInt(correctionsCounted);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ComplaintProfile fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != 1 && format != FORMAT) {
                throw new IllegalArgumentException("unknown profile format " + format);
            }
            ComplaintProfile profile = new ComplaintProfile();
            profile.attributes = new Attributes(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
            long received = in.readLong();
            profile.receivedAt = received == Long.MIN_VALUE ? null : Instant.ofEpochMilli(received);
            profile.lastSeenAt = Instant.ofEpochMilli(in.readLong());
            int flags = in.readUnsignedByte();
            profile.counted = (flags & 1) != 0;
            profile.firstResponded = (flags & 2) != 0;
            profile.decided = (flags & 4) != 0;
            profile.breached = (flags & 8) != 0;
            profile.reopened = (flags & 16) != 0;
            profile.merchantRequested = (flags & 32) != 0;
            profile.merchantTimedOut = (flags & 64) != 0;
            profile.withdrawn = (flags & 128) != 0;
            if (format >= 2) {
                String merchant = in.readUTF();
                profile.merchantId = merchant.isEmpty() ? null : merchant;
            }
            for (int i = in.readShort(); i > 0; i--) {
                profile.breachedClocks.add(in.readUTF());
            }
            for (int i = in.readShort(); i > 0; i--) {
                profile.recentEvents.addLast(in.readUTF());
            }
            if (format >= FORMAT) {
                profile.correctionsCounted = in.readInt();
            }
            return profile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
