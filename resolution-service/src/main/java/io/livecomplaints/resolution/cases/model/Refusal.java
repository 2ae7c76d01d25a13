package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.RefusalKind;
import io.livecomplaints.events.TimelineEntry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Why a command was not applied ({@code fields}: the problem of each bad field of an incomplete command, if known).
 * The API answers with the matching status (409 for an illegal transition or a stale version, 403 when the actor lacks
 * the authority, 400 for an incomplete command, 409 when the case has reached its size bound or a correction
 * changes nothing); the case processor
 * records it on the case's timeline.
 */
public record Refusal(Kind kind, String reason, Map<String, String> fields) {

    public enum Kind { ILLEGAL_TRANSITION, STALE_VERSION, FORBIDDEN, INVALID, CASE_FULL, NO_CHANGE }

    public Refusal {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Refusal(Kind kind, String reason) {
        this(kind, reason, Map.of());
    }

    /** An incomplete command, with the problem of each field (the API names them in its 400). */
    public static Refusal invalid(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((field, problem) -> text.append(text.length() == 0 ? "" : "; ").append(field).append(' ').append(problem));
        return new Refusal(Kind.INVALID, text.toString(), fields);
    }

    /**
     * The refusal a timeline step recorded ({@code refusal} set on {@code <ACTION>_REFUSED} steps), without the field
     * problems (the step keeps only the kind and the reason). Empty for any other step.
     */
    public static Optional<Refusal> recordedIn(TimelineEntry step) {
        if (step.getRefusal() == null) {
            return Optional.empty();
        }
        Kind kind = Kind.valueOf(step.getRefusal().name());
        String note = step.getNote() == null ? "" : step.getNote();
        String prefix = kind.name() + ": ";
        return Optional.of(new Refusal(kind, note.startsWith(prefix) ? note.substring(prefix.length()).trim() : note));
    }

    /** The kind as the timeline step records it. */
    public RefusalKind recorded() {
        return RefusalKind.valueOf(kind.name());
    }

    /** The timeline step's note: {@code "KIND: reason"}. */
    public String note() {
        return kind + ": " + reason;
    }

    public static Refusal illegal(String reason) {
        return new Refusal(Kind.ILLEGAL_TRANSITION, reason);
    }

    public static Refusal forbidden(String reason) {
        return new Refusal(Kind.FORBIDDEN, reason);
    }

    /** A transfer to the team the case is in, a reclassification to the type it has: 409. */
    public static Refusal noChange(String reason) {
        return new Refusal(Kind.NO_CHANGE, reason);
    }

    public static Refusal invalid(String reason) {
        return new Refusal(Kind.INVALID, reason);
    }

    public static Refusal caseFull(String reason) {
        return new Refusal(Kind.CASE_FULL, reason);
    }
}
