#!/bin/bash
# Starts the compose broker as platform's LocalCluster.startSecuredBroker does in KafkaSecurityIT (docs/security.md):
# one SASL_PLAINTEXT listener for clients (SCRAM-SHA-512), the controller listener with SASL/PLAIN as admin, the
# StandardAuthorizer, admin the only super user. SCRAM credentials of every principal are written when the storage
# is formatted (first start only). Every password comes from the environment; none is stored in this repository.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?}"
: "${CLUSTER_ID:?}"
declare -A users=(
  [intake-service]="${KAFKA_INTAKE_PASSWORD:?}"
  [triage-service]="${KAFKA_TRIAGE_PASSWORD:?}"
  [resolution-service]="${KAFKA_RESOLUTION_PASSWORD:?}"
  [notification-service]="${KAFKA_NOTIFICATION_PASSWORD:?}"
  [analytics-service]="${KAFKA_ANALYTICS_PASSWORD:?}"
  [schema-registry]="${KAFKA_SCHEMA_REGISTRY_PASSWORD:?}"
  [upstream-commerce]="${KAFKA_UPSTREAM_PASSWORD:?}"
)
config=/tmp/server.properties
umask 077
cat > "$config" <<PROPERTIES
process.roles=${KAFKA_PROCESS_ROLES:-broker,controller}
node.id=1
controller.quorum.voters=1@kafka:9093
controller.listener.names=CONTROLLER
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://:9093,EXTERNAL://:29092
advertised.listeners=${KAFKA_ADVERTISED_LISTENERS:-SASL_PLAINTEXT://kafka:9092,EXTERNAL://localhost:29092}
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}" user_admin="${KAFKA_ADMIN_PASSWORD}";
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
listener.name.external.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
log.dirs=/var/lib/kafka/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES
scram=(--add-scram "SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD}]")
for user in "${!users[@]}"; do
  scram+=(--add-scram "SCRAM-SHA-512=[name=${user},password=${users[$user]}]")
done
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t "$CLUSTER_ID" -c "$config" "${scram[@]}" >/dev/null
exec /opt/kafka/bin/kafka-server-start.sh "$config"
