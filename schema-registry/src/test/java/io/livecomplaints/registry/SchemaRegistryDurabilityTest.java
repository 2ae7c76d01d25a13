package io.livecomplaints.registry;

import static io.livecomplaints.registry.RegistryTestSupport.call;
import static io.livecomplaints.registry.RegistryTestSupport.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** State lives in the _schemas topic: restarts keep it, and two instances agree on every id. */
class SchemaRegistryDurabilityTest {

    private static String schema(int n) {
        return "{\"type\":\"record\",\"name\":\"E" + n + "\",\"namespace\":\"d\",\"fields\":[{\"name\":\"x\",\"type\":\"long\"}]}";
    }

    @Test
    void aRestartedRegistryServesTheSameIdsAndConfig() throws Exception {
        String firstId;
        try (SchemaRegistryApplication registry = RegistryTestSupport.startRegistry("_schemas_restart")) {
            firstId = call("POST", registry.url() + "/subjects/a-value/versions", schemaBody(schema(1))).body();
            call("PUT", registry.url() + "/config/a-value", "{\"compatibility\":\"FULL\"}");
        }
        try (SchemaRegistryApplication registry = RegistryTestSupport.startRegistry("_schemas_restart")) {
            assertThat(call("POST", registry.url() + "/subjects/a-value/versions", schemaBody(schema(1))).body()).isEqualTo(firstId);
            assertThat(call("GET", registry.url() + "/config/a-value", null).body()).contains("FULL");
            assertThat(call("GET", registry.url() + "/schemas/ids/" + firstId.replaceAll("\\D", ""), null).status()).isEqualTo(200);
        }
    }

    @Test
    void deletesAndModesSurviveARestart() throws Exception {
        String v1 = ConfluentAdminEndpointsTest.record("R", "{\"name\":\"a\",\"type\":\"string\"}");
        String v2 = ConfluentAdminEndpointsTest.record("R", "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
        String hardId;
        try (SchemaRegistryApplication registry = RegistryTestSupport.startRegistry("_schemas_restart_deletes")) {
            hardId = call("POST", registry.url() + "/subjects/gone-value/versions", schemaBody(v1)).body().replaceAll("\\D", "");
            call("POST", registry.url() + "/subjects/kept-value/versions", schemaBody(v2));
            call("POST", registry.url() + "/subjects/soft-value/versions", schemaBody(v2));
            call("POST", registry.url() + "/subjects/soft-value/versions", schemaBody(
                    ConfluentAdminEndpointsTest.record("R", "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"c\",\"type\":\"int\",\"default\":0}")));
            assertThat(call("DELETE", registry.url() + "/subjects/gone-value", null).status()).isEqualTo(200);
            assertThat(call("DELETE", registry.url() + "/subjects/gone-value?permanent=true", null).status()).isEqualTo(200);
            assertThat(call("DELETE", registry.url() + "/subjects/soft-value/versions/1", null).status()).isEqualTo(200);
            assertThat(call("PUT", registry.url() + "/mode/kept-value", "{\"mode\":\"READONLY\"}").status()).isEqualTo(200);
        }
        try (SchemaRegistryApplication registry = RegistryTestSupport.startRegistry("_schemas_restart_deletes")) {
            assertThat(call("GET", registry.url() + "/subjects?deleted=true", null).body()).doesNotContain("gone-value");
            assertThat(call("GET", registry.url() + "/schemas/ids/" + hardId, null).status()).isEqualTo(404);
            assertThat(call("GET", registry.url() + "/subjects/soft-value/versions", null).body()).isEqualTo("[2]");
            assertThat(call("GET", registry.url() + "/subjects/soft-value/versions?deleted=true", null).body()).isEqualTo("[1,2]");
            assertThat(call("GET", registry.url() + "/mode/kept-value", null).body()).isEqualTo("{\"mode\":\"READONLY\"}");
            assertThat(call("POST", registry.url() + "/subjects/kept-value/versions", schemaBody(v1)).status()).isEqualTo(422);
            // numbering continues after the permanently deleted version; the schema gets its old id back
            assertThat(call("POST", registry.url() + "/subjects/gone-value/versions", schemaBody(v1)).body()).isEqualTo("{\"id\":" + hardId + "}");
            assertThat(call("GET", registry.url() + "/subjects/gone-value/versions", null).body()).isEqualTo("[2]");
        }
    }

    /** Versions of one subject that stay BACKWARD compatible with each other: each adds its own defaulted field. */
    private static String evolving(int subject, int n) {
        return "{\"type\":\"record\",\"name\":\"S" + subject + "\",\"namespace\":\"d\",\"fields\":[{\"name\":\"x\",\"type\":\"long\"},"
                + "{\"name\":\"f" + n + "\",\"type\":\"int\",\"default\":0}]}";
    }

    @Test
    void twoInstancesRegisteringConcurrentlyAgreeOnEveryId() throws Exception {
        try (SchemaRegistryApplication a = RegistryTestSupport.startRegistry("_schemas_pair");
             SchemaRegistryApplication b = RegistryTestSupport.startRegistry("_schemas_pair")) {
            List<CompletableFuture<String>> ids = new ArrayList<>();
            IntStream.range(0, 12).forEach(i -> ids.add(CompletableFuture.supplyAsync(() ->
                    call("POST", (i % 2 == 0 ? a : b).url() + "/subjects/s" + (i % 4) + "-value/versions",
                            schemaBody(evolving(i % 4, i))).body())));
            List<String> assigned = ids.stream().map(CompletableFuture::join).toList();

            assertThat(assigned).allMatch(body -> body.matches("\\{\"id\":\\d+}"));
            assertThat(assigned).doesNotHaveDuplicates();
            for (int i = 0; i < 12; i++) {
                String id = assigned.get(i).replaceAll("\\D", "");
                String expected = "\"f" + i + "\\\"";
                // each instance applies the other's writes from the log within a poll interval
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
                    String fromA = call("GET", a.url() + "/schemas/ids/" + id, null).body();
                    String fromB = call("GET", b.url() + "/schemas/ids/" + id, null).body();
                    assertThat(fromA).isEqualTo(fromB).contains(expected);
                });
            }
        }
    }
}
