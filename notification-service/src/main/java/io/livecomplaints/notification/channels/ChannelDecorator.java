package io.livecomplaints.notification.channels;

import java.util.function.UnaryOperator;

/**
 * Wraps every configured provider (SMS, e-mail, webhooks) outside its resilience layer: a bean of this type is applied
 * to the channels at startup. For auditing or tracing sends, and for tests that simulate a crash mid-send.
 */
@FunctionalInterface
public interface ChannelDecorator extends UnaryOperator<DeliveryChannel> {
}
