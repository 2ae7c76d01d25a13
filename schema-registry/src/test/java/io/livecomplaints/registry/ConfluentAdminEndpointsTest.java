package io.livecomplaints.registry;

import static io.livecomplaints.registry.RegistryTestSupport.call;
import static io.livecomplaints.registry.RegistryTestSupport.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.registry.RegistryTestSupport.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 #5, over real HTTP on a real registry: the Confluent endpoints tools expect, with Confluent's documented
 * answers and error codes: DELETE of a subject and of a version (soft, then ?permanent=true), /mode (READWRITE,
 * READONLY enforced; IMPORT refused), /schemas/types, and compatibility against all versions (transitive levels).
 */
class ConfluentAdminEndpointsTest {

    private static SchemaRegistryApplication registry;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        registry = RegistryTestSupport.startRegistry("_schemas_admin");
        url = registry.url();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    static String record(String name, String fields) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"adm\",\"fields\":[" + fields + "]}";
    }

    private static Response register(String subject, String schema) {
        return call("POST", url + "/subjects/" + subject + "/versions", schemaBody(schema));
    }

    @Test
    void softThenPermanentSubjectDelete() {
        String v1 = record("Del", "{\"name\":\"a\",\"type\":\"string\"}");
        String v2 = record("Del", "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
        String id1 = register("del-value", v1).body().replaceAll("\\D", "");
        register("del-value", v2);

        assertThat(call("DELETE", url + "/subjects/del-value?permanent=true", null))
                .as("permanent before soft").satisfies(r -> assertError(r, 404, 40405));
        Response soft = call("DELETE", url + "/subjects/del-value", null);
        System.out.println("DELETE /subjects/del-value -> " + soft.status() + " " + soft.body());
        assertThat(soft.status()).isEqualTo(200);
        assertThat(soft.body()).isEqualTo("[1,2]");

        assertError(call("GET", url + "/subjects/del-value/versions", null), 404, 40401);
        assertThat(call("GET", url + "/subjects", null).body()).doesNotContain("del-value");
        assertThat(call("GET", url + "/subjects?deleted=true", null).body()).contains("del-value");
        assertThat(call("GET", url + "/subjects/del-value/versions?deleted=true", null).body()).isEqualTo("[1,2]");
        assertThat(call("GET", url + "/schemas/ids/" + id1, null).status()).as("soft delete keeps the id").isEqualTo(200);
        Response again = call("DELETE", url + "/subjects/del-value", null);
        System.out.println("DELETE /subjects/del-value (again) -> " + again.status() + " " + again.body());
        assertError(again, 404, 40404);

        Response hard = call("DELETE", url + "/subjects/del-value?permanent=true", null);
        System.out.println("DELETE /subjects/del-value?permanent=true -> " + hard.status() + " " + hard.body());
        assertThat(hard.body()).isEqualTo("[1,2]");
        assertError(call("GET", url + "/subjects/del-value/versions?deleted=true", null), 404, 40401);
        assertError(call("GET", url + "/schemas/ids/" + id1, null), 404, 40403);
        assertError(call("DELETE", url + "/subjects/never-value", null), 404, 40401);

        // the subject starts again; version numbers are not reused
        register("del-value", v1);
        assertThat(call("GET", url + "/subjects/del-value/versions", null).body()).isEqualTo("[3]");
    }

    @Test
    void softThenPermanentVersionDelete() {
        register("ver-value", record("Ver", "{\"name\":\"a\",\"type\":\"string\"}"));
        register("ver-value", record("Ver", "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}"));

        assertError(call("DELETE", url + "/subjects/ver-value/versions/1?permanent=true", null), 404, 40407);
        Response soft = call("DELETE", url + "/subjects/ver-value/versions/1", null);
        System.out.println("DELETE /subjects/ver-value/versions/1 -> " + soft.status() + " " + soft.body());
        assertThat(soft.body()).isEqualTo("1");
        assertThat(call("GET", url + "/subjects/ver-value/versions", null).body()).isEqualTo("[2]");
        assertError(call("GET", url + "/subjects/ver-value/versions/1", null), 404, 40402);
        assertThat(call("GET", url + "/subjects/ver-value/versions/1?deleted=true", null).status()).isEqualTo(200);
        assertError(call("DELETE", url + "/subjects/ver-value/versions/1", null), 404, 40406);
        assertError(call("DELETE", url + "/subjects/ver-value/versions/9", null), 404, 40402);
        assertError(call("DELETE", url + "/subjects/ver-value/versions/zero", null), 422, 42202);

        assertThat(call("DELETE", url + "/subjects/ver-value/versions/1?permanent=true", null).body()).isEqualTo("1");
        assertThat(call("GET", url + "/subjects/ver-value/versions?deleted=true", null).body()).isEqualTo("[2]");
        assertThat(call("DELETE", url + "/subjects/ver-value/versions/latest", null).body()).isEqualTo("2");
        assertError(call("GET", url + "/subjects/ver-value/versions/latest", null), 404, 40401);
    }

    @Test
    void readOnlyModeRefusesNewSchemasAndDeletes() {
        String v1 = record("Ro", "{\"name\":\"a\",\"type\":\"string\"}");
        String v2 = record("Ro", "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
        String id = register("ro-value", v1).body();
        assertThat(call("GET", url + "/mode", null).body()).isEqualTo("{\"mode\":\"READWRITE\"}");
        assertError(call("GET", url + "/mode/ro-value", null), 404, 40409);

        Response put = call("PUT", url + "/mode/ro-value", "{\"mode\":\"READONLY\"}");
        System.out.println("PUT /mode/ro-value {\"mode\":\"READONLY\"} -> " + put.status() + " " + put.body());
        assertThat(put.body()).isEqualTo("{\"mode\":\"READONLY\"}");
        assertThat(call("GET", url + "/mode/ro-value", null).body()).isEqualTo("{\"mode\":\"READONLY\"}");
        Response refused = register("ro-value", v2);
        System.out.println("POST /subjects/ro-value/versions (READONLY) -> " + refused.status() + " " + refused.body());
        assertError(refused, 422, 42205);
        assertThat(register("ro-value", v1).body()).as("an existing schema is a read").isEqualTo(id);
        assertError(call("DELETE", url + "/subjects/ro-value", null), 422, 42205);
        assertThat(register("other-value", v1).status()).as("other subjects follow the global mode").isEqualTo(200);

        assertError(call("PUT", url + "/mode", "{\"mode\":\"IMPORT\"}"), 422, 42204);
        assertError(call("PUT", url + "/mode", "{\"mode\":\"WRITEONLY\"}"), 422, 42204);
        assertThat(call("PUT", url + "/mode/ro-value", "{\"mode\":\"READWRITE\"}").status()).isEqualTo(200);
        assertThat(register("ro-value", v2).status()).isEqualTo(200);
        assertThat(call("GET", url + "/mode/ro-value?defaultToGlobal=true", null).body()).contains("READWRITE");
    }

    @Test
    void schemaTypes() {
        Response types = call("GET", url + "/schemas/types", null);
        assertThat(types.status()).isEqualTo(200);
        assertThat(types.body()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void compatibilityAgainstAllVersionsFollowsTransitiveLevels() {
        // v1 {a: string} -> v2 {} drops a; a candidate {a: int = 0} reads v2 data but not v1 data
        register("tr-value", record("Tr", "{\"name\":\"a\",\"type\":\"string\"}"));
        register("tr-value", record("Tr", ""));
        String candidate = schemaBody(record("Tr", "{\"name\":\"a\",\"type\":\"int\",\"default\":0}"));

        assertThat(call("POST", url + "/compatibility/subjects/tr-value/versions", candidate).body())
                .as("BACKWARD: against the latest").isEqualTo("{\"is_compatible\":true}");
        call("PUT", url + "/config/tr-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
        Response all = call("POST", url + "/compatibility/subjects/tr-value/versions?verbose=true", candidate);
        System.out.println("POST /compatibility/subjects/tr-value/versions?verbose=true -> " + all.status() + " " + all.body());
        assertThat(all.body()).startsWith("{\"is_compatible\":false,\"messages\":[\"");
        assertThat(call("POST", url + "/compatibility/subjects/tr-value/versions", candidate).body())
                .isEqualTo("{\"is_compatible\":false}");
        assertThat(register("tr-value", record("Tr", "{\"name\":\"a\",\"type\":\"int\",\"default\":0}")).status())
                .as("registration applies the same rule").isEqualTo(409);
        assertThat(call("POST", url + "/compatibility/subjects/new-value/versions", candidate).body())
                .as("an unknown subject accepts anything").isEqualTo("{\"is_compatible\":true}");
        assertError(call("POST", url + "/compatibility/subjects/tr-value/versions", "{\"schema\":\"{oops\"}"), 422, 42201);
    }

    static void assertError(Response response, int status, int errorCode) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"error_code\":" + errorCode);
    }
}
