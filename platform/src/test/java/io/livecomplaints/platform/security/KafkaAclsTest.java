package io.livecomplaints.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.schemas.serde.InMemorySchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.schemas.topics.Parties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** The committed ACL script is exactly what the Topics registry gives; the single-writer rule holds in the ACLs. */
class KafkaAclsTest {

    private static final Path SCRIPT = Path.of("../deploy/kafka/acls.sh");
    private final Topics topics = new Topics(new InMemorySchemaRegistryClient(), false);

    @Test
    void theCommittedScriptIsTheGeneratedOne() throws Exception {
        String generated = KafkaAcls.script(topics);
        if (Boolean.getBoolean("acls.update")) {
            Files.writeString(SCRIPT, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SCRIPT, StandardCharsets.UTF_8))
                .as("deploy/kafka/acls.sh is stale: mvn -pl platform -am test -Dtest=KafkaAclsTest -Dsurefire.failIfNoSpecifiedTests=false -Dacls.update=true").isEqualTo(generated);
    }

    @Test
    void everyTopicHasExactlyOneWriterPrincipalAndNoServiceHasWildcards() {
        for (var topic : topics.all()) {
            assertThat(KafkaAcls.bindings(topics).stream()
                    .filter(a -> a.pattern().resourceType() == ResourceType.TOPIC && a.pattern().name().equals(topic.name())
                            && a.entry().operation() == AclOperation.WRITE)
                    .map(a -> a.entry().principal()).toList())
                    .as(topic.name()).containsExactly("User:" + topic.writer());
        }
        for (AclBinding acl : KafkaAcls.bindings(topics)) {
            assertThat(acl.pattern().name()).isNotEqualTo("*");
            assertThat(acl.entry().operation()).isNotIn(AclOperation.ALL, AclOperation.ALTER);
        }
    }

    @Test
    void aServiceReadsItsInputsAndWritesOnlyItsOwnTopicsAndTheDeadLettersOfItsInputs() {
        var intake = KafkaAcls.bindings(topics).stream().filter(a -> a.entry().principal().equals("User:" + Parties.INTAKE)
                && a.pattern().resourceType() == ResourceType.TOPIC).toList();
        assertThat(intake).anyMatch(a -> a.pattern().name().equals("complaint-submissions") && a.entry().operation() == AclOperation.READ);
        assertThat(intake).filteredOn(a -> a.entry().operation() == AclOperation.WRITE).extracting(a -> a.pattern().name())
                .containsExactlyInAnyOrder("complaints-received", "commerce-orders-dlt", "live-sessions-dlt",
                        "complaint-submissions-dlt", "complaints-received-dlt", "complaint-cases-dlt", "intake-service-");
    }

    @Test
    void theLagExporterMayOnlyDescribeTheServicesGroupsAndTheirTopics() {
        var exporter = KafkaAcls.bindings(topics).stream().filter(a -> a.entry().principal().equals("User:" + KafkaAcls.LAG_EXPORTER)).toList();
        assertThat(KafkaAcls.principals()).contains(KafkaAcls.LAG_EXPORTER);
        assertThat(exporter).isNotEmpty().allMatch(a -> a.entry().operation() == AclOperation.DESCRIBE)
                .allMatch(a -> a.pattern().resourceType() == ResourceType.GROUP || a.pattern().resourceType() == ResourceType.TOPIC);
        for (String service : KafkaAcls.SERVICES) {
            assertThat(exporter).as(service + "'s groups").anyMatch(a -> a.pattern().resourceType() == ResourceType.GROUP
                    && a.pattern().name().equals(service));
        }
        for (var topic : topics.all()) {
            assertThat(exporter).as(topic.name()).anyMatch(a -> a.pattern().resourceType() == ResourceType.TOPIC
                    && a.pattern().name().equals(topic.name()));
        }
    }
}
