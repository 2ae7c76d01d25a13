package io.livecomplaints.platform.security;

import io.livecomplaints.schemas.serde.InMemorySchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.schemas.topics.Parties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Least-privilege Kafka ACLs, one principal per service, derived from the {@link Topics} registry (docs/security.md):
 * <ul>
 *   <li>the writer of a topic: WRITE (and DESCRIBE) on it; IDEMPOTENT_WRITE on the cluster;</li>
 *   <li>each reader: READ (and DESCRIBE) on it, WRITE on its {@code <topic>-dlt} for records it gives up on;</li>
 *   <li>each service: its consumer groups, Kafka Streams internal topics (repartition, changelog) and transactional
 *       ids (exactly-once) under the prefix of its name, which is its {@code application.id} and group id;</li>
 *   <li>the upstream systems' principal writes the upstream topics; the schema registry owns {@code _schemas};</li>
 *   <li>the lag exporter may only DESCRIBE: the services' consumer groups and the topics they commit offsets on
 *       (the lifecycle topics and their Streams internal topics), which is what reading committed and end offsets
 *       needs.</li>
 * </ul>
 * Topics (and DLTs) are created by the admin principal, which is the broker's only super user; services then run
 * with {@code COMPLAINTS_TOPICS_CREATE=false}. {@code main} prints the script committed as deploy/kafka/acls.sh.
 */
public final class KafkaAcls {

    public static final String ADMIN = "admin";
    public static final String SCHEMA_REGISTRY = "schema-registry";
    public static final String SCHEMAS_TOPIC = "_schemas";
    public static final String LAG_EXPORTER = "lag-exporter";
    /** The services, each its own principal. */
    public static final List<String> SERVICES = List.of(Parties.INTAKE, Parties.TRIAGE, Parties.RESOLUTION,
            Parties.NOTIFICATION, Parties.ANALYTICS);

    private KafkaAcls() {
    }

    /**
     * Every principal that gets SCRAM credentials besides the admin: the services, the registry, the upstream systems,
     * the lag exporter.
     */
    public static List<String> principals() {
        List<String> principals = new ArrayList<>(SERVICES);
        principals.add(SCHEMA_REGISTRY);
        principals.add(Parties.UPSTREAM);
        principals.add(LAG_EXPORTER);
        return principals;
    }

    /** The ACLs of every principal, in a stable order. */
    public static List<AclBinding> bindings(Topics topics) {
        List<AclBinding> acls = new ArrayList<>();
        for (String service : SERVICES) {
            for (Topic<String, ?> topic : topics.writtenBy(service)) {
                allow(acls, service, topic(topic.name()), AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            for (Topic<String, ?> topic : topics.readBy(service)) {
                allow(acls, service, topic(topic.name()), AclOperation.READ, AclOperation.DESCRIBE);
                allow(acls, service, topic(topic.deadLetterTopic()), AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            allow(acls, service, new ResourcePattern(ResourceType.GROUP, service, PatternType.PREFIXED), AclOperation.READ,
                    AclOperation.DESCRIBE);
            // Kafka Streams' own topics: <application.id>-...-repartition / -changelog
            allow(acls, service, new ResourcePattern(ResourceType.TOPIC, service + "-", PatternType.PREFIXED), AclOperation.READ,
                    AclOperation.WRITE, AclOperation.CREATE, AclOperation.DELETE, AclOperation.DESCRIBE,
                    AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS);
            allow(acls, service, new ResourcePattern(ResourceType.TRANSACTIONAL_ID, service, PatternType.PREFIXED),
                    AclOperation.WRITE, AclOperation.DESCRIBE);
            allow(acls, service, cluster(), AclOperation.IDEMPOTENT_WRITE);
        }
        allow(acls, SCHEMA_REGISTRY, topic(SCHEMAS_TOPIC), AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE,
                AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
        allow(acls, SCHEMA_REGISTRY, cluster(), AclOperation.IDEMPOTENT_WRITE);
        for (Topic<String, ?> topic : topics.writtenBy(Parties.UPSTREAM)) {
            allow(acls, Parties.UPSTREAM, topic(topic.name()), AclOperation.WRITE, AclOperation.DESCRIBE);
        }
        allow(acls, Parties.UPSTREAM, cluster(), AclOperation.IDEMPOTENT_WRITE);
        // the lag exporter lists the groups it may describe, reads their committed offsets (OffsetFetch leaves out
        // topics it may not describe) and the end offsets (ListOffsets): DESCRIBE, nothing else
        for (String service : SERVICES) {
            allow(acls, LAG_EXPORTER, new ResourcePattern(ResourceType.GROUP, service, PatternType.PREFIXED), AclOperation.DESCRIBE);
            allow(acls, LAG_EXPORTER, new ResourcePattern(ResourceType.TOPIC, service + "-", PatternType.PREFIXED), AclOperation.DESCRIBE);
        }
        for (Topic<String, ?> topic : topics.all()) {
            allow(acls, LAG_EXPORTER, topic(topic.name()), AclOperation.DESCRIBE);
        }
        return acls;
    }

    /** The kafka-acls.sh commands that add {@link #bindings}, one command per principal and resource. */
    public static String script(Topics topics) {
        Map<String, Set<AclOperation>> commands = new LinkedHashMap<>();
        for (AclBinding acl : bindings(topics)) {
            commands.computeIfAbsent(arguments(acl), k -> EnumSet.noneOf(AclOperation.class)).add(acl.entry().operation());
        }
        StringBuilder script = new StringBuilder("""
                #!/bin/sh
                # Least-privilege ACLs of every principal, GENERATED from the Topics registry by
                # io.livecomplaints.platform.security.KafkaAcls (do not edit; KafkaAclsTest fails when this file is stale and
                # regenerates it with: mvn -pl platform -am test -Dtest=KafkaAclsTest -Dsurefire.failIfNoSpecifiedTests=false -Dacls.update=true).
                # Run as the admin principal: BOOTSTRAP=kafka:9092 ADMIN_CONFIG=/path/admin.properties deploy/kafka/acls.sh
                set -eu
                : "${BOOTSTRAP:?set BOOTSTRAP to the broker's SASL listener}"
                : "${ADMIN_CONFIG:?set ADMIN_CONFIG to the admin client properties (SASL/SCRAM credentials of admin)}"
                KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
                PARTITIONS="${PARTITIONS:-3}"
                REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
                acl() { "$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add "$@" >/dev/null; }
                topic() { "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --create --if-not-exists \
                  --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR" --topic "$@" >/dev/null; }

                # Topics and their dead-letter topics, created by the admin (services run with COMPLAINTS_TOPICS_CREATE=false)
                """);
        for (Topic<String, ?> topic : topics.all()) {
            script.append("topic ").append(topic.name()).append(topic.compacted() ? " --config cleanup.policy=compact" : "").append('\n');
            script.append("topic ").append(topic.deadLetterTopic()).append('\n');
        }
        String principal = null;
        for (Map.Entry<String, Set<AclOperation>> command : commands.entrySet()) {
            String owner = command.getKey().split(" ")[1];
            if (!owner.equals(principal)) {
                principal = owner;
                script.append("\n# ").append(owner).append('\n');
            }
            script.append("acl ").append(command.getKey())
                    .append(command.getValue().stream().map(op -> " --operation " + operationName(op)).collect(Collectors.joining()))
                    .append('\n');
        }
        return script.toString();
    }

    private static String arguments(AclBinding acl) {
        ResourcePattern resource = acl.pattern();
        String target = switch (resource.resourceType()) {
            case TOPIC -> "--topic " + resource.name();
            case GROUP -> "--group " + resource.name();
            case TRANSACTIONAL_ID -> "--transactional-id " + resource.name();
            case CLUSTER -> "--cluster";
            default -> throw new IllegalArgumentException("unexpected resource " + resource);
        };
        String pattern = resource.patternType() == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "";
        return "--allow-principal " + acl.entry().principal() + " " + target + pattern;
    }

    private static String operationName(AclOperation op) {
        // kafka-acls.sh spells operations in CamelCase: IdempotentWrite, DescribeConfigs
        return java.util.Arrays.stream(op.name().split("_"))
                .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT)).collect(Collectors.joining());
    }

    private static void allow(List<AclBinding> acls, String principal, ResourcePattern resource, AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(resource, new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static ResourcePattern cluster() {
        return new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
    }

    /** A readable table of who may do what, for docs/security.md. */
    public static String table(Topics topics) {
        Map<String, Map<String, Set<AclOperation>>> byPrincipal = new TreeMap<>();
        for (AclBinding acl : bindings(topics)) {
            ResourcePattern r = acl.pattern();
            String resource = r.resourceType().name().toLowerCase(Locale.ROOT) + " " + r.name()
                    + (r.patternType() == PatternType.PREFIXED ? "*" : "");
            byPrincipal.computeIfAbsent(acl.entry().principal(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(resource, k -> EnumSet.noneOf(AclOperation.class)).add(acl.entry().operation());
        }
        StringBuilder table = new StringBuilder("| principal | resource | operations |\n| --- | --- | --- |\n");
        byPrincipal.forEach((principal, resources) -> resources.forEach((resource, ops) -> table.append("| ").append(principal)
                .append(" | ").append(resource).append(" | ")
                .append(ops.stream().sorted(Comparator.naturalOrder()).map(KafkaAcls::operationName).collect(Collectors.joining(", ")))
                .append(" |\n")));
        return table.toString();
    }

    /** Prints the ACL script (or, with {@code --table}, the markdown table). */
    public static void main(String[] args) {
        Topics topics = new Topics(new InMemorySchemaRegistryClient(), false);
        System.out.print(args.length > 0 && args[0].equals("--table") ? table(topics) : script(topics));
    }
}
