package io.livecomplaints.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The build check: every event schema is compatible with all its released versions, and released. */
class SchemaHistoryTest {

    private final SchemaHistory history = new SchemaHistory(Path.of("src/main/avro-history"));

    static List<Schema> currentSchemas() {
        return SchemaHistory.currentSchemas();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void currentSchemaIsBackwardCompatibleWithEveryReleasedVersion(Schema current) {
        List<Schema> released = history.versions(current.getFullName());
        assertThat(released).as("released versions of %s", current.getFullName()).isNotEmpty();
        assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, current, released)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void latestReleasedVersionIsTheCurrentSchema(Schema current) {
        List<Schema> released = history.versions(current.getFullName());
        assertThat(released.get(released.size() - 1))
                .as("%s changed since its last released version: run "
                        + "'mvn -q -pl schemas compile exec:java -Dexec.args=freeze' and commit src/main/avro-history",
                        current.getFullName())
                .isEqualTo(current);
    }
}
