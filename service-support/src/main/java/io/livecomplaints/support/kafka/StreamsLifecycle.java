package io.livecomplaints.support.kafka;

import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * How every service's Kafka Streams client lives through trouble: a stream thread that dies of an unexpected error
 * is replaced (counted in {@code complaints_streams_thread_replacements_total}) instead of shutting the whole client
 * down until someone restarts it; records that fail are already dead-lettered, so what reaches this handler is
 * infrastructure trouble the thread can recover from. On a graceful stop the client leaves its group at once, so
 * another instance takes over its partitions (and timers) without waiting for the session timeout.
 */
final class StreamsLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamsLifecycle.class);

    private StreamsLifecycle() {
    }

    static StreamsBuilderFactoryBeanConfigurer configurer() {
        return factory -> {
            factory.setLeaveGroupOnClose(true);
            factory.setStreamsUncaughtExceptionHandler(exception -> {
                log.error("stream thread died; replacing it", exception);
                Metrics.counter("complaints.streams.thread.replacements").increment();
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
        };
    }
}
