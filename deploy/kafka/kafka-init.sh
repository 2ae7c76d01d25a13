#!/bin/sh
# Runs once after the broker is healthy: as admin, creates the topics and applies the generated ACLs (acls.sh).
set -eu
: "${KAFKA_ADMIN_PASSWORD:?}"
umask 077
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES
BOOTSTRAP=kafka:9092 ADMIN_CONFIG=/tmp/admin.properties sh /opt/live-complaints/acls.sh
echo "topics and ACLs in place"
