package io.livecomplaints.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.schemas.serde.InMemorySchemaRegistryClient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private final Topics topics = new Topics(new InMemorySchemaRegistryClient(), true);

    @Test
    void everyNamedTopicIsDefinedOnceWithItsSerdes() throws Exception {
        List<String> constants = Arrays.stream(TopicNames.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && !f.getName().equals("DLT_SUFFIX"))
                .map(TopicNamesTestSupport::value)
                .toList();
        assertThat(topics.all()).extracting(Topic::name).containsExactlyInAnyOrderElementsOf(constants);
        assertThat(topics.all()).allSatisfy(t -> {
            assertThat(t.keySerde()).isNotNull();
            assertThat(t.valueSerde()).isNotNull();
            assertThat(t.deadLetterTopic()).isEqualTo(t.name() + "-dlt");
        });
    }

    @Test
    void eachServiceWritesOnlyItsOwnTopics() {
        assertThat(topics.writtenBy(Parties.INTAKE)).extracting(Topic::name).containsExactly("complaints-received");
        assertThat(topics.writtenBy(Parties.TRIAGE)).extracting(Topic::name).containsExactly("complaints-triaged", "triage-control");
        assertThat(topics.writtenBy(Parties.NOTIFICATION)).extracting(Topic::name)
                .containsExactly("notifications", "survey-responses");
        assertThat(topics.complaintCases.compacted()).isTrue();
        assertThat(topics.creditRecords.compacted()).isTrue();
    }

    private static final class TopicNamesTestSupport {
        static String value(Field f) {
            try {
                return (String) f.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
