package io.livecomplaints.registry;

import static io.livecomplaints.registry.RegistryTestSupport.call;
import static io.livecomplaints.registry.RegistryTestSupport.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.registry.RegistryTestSupport.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Confluent REST subset over real HTTP, with state in a real (embedded) Kafka topic. */
class SchemaRegistryApiTest {

    private static final String V1 = "{\"type\":\"record\",\"name\":\"Parcel\",\"namespace\":\"t\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final String V2 = "{\"type\":\"record\",\"name\":\"Parcel\",\"namespace\":\"t\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"weight\",\"type\":\"int\",\"default\":0}]}";
    private static final String BREAKING = "{\"type\":\"record\",\"name\":\"Parcel\",\"namespace\":\"t\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"owner\",\"type\":\"string\"}]}";

    private static SchemaRegistryApplication registry;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        registry = RegistryTestSupport.startRegistry("_schemas_api");
        url = registry.url();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void registersVersionsAndServesThemByIdAndSubject() {
        Response first = call("POST", url + "/subjects/parcels-value/versions", schemaBody(V1));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).matches("\\{\"id\":\\d+}");
        Response again = call("POST", url + "/subjects/parcels-value/versions", schemaBody(V1));
        assertThat(again.body()).isEqualTo(first.body());
        Response second = call("POST", url + "/subjects/parcels-value/versions", schemaBody(V2));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isNotEqualTo(first.body());

        assertThat(call("GET", url + "/subjects/parcels-value/versions", null).body()).isEqualTo("[1,2]");
        assertThat(call("GET", url + "/subjects", null).body()).contains("\"parcels-value\"");
        Response latest = call("GET", url + "/subjects/parcels-value/versions/latest", null);
        assertThat(latest.body()).contains("\"version\":2").contains("weight");
        String id = first.body().replaceAll("\\D", "");
        assertThat(call("GET", url + "/schemas/ids/" + id, null).body()).contains("\"schema\"").doesNotContain("weight");
        assertThat(call("POST", url + "/subjects/parcels-value", schemaBody(V1)).body()).contains("\"version\":1");
        // the same schema under another subject keeps its global id
        assertThat(call("POST", url + "/subjects/other-value/versions", schemaBody(V1)).body()).isEqualTo(first.body());
    }

    @Test
    void refusesAnIncompatibleSchemaWith409LikeConfluent() {
        call("POST", url + "/subjects/strict-value/versions", schemaBody(V1));

        Response refused = call("POST", url + "/subjects/strict-value/versions", schemaBody(BREAKING));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("\"error_code\":409").contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(call("POST", url + "/compatibility/subjects/strict-value/versions/latest?verbose=true", schemaBody(BREAKING)).body())
                .contains("\"is_compatible\":false").contains("messages");
        assertThat(call("POST", url + "/compatibility/subjects/strict-value/versions/latest", schemaBody(V2)).body())
                .isEqualTo("{\"is_compatible\":true}");
        assertThat(call("GET", url + "/subjects/strict-value/versions", null).body()).isEqualTo("[1]");
    }

    @Test
    void compatibilityIsConfigurablePerSubject() {
        call("POST", url + "/subjects/loose-value/versions", schemaBody(V1));
        assertThat(call("GET", url + "/config/loose-value", null).status()).isEqualTo(404);
        assertThat(call("PUT", url + "/config/loose-value", "{\"compatibility\":\"NONE\"}").body())
                .isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(call("GET", url + "/config/loose-value", null).body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(call("GET", url + "/config", null).body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        assertThat(call("POST", url + "/subjects/loose-value/versions", schemaBody(BREAKING)).status()).isEqualTo(200);
        assertThat(call("PUT", url + "/config/loose-value", "{\"compatibility\":\"SIDEWAYS\"}").body()).contains("42203");
    }

    @Test
    void answersErrorsWithConfluentCodes() {
        assertThat(call("GET", url + "/subjects/nope-value/versions", null).body()).contains("\"error_code\":40401");
        assertThat(call("GET", url + "/schemas/ids/99999", null).body()).contains("\"error_code\":40403");
        Response invalid = call("POST", url + "/subjects/bad-value/versions", schemaBody("{\"type\":\"record\",\"name\":\"X\"}"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("42201");
        assertThat(call("POST", url + "/subjects/bad-value/versions", "not json").status()).isEqualTo(400);
        call("POST", url + "/subjects/lookup-value/versions", schemaBody(V1));
        assertThat(call("POST", url + "/subjects/lookup-value", schemaBody(V2)).body()).contains("40403");
        assertThat(call("GET", url + "/subjects/lookup-value/versions/7", null).body()).contains("40402");
    }

    @Test
    void exposesHealthAndPrometheusMetrics() {
        assertThat(call("GET", url + "/actuator/health", null).body()).contains("\"status\":\"UP\"");
        assertThat(call("GET", url + "/actuator/prometheus", null).body()).contains("http_server_requests_seconds_count");
    }
}
