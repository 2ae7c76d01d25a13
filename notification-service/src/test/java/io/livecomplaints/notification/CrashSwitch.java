package io.livecomplaints.notification;

import io.livecomplaints.notification.channels.ChannelDecorator;
import io.livecomplaints.notification.channels.DeliveryChannel;
import io.livecomplaints.notification.channels.model.OutboundMessage;
import io.livecomplaints.notification.channels.model.SendOutcome;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Simulates the service dying between a provider's "accepted" and the Kafka commit: once armed for a complaint,
 * the next successful provider send for it is followed by an Error, which kills the stream thread without
 * committing its transaction.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CrashSwitch {

    public static final AtomicReference<String> ARMED_FOR = new AtomicReference<>();

    /** What a crash after the provider answered looks like to Kafka: no commit. */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash(String message) {
            super(message);
        }
    }

    @Bean
    ChannelDecorator crashAfterSend() {
        return CrashSwitch::crashing;
    }

    private static DeliveryChannel crashing(DeliveryChannel delegate) {
        return new DeliveryChannel() {
            @Override
            public io.livecomplaints.events.NotificationChannel channel() {
                return delegate.channel();
            }

            @Override
            public String name() {
                return delegate.name();
            }

            @Override
            public SendOutcome send(OutboundMessage message) {
                SendOutcome outcome = delegate.send(message);
                String armed = ARMED_FOR.get(); // compareAndSet compares references: match by value first
                if (outcome.result() == SendOutcome.Result.SENT && message.complaintId().equals(armed) && ARMED_FOR.compareAndSet(armed, null)) {
                    throw new SimulatedCrash("simulated crash after " + delegate.name() + " accepted " + message.idempotencyKey());
                }
                return outcome;
            }
        };
    }
}
