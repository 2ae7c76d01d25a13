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

    /**
     * @param basicAuthUserInfo {@code user:password} for a registry that wants a credential for reads too; empty: none
     * @param ssl               trust store for an https registry (empty location: the JVM's default CAs)
     */
    public record SchemaRegistry(String url, boolean autoRegister, String basicAuthUserInfo, Ssl ssl) {
    }

    public record Ssl(String truststoreLocation, String truststorePassword, String truststoreType) {
    }

    public record TopicCreation(boolean create, int partitions, short replicationFactor) {
    }
}
