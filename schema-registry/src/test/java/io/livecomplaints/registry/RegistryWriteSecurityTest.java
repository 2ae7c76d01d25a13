package io.livecomplaints.registry;

import static io.livecomplaints.registry.RegistryTestSupport.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livecomplaints.schemas.serde.HttpSchemaRegistryClient;
import io.livecomplaints.schemas.serde.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 #6, over real HTTP on a real registry with a writer credential (SCHEMA_REGISTRY_WRITER_*): anyone could set
 * a subject's compatibility to NONE and register an incompatible schema, or pre-register a bogus one, and subject
 * names were unchecked. Now writes need the writer's HTTP Basic credential (401, code 40101, otherwise), reads stay
 * open, a subject must be {@code <topic>-key|value} of safe characters (422, code 42208), and our client
 * (HttpSchemaRegistryClient, as the serializers and the one-shot registration use it) passes the credential.
 */
class RegistryWriteSecurityTest {

    private static final String V1 = "{\"type\":\"record\",\"name\":\"Parcel\",\"namespace\":\"t\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final String BREAKING = "{\"type\":\"record\",\"name\":\"Parcel\",\"namespace\":\"t\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SchemaRegistryApplication registry;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        registry = SchemaRegistryApplication.start(SchemaRegistryApplication.Config.fromEnvironment(java.util.Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", RegistryTestSupport.bootstrapServers(), "SCHEMA_REGISTRY_PORT", "0",
                "SCHEMA_REGISTRY_TOPIC", "_schemas_secured", "SCHEMA_REGISTRY_WRITER_USERNAME", "ci",
                "SCHEMA_REGISTRY_WRITER_PASSWORD", "s3cret-for-test")));
        url = registry.url();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static HttpResponse<String> call(String method, String path, String body, String userInfo) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (userInfo != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void writesNeedTheWriterCredentialReadsDoNot() throws Exception {
        HttpResponse<String> anonymous = call("POST", "/subjects/parcels-value/versions", schemaBody(V1), null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"error_code\":40101");
        assertThat(call("POST", "/subjects/parcels-value/versions", schemaBody(V1), "ci:wrong").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/subjects/parcels-value/versions", schemaBody(V1), "someone:s3cret-for-test").statusCode()).isEqualTo(401);

        HttpResponse<String> registered = call("POST", "/subjects/parcels-value/versions", schemaBody(V1), "ci:s3cret-for-test");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

        // the attack of the probe: compatibility to NONE, then an incompatible schema
        assertThat(call("PUT", "/config/parcels-value", "{\"compatibility\":\"NONE\"}", null).statusCode()).isEqualTo(401);
        assertThat(call("PUT", "/config", "{\"compatibility\":\"NONE\"}", null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/subjects/parcels-value/versions", schemaBody(BREAKING), null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/config/parcels-value?defaultToGlobal=true", null, null).body()).contains("BACKWARD");

        // deletes and modes are writes too (issue 18)
        assertThat(call("DELETE", "/subjects/parcels-value", null, null).statusCode()).isEqualTo(401);
        assertThat(call("DELETE", "/subjects/parcels-value/versions/1", null, null).statusCode()).isEqualTo(401);
        assertThat(call("PUT", "/mode", "{\"mode\":\"READONLY\"}", null).statusCode()).isEqualTo(401);
        assertThat(call("PUT", "/mode/parcels-value", "{\"mode\":\"READONLY\"}", "ci:wrong").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/mode", null, null).body()).contains("READWRITE");

        // reads and lookups stay open: every consumer resolves ids without a credential
        assertThat(call("GET", "/subjects", null, null).body()).contains("parcels-value");
        assertThat(call("GET", "/subjects/parcels-value/versions/latest", null, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/subjects/parcels-value", schemaBody(V1), null).statusCode()).as("lookup").isEqualTo(200);
        assertThat(call("POST", "/compatibility/subjects/parcels-value/versions/latest", schemaBody(BREAKING), null).body())
                .contains("\"is_compatible\":false");
    }

    @Test
    void subjectNamesAreTopicNameStrategyNamesOfSafeCharacters() throws Exception {
        for (String subject : new String[] {"probe-test-%2F..%2Fconfig-value", "probe%20test-value", "parcels", "..-value",
                "parcels-value%00", "a%2Fb-key"}) {
            HttpResponse<String> refused = call("POST", "/subjects/" + subject + "/versions", schemaBody(V1), "ci:s3cret-for-test");
            assertThat(refused.statusCode()).as(subject + " → " + refused.body()).isEqualTo(422);
            assertThat(refused.body()).contains("\"error_code\":42208");
        }
        assertThat(call("PUT", "/config/probe-test-%2F..%2Fconfig-value", "{\"compatibility\":\"NONE\"}", "ci:s3cret-for-test")
                .statusCode()).isEqualTo(422);
        assertThat(call("GET", "/subjects", null, null).body()).doesNotContain("probe", "config-value");
        assertThat(call("POST", "/subjects/complaint-cases.v2_x-key/versions", schemaBody(V1), "ci:s3cret-for-test").statusCode())
                .isEqualTo(200);
    }

    @Test
    void ourClientPassesTheCredential() {
        Schema schema = new Schema.Parser().parse(V1);
        assertThatThrownBy(() -> new HttpSchemaRegistryClient(url).register("client-value", schema))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.getMessage()).contains("401"));
        int id = new HttpSchemaRegistryClient(url, Duration.ofSeconds(10), "ci:s3cret-for-test").register("client-value", schema);
        assertThat(new HttpSchemaRegistryClient(url).lookup("client-value", schema)).as("lookups need no credential").isEqualTo(id);
    }

    /** The production stack's one-shot registration (schema-init in docker-compose.yml) registers every subject. */
    @Test
    void theOneShotRegistrationRegistersEveryTopicsValueSchema() throws Exception {
        java.util.Map<String, Integer> ids = io.livecomplaints.schemas.topics.RegisterSchemas.registerAll(
                new HttpSchemaRegistryClient(url, Duration.ofSeconds(10), "ci:s3cret-for-test"));
        assertThat(ids).containsKeys("complaint-submissions-value", "complaints-received-value", "complaint-cases-value",
                "survey-responses-value", "credit-records-value");
        String subjects = call("GET", "/subjects", null, null).body();
        ids.keySet().forEach(subject -> assertThat(subjects).contains("\"" + subject + "\""));
        assertThat(io.livecomplaints.schemas.topics.RegisterSchemas.registerAll(
                new HttpSchemaRegistryClient(url, Duration.ofSeconds(10), "ci:s3cret-for-test"))).as("idempotent").isEqualTo(ids);
    }
}
