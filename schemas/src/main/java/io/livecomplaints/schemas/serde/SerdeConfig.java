package io.livecomplaints.schemas.serde;

import java.util.Map;

/** Configuration keys of our serde; the names are Confluent's so the same properties work with either. */
public final class SerdeConfig {

    /** Comma-separated registry URLs. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Register the writer's schema if the subject does not have it yet (default true); off in production. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /**
     * {@code user:password} for the registry's HTTP Basic authentication (Confluent's key, with
     * {@code basic.auth.credentials.source=USER_INFO}); needed only to register schemas, reads are open.
     */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Trust store for an {@code https} registry (Confluent's names); without it the JVM's default CAs are trusted. */
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    /** PKCS12 (default) or JKS. */
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    /** Key store when the registry asks clients for a certificate (mutual TLS). */
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    /** Share one client (and its caches) between serdes of a process: pass the instance under this key. */
    public static final String REGISTRY_CLIENT_INSTANCE = "livecomplaints.schema.registry.client";

    private SerdeConfig() {
    }

    static SchemaRegistryClient client(Map<String, ?> configs) {
        Object shared = configs.get(REGISTRY_CLIENT_INSTANCE);
        if (shared instanceof SchemaRegistryClient client) {
            return client;
        }
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("missing serde config '" + SCHEMA_REGISTRY_URL + "'");
        }
        Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
        return new HttpSchemaRegistryClient(url.toString(), java.time.Duration.ofSeconds(10),
                userInfo == null || userInfo.toString().isBlank() ? null : userInfo.toString(), tls(configs));
    }

    /** The TLS settings among these configs, or null. */
    public static RegistryTls tls(Map<String, ?> configs) {
        return RegistryTls.of(
                RegistryTls.Store.of(text(configs, SSL_TRUSTSTORE_LOCATION), text(configs, SSL_TRUSTSTORE_PASSWORD),
                        text(configs, SSL_TRUSTSTORE_TYPE)),
                RegistryTls.Store.of(text(configs, SSL_KEYSTORE_LOCATION), text(configs, SSL_KEYSTORE_PASSWORD),
                        text(configs, SSL_KEYSTORE_TYPE)));
    }

    private static String text(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        return value == null ? null : value.toString();
    }

    static boolean autoRegister(Map<String, ?> configs) {
        Object value = configs.get(AUTO_REGISTER_SCHEMAS);
        return value == null || Boolean.parseBoolean(value.toString());
    }
}
