package io.livecomplaints.intake.acknowledgment.model;

import io.livecomplaints.events.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The first-response deadline promised in the acknowledgment (受理确认): online chat channels within
 * {@code chat}, message/form channels within {@code form}, and never later than the hard limit.
 */
public record FirstResponsePolicy(Duration chat, Duration form, Duration hardLimit, Set<Channel> chatChannels) {

    public Instant dueAt(Channel channel, Instant receivedAt) {
        return receivedAt.plus(promised(channel));
    }

    /** How long the channel's first response may take. */
    public Duration promised(Channel channel) {
        Duration promised = chatChannels.contains(channel) ? chat : form;
        return promised.compareTo(hardLimit) > 0 ? hardLimit : promised;
    }
}
