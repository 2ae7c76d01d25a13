package io.livecomplaints.minimalintake;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The yardstick of {@code bin/bench decompose} B2, never deployed: {@code POST /api/v1/complaints} on the stack intake
 * runs on (Spring MVC, service-support's bearer-token check and web plumbing, Jackson, one acks=all producer with
 * intake's producer settings) doing only what any durable intake must: check the token, parse the body, write one
 * record and wait for Kafka's acknowledgment. Intake's cost above this is its own work.
 */
@SpringBootApplication
public class MinimalIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(MinimalIntakeApplication.class, args);
    }

    /** Its one topic, partitioned like complaints-received. */
    @Bean
    NewTopic minimalComplaints(@Value("${minimal-intake.topic}") String topic,
                               @Value("${complaints.topics.partitions}") int partitions,
                               @Value("${complaints.topics.replication-factor}") short replicas) {
        return TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build();
    }
}
