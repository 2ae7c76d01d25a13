package io.livecomplaints.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
    }

    private final Schema v1 = record("{\"name\":\"a\",\"type\":\"string\"}");

    @Test
    void addingAFieldWithADefaultIsBackwardCompatible() {
        Schema v2 = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
        assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, v2, List.of(v1))).isEmpty();
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FULL, v2, List.of(v1))).isEmpty();
    }

    @Test
    void addingAFieldWithoutADefaultIsNotBackwardCompatibleButIsForward() {
        Schema v2 = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}");
        assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, v2, List.of(v1)))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("/fields/1");
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FORWARD, v2, List.of(v1))).isEmpty();
        assertThat(CompatibilityChecker.check(CompatibilityLevel.NONE, v2, List.of(v1))).isEmpty();
    }

    @Test
    void changingATypeIsRefused() {
        Schema v2 = record("{\"name\":\"a\",\"type\":\"int\"}");
        assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, v2, List.of(v1))).isNotEmpty();
    }

    @Test
    void transitiveLevelsCheckEveryVersionNotOnlyTheLatest() {
        Schema v2 = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
        Schema v3 = record("{\"name\":\"b\",\"type\":\"int\"}");
        assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, v3, List.of(v1, v2))).isEmpty();
        assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, v3, List.of(v1, v2))).isNotEmpty();
    }
}
