package io.livecomplaints.registry;

import io.livecomplaints.registry.http.RegistryHttpServer;
import io.livecomplaints.registry.store.KafkaSchemaLog;
import io.livecomplaints.registry.store.RegistryState;
import io.livecomplaints.schemas.compat.CompatibilityLevel;
import io.livecomplaints.schemas.serde.RegistryTls;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema registry process: state from the {@code _schemas} topic, REST on {@code port}. Started by
 * {@code bin/local}, by docker-compose, and in-process by tests ({@link #start}).
 */
public final class SchemaRegistryApplication implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryApplication.class);

    /**
     * @param host              address to listen on
     * @param port              0 for any free port
     * @param compatibility     default level of subjects without their own
     */
    public record Config(String bootstrapServers, String host, int port, String topic, short replicationFactor,
                         CompatibilityLevel compatibility, String writerUserInfo, RegistryTls tls) {

        /** Plain HTTP. */
        public Config(String bootstrapServers, String host, int port, String topic, short replicationFactor,
                      CompatibilityLevel compatibility, String writerUserInfo) {
            this(bootstrapServers, host, port, topic, replicationFactor, compatibility, writerUserInfo, null);
        }

        /** Without a writer credential: anyone who reaches the registry may register schemas (tests, bin/local). */
        public Config(String bootstrapServers, String host, int port, String topic, short replicationFactor,
                      CompatibilityLevel compatibility) {
            this(bootstrapServers, host, port, topic, replicationFactor, compatibility, null, null);
        }

        /** From environment variables (SCHEMA_REGISTRY_*, KAFKA_BOOTSTRAP_SERVERS), with local defaults. */
        public static Config fromEnvironment(Map<String, String> env) {
            return new Config(
                    env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                    env.getOrDefault("SCHEMA_REGISTRY_HOST", "127.0.0.1"),
                    Integer.parseInt(env.getOrDefault("SCHEMA_REGISTRY_PORT", "8081")),
                    env.getOrDefault("SCHEMA_REGISTRY_TOPIC", "_schemas"),
                    Short.parseShort(env.getOrDefault("SCHEMA_REGISTRY_TOPIC_REPLICATION_FACTOR", "1")),
                    CompatibilityLevel.valueOf(env.getOrDefault("SCHEMA_REGISTRY_COMPATIBILITY", "BACKWARD")),
                    writer(env.get("SCHEMA_REGISTRY_WRITER_USERNAME"), env.get("SCHEMA_REGISTRY_WRITER_PASSWORD")),
                    // HTTPS when SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION is set; a trust store too: clients need certificates
                    RegistryTls.of(RegistryTls.Store.of(env.get("SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION"),
                                    env.get("SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD"), env.get("SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE")),
                            RegistryTls.Store.of(env.get("SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION"),
                                    env.get("SCHEMA_REGISTRY_SSL_KEYSTORE_PASSWORD"), env.get("SCHEMA_REGISTRY_SSL_KEYSTORE_TYPE"))));
        }

        /** {@code user:password} of the one principal that may write (register, change compatibility), or null. */
        private static String writer(String username, String password) {
            if (password == null || password.isBlank()) {
                return null;
            }
            return (username == null || username.isBlank() ? "registrar" : username) + ":" + password;
        }
    }

    private final KafkaSchemaLog schemaLog;
    private final RegistryHttpServer http;

    private final String scheme;

    private SchemaRegistryApplication(KafkaSchemaLog schemaLog, RegistryHttpServer http, String scheme) {
        this.schemaLog = schemaLog;
        this.http = http;
        this.scheme = scheme;
    }

    public static SchemaRegistryApplication start(Config config) throws IOException {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.config().commonTags("application", "schema-registry");
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        RegistryState state = new RegistryState(config.compatibility());
        KafkaSchemaLog schemaLog = new KafkaSchemaLog(config.bootstrapServers(), config.topic(),
                config.replicationFactor(), state, Duration.ofSeconds(60));
        SchemaRegistry registry = new SchemaRegistry(state, schemaLog, Duration.ofSeconds(10));
        RegistryHttpServer http = new RegistryHttpServer(config.host(), config.port(), registry, schemaLog, metrics,
                config.writerUserInfo(), config.tls());
        if (config.writerUserInfo() == null) {
            log.warn("no SCHEMA_REGISTRY_WRITER_PASSWORD: anyone who reaches this registry may register schemas and change "
                    + "compatibility (fine for tests and bin/local, never for a deployment)");
        }
        String scheme = config.tls() == null ? "http" : "https";
        log.info("schema registry listening on {}://{}:{} (state in {}, default compatibility {})",
                scheme, config.host(), http.port(), config.topic(), config.compatibility());
        return new SchemaRegistryApplication(schemaLog, http, scheme);
    }

    public int port() {
        return http.port();
    }

    public String url() {
        return scheme + "://" + (scheme.equals("https") ? "localhost" : "127.0.0.1") + ":" + port();
    }

    @Override
    public void close() {
        http.close();
        schemaLog.close();
    }

    public static void main(String[] args) throws IOException {
        SchemaRegistryApplication app = start(Config.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "registry-shutdown"));
    }
}
