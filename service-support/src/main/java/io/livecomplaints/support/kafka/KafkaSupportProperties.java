package io.livecomplaints.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the schema registry is and how topics are created ({@code complaints.*}).
 *
 * @param schemaRegistry  registry URL(s) and whether serializers may register schemas
 * @param topics          whether services create missing topics, with how many partitions and replicas
 */
@ConfigurationProperties("complaints")
public record KafkaSupportProperties(SchemaRegistry schemaRegistry, TopicCreation topics) {

    /** @param ssl trust store for an https registry (empty location: the JVM's default CAs) */
    public record SchemaRegistry(String url, boolean autoRegister, Ssl ssl) {
    }

    public record Ssl(String truststoreLocation, String truststorePassword, String truststoreType) {
    }

    public record TopicCreation(boolean create, int partitions, short replicationFactor) {
    }
}
