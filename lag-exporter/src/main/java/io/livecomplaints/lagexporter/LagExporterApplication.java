package io.livecomplaints.lagexporter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Consumer lag from the broker's side: every consumer group's committed offsets against the partitions' end offsets,
 * read with the Admin client and exposed on /actuator/prometheus as {@code kafka_consumergroup_lag{group,topic}}.
 * Unlike each client's own {@code records-lag} metric, it does not disappear when the consumer dies, which is when
 * it matters. It also probes the services' readiness ({@code complaints_service_ready{service}}), which Spring Boot
 * does not export as a metric.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(LagExporterProperties.class)
public class LagExporterApplication {

    public static void main(String[] args) {
        SpringApplication.run(LagExporterApplication.class, args);
    }
}
