package io.livecomplaints.platform.deadletter;

import java.util.Locale;

/**
 * Which dead letters a command works on; every criterion left null matches everything.
 *
 * @param reasonContains a piece of {@code dlt-reason}, case-insensitive
 * @param at one record, {@code <partition>@<offset>} of its DLT
 */
public record DeadLetterFilter(String service, String stage, String reasonContains, String eventId, String at) {

    public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null, null, null);

    public boolean matches(DeadLetter letter) {
        return (service == null || service.equals(letter.service()))
                && (stage == null || stage.equals(letter.stage()))
                && (reasonContains == null || (letter.reason() != null
                    && letter.reason().toLowerCase(Locale.ROOT).contains(reasonContains.toLowerCase(Locale.ROOT))))
                && (eventId == null || eventId.equals(letter.eventId()))
                && (at == null || at.equals(letter.partition() + "@" + letter.offset()));
    }
}
