package io.livecomplaints.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecomplaints.schemas.serde.AvroWireDeserializer;
import io.livecomplaints.schemas.serde.AvroWireSerializer;
import io.livecomplaints.schemas.serde.HttpSchemaRegistryClient;
import io.livecomplaints.schemas.serde.SchemaRegistryException;
import io.livecomplaints.schemas.serde.SerdeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 #5: the registry served over HTTPS (SCHEMA_REGISTRY_SSL_KEYSTORE_*) with its writer credential, and the
 * clients given the trust store by Confluent's property names (schema.registry.ssl.truststore.*): our serde as
 * Kafka configures it, and Confluent's own Python SchemaRegistryClient (ssl.ca.location) driving the admin
 * endpoints (register, list, compatibility, delete version, delete subject permanently).
 */
class RegistryTlsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRITER = "ci:tls-writer-secret";
    private static Path dir;
    private static SchemaRegistryApplication registry;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("registry-tls");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        // a CA (basic constraints, as strict verifiers such as Python's ssl demand) signing the registry's certificate
        String ca = dir.resolve("ca.p12").toString();
        String server = dir.resolve("server.p12").toString();
        run(keytool, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=test-ca",
                "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", ca, "-storepass", "ca-pass");
        run(keytool, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", "ca-pass",
                "-file", dir.resolve("ca.pem").toString());
        run(keytool, "-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", server, "-storepass", "server-pass");
        run(keytool, "-certreq", "-alias", "registry", "-keystore", server, "-storepass", "server-pass",
                "-file", dir.resolve("server.csr").toString());
        run(keytool, "-gencert", "-alias", "ca", "-keystore", ca, "-storepass", "ca-pass", "-rfc", "-validity", "2",
                "-infile", dir.resolve("server.csr").toString(), "-outfile", dir.resolve("server.pem").toString(),
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "ku:c=digitalSignature", "-ext", "eku=serverAuth");
        run(keytool, "-importcert", "-noprompt", "-alias", "ca", "-file", dir.resolve("ca.pem").toString(),
                "-keystore", server, "-storepass", "server-pass");
        run(keytool, "-importcert", "-alias", "registry", "-file", dir.resolve("server.pem").toString(),
                "-keystore", server, "-storepass", "server-pass");
        run(keytool, "-importcert", "-noprompt", "-alias", "ca", "-file", dir.resolve("ca.pem").toString(),
                "-storetype", "PKCS12", "-keystore", dir.resolve("trust.p12").toString(), "-storepass", "trust-pass");
        registry = SchemaRegistryApplication.start(SchemaRegistryApplication.Config.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", RegistryTestSupport.bootstrapServers(), "SCHEMA_REGISTRY_PORT", "0",
                "SCHEMA_REGISTRY_TOPIC", "_schemas_tls", "SCHEMA_REGISTRY_WRITER_USERNAME", "ci",
                "SCHEMA_REGISTRY_WRITER_PASSWORD", "tls-writer-secret",
                "SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION", dir.resolve("server.p12").toString(),
                "SCHEMA_REGISTRY_SSL_KEYSTORE_PASSWORD", "server-pass")));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        config.put(SerdeConfig.BASIC_AUTH_USER_INFO, WRITER);
        config.put(SerdeConfig.SSL_TRUSTSTORE_LOCATION, dir.resolve("trust.p12").toString());
        config.put(SerdeConfig.SSL_TRUSTSTORE_PASSWORD, "trust-pass");
        config.put(SerdeConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");
        return config;
    }

    @Test
    void serdeConfiguredByPropertiesTalksHttpsWithTheTrustStore() {
        assertThat(registry.url()).startsWith("https://");
        Schema schema = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Tls\",\"namespace\":\"t\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}");
        GenericRecord record = new GenericData.Record(schema);
        record.put("n", 7);
        try (AvroWireSerializer<GenericRecord> serializer = new AvroWireSerializer<>();
             AvroWireDeserializer<GenericRecord> deserializer = new AvroWireDeserializer<>()) {
            serializer.configure(serdeConfig(), false);
            deserializer.configure(serdeConfig(), false);
            byte[] bytes = serializer.serialize("tls-topic", record);
            assertThat(deserializer.deserialize("tls-topic", bytes).get("n")).isEqualTo(7);
        }
    }

    @Test
    void withoutTheTrustStoreTheCertificateIsRefused() {
        HttpSchemaRegistryClient untrusting = new HttpSchemaRegistryClient(registry.url(), Duration.ofSeconds(5), WRITER);
        assertThatThrownBy(() -> untrusting.schemaById(1)).isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void confluentPythonClientAdministersTheRegistryOverHttps() throws Exception {
        List<JsonNode> steps = python("admin", registry.url(), "py-admin-value", WRITER, dir.resolve("ca.pem").toString());
        Map<String, JsonNode> byStep = new HashMap<>();
        steps.forEach(step -> byStep.put(step.get("step").asText(), step.get("value")));
        steps.forEach(step -> System.out.println("python " + step));

        int id1 = byStep.get("register_v1").asInt();
        assertThat(byStep.get("register_v2").asInt()).isGreaterThan(id1);
        assertThat(byStep.get("get_subjects").toString()).contains("py-admin-value");
        assertThat(byStep.get("get_versions").toString()).isEqualTo("[1,2]");
        assertThat(byStep.get("test_compatibility_ok").asBoolean()).isTrue();
        assertThat(byStep.get("test_compatibility_broken").asBoolean()).isFalse();
        assertThat(byStep.get("set_compatibility").toString()).contains("FULL_TRANSITIVE");
        assertThat(byStep.get("get_compatibility").asText()).isEqualTo("FULL_TRANSITIVE");
        assertThat(byStep.get("delete_version").asInt()).isEqualTo(1);
        assertThat(byStep.get("get_versions_after_delete").toString()).isEqualTo("[2]");
        assertThat(byStep.get("get_deleted_version").get("error_code").asInt()).isEqualTo(40402);
        assertThat(byStep.get("delete_subject_permanent").toString()).isEqualTo("[2]");
        assertThat(byStep.get("get_subjects_after_delete").toString()).doesNotContain("py-admin-value");
        assertThat(byStep.get("get_versions_of_deleted").get("error_code").asInt()).isEqualTo(40401);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static List<JsonNode> python(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "src/test/python/confluent_admin.py"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        // requests lets these variables override the client's ssl.ca.location (psf/requests#3829): the CA must win
        builder.environment().remove("REQUESTS_CA_BUNDLE");
        builder.environment().remove("CURL_CA_BUNDLE");
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("python3 admin failed:%n%s%n%s", stdout, stderr).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
