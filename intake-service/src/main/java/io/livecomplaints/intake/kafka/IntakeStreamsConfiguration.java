package io.livecomplaints.intake.kafka;

import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * Intake's Kafka Streams application (exactly_once_v2, from service-defaults): the global stores that enrichment,
 * idempotency and the owner's view read, and the {@code complaint-submissions} entry topology. Each feature adds its
 * part to the shared StreamsBuilder.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class IntakeStreamsConfiguration {
}
