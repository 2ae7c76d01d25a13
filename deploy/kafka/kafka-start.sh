#!/bin/bash
# Starts the compose broker on the project's one broker configuration (server.properties, shared with platform's
# LocalCluster) with the settings of server-sasl.properties (docs/security.md), which KafkaSecurityIT proves through
# LocalCluster.startSecuredBroker: one SASL_PLAINTEXT listener for clients (SCRAM-SHA-512), the controller listener
# with SASL/PLAIN as admin, the StandardAuthorizer, admin the only super user. Only the listeners and log.dirs are
# this broker's own. SCRAM credentials of every principal are written when the storage is formatted (first start
# only). Every password comes from the environment; none is stored in this repository.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?}"
: "${CLUSTER_ID:?}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
declare -A users=(
  [intake-service]="${KAFKA_INTAKE_PASSWORD:?}"
  [triage-service]="${KAFKA_TRIAGE_PASSWORD:?}"
  [resolution-service]="${KAFKA_RESOLUTION_PASSWORD:?}"
  [notification-service]="${KAFKA_NOTIFICATION_PASSWORD:?}"
  [analytics-service]="${KAFKA_ANALYTICS_PASSWORD:?}"
  [schema-registry]="${KAFKA_SCHEMA_REGISTRY_PASSWORD:?}"
  [upstream-commerce]="${KAFKA_UPSTREAM_PASSWORD:?}"
  [lag-exporter]="${KAFKA_LAG_EXPORTER_PASSWORD:?}"
)
config=/tmp/server.properties
umask 077
sasl="$(< "$here/server-sasl.properties")"
{
  cat "$here/server.properties"
  # the admin's password in place of the placeholder (quoted: no pattern characters, no & in the replacement)
  printf '%s\n' "${sasl//'${KAFKA_ADMIN_PASSWORD}'/"$KAFKA_ADMIN_PASSWORD"}"
  cat <<PROPERTIES
controller.quorum.voters=1@kafka:9093
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://:9093,EXTERNAL://:29092
advertised.listeners=${KAFKA_ADVERTISED_LISTENERS:-SASL_PLAINTEXT://kafka:9092,EXTERNAL://localhost:29092}
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT
listener.name.external.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
log.dirs=/var/lib/kafka/data
PROPERTIES
} > "$config"
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
