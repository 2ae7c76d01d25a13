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
                userInfo == null || userInfo.toString().isBlank() ? null : userInfo.toString());
    }

    static boolean autoRegister(Map<String, ?> configs) {
        Object value = configs.get(AUTO_REGISTER_SCHEMAS);
        return value == null || Boolean.parseBoolean(value.toString());
    }
}
