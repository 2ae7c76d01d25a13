package io.livecomplaints.schemas.topics;

import io.livecomplaints.schemas.serde.HttpSchemaRegistryClient;
import io.livecomplaints.schemas.serde.InMemorySchemaRegistryClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The production stack's one-shot schema registration: every topic's value schema under {@code <topic>-value}, with
 * the registry's writer credential, before any service starts; the services then run with auto-registration off, so
 * nobody but this step (and CI) ever writes to the registry. Idempotent: registering a schema the subject already
 * has returns its id. Environment: {@code SCHEMA_REGISTRY_URL}, {@code SCHEMA_REGISTRY_WRITER_USERNAME},
 * {@code SCHEMA_REGISTRY_WRITER_PASSWORD}.
 */
public final class RegisterSchemas {

    private RegisterSchemas() {
    }

    /** Subject → schema, for every topic of the registry. */
    public static Map<String, Schema> subjects() {
        Map<String, Schema> subjects = new LinkedHashMap<>();
        for (Topic<String, ?> topic : new Topics(new InMemorySchemaRegistryClient(), false).all()) {
            subjects.put(topic.name() + "-value", SpecificData.get().getSchema(topic.valueType()));
        }
        return subjects;
    }

    /** Registers every subject; returns subject → id. */
    public static Map<String, Integer> registerAll(HttpSchemaRegistryClient registry) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        subjects().forEach((subject, schema) -> ids.put(subject, registry.register(subject, schema)));
        return ids;
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        String password = env.get("SCHEMA_REGISTRY_WRITER_PASSWORD");
        String userInfo = password == null || password.isBlank() ? null
                : env.getOrDefault("SCHEMA_REGISTRY_WRITER_USERNAME", "registrar") + ":" + password;
        // SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION/_PASSWORD/_TYPE (and _KEYSTORE_ for mutual TLS) for an https registry
        var tls = io.livecomplaints.schemas.serde.RegistryTls.of(
                io.livecomplaints.schemas.serde.RegistryTls.Store.of(env.get("SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION"),
                        env.get("SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD"), env.get("SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE")),
                io.livecomplaints.schemas.serde.RegistryTls.Store.of(env.get("SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION"),
                        env.get("SCHEMA_REGISTRY_SSL_KEYSTORE_PASSWORD"), env.get("SCHEMA_REGISTRY_SSL_KEYSTORE_TYPE")));
        HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(
                env.getOrDefault("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081"), Duration.ofSeconds(30), userInfo, tls);
        registerAll(registry).forEach((subject, id) -> System.out.println("registered " + subject + " id " + id));
    }
}
