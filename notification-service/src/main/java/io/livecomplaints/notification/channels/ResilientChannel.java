package io.livecomplaints.notification.channels;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.notification.channels.model.OutboundMessage;
import io.livecomplaints.notification.channels.model.SendOutcome;

/**
 * A provider behind resilience4j, per provider: a short in-call retry with backoff for blips, a circuit breaker
 * that stops calling a provider that keeps failing, a rate limiter and a bulkhead that never wait (a message that
 * would have to wait is deferred and picked up by the durable retry instead of blocking the stream thread).
 */
final class ResilientChannel implements DeliveryChannel {

    private final NotificationChannel channel;
    private final String name;
    private final Runnable1 decorated;

    ResilientChannel(NotificationChannel channel, String name, ProviderCall call, Retry retry, CircuitBreaker breaker,
                     RateLimiter rateLimiter, Bulkhead bulkhead) {
        this.channel = channel;
        this.name = name;
        // Retry ( CircuitBreaker ( RateLimiter ( Bulkhead ( call ) ) ) ): resilience4j's recommended order
        this.decorated = message -> Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(breaker,
                RateLimiter.decorateRunnable(rateLimiter, Bulkhead.decorateRunnable(bulkhead, () -> call.deliver(message))))).run();
    }

    @Override
    public NotificationChannel channel() {
        return channel;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        try {
            decorated.run(message);
            return SendOutcome.sent();
        } catch (ProviderException e) {
            return e.retryable() ? SendOutcome.retry(e.getMessage()) : SendOutcome.rejected(e.getMessage());
        } catch (CallNotPermittedException e) {
            return SendOutcome.retry("circuit breaker of " + name + " is open");
        } catch (RequestNotPermitted e) {
            return SendOutcome.retry("rate limit of " + name + " reached");
        } catch (BulkheadFullException e) {
            return SendOutcome.retry("bulkhead of " + name + " is full");
        } catch (RuntimeException e) {
            return SendOutcome.retry(name + " failed: " + e);
        }
    }

    @FunctionalInterface
    private interface Runnable1 {
        void run(OutboundMessage message);
    }
}
