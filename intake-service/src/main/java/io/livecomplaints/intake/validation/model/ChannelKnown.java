package io.livecomplaints.intake.validation.model;

import io.livecomplaints.events.Channel;
import java.util.Arrays;

/** The channel is one of DOMAIN.md's intake channels (投诉渠道). */
final class ChannelKnown implements ComplaintRule {

    static final String KNOWN = Arrays.toString(Channel.values());

    @Override
    public void check(ComplaintDraft draft, Violations violations) {
        if (draft.channel() == null || draft.channel().isBlank()) {
            violations.add("channel", "is required, one of " + KNOWN);
        } else if (parse(draft.channel()) == null) {
            violations.add("channel", "unknown channel '" + draft.channel() + "', expected one of " + KNOWN);
        }
    }

    static Channel parse(String channel) {
        try {
            return channel == null ? null : Channel.valueOf(channel.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
