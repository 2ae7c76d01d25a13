package io.livecomplaints.notification;

import io.livecomplaints.notification.channels.Channels;
import io.livecomplaints.notification.channels.DeliveryChannel;
import io.livecomplaints.notification.channels.model.OutboundMessage;
import io.livecomplaints.notification.channels.model.SendOutcome;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.config.BeanPostProcessor;
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
    static BeanPostProcessor crashAfterSend() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof Channels channels ? channels.decorate(CrashSwitch::crashing) : bean;
            }
        };
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
                if (outcome.result() == SendOutcome.Result.SENT && ARMED_FOR.compareAndSet(message.complaintId(), null)) {
                    throw new SimulatedCrash("simulated crash after " + delegate.name() + " accepted " + message.idempotencyKey());
                }
                return outcome;
            }
        };
    }
}
