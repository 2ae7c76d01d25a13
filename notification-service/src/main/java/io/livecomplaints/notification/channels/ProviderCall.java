package io.livecomplaints.notification.channels;

import io.livecomplaints.notification.channels.model.OutboundMessage;

/** The bare call to one provider; throws {@link ProviderException} when it did not take the message. */
@FunctionalInterface
public interface ProviderCall {

    void deliver(OutboundMessage message);
}
